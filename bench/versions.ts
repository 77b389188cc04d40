/**
 * Measurement: what session versions cost (issue 3, timeline). A realistic one-hour session is
 * simulated with six participants' Yjs documents: an 8-item agenda ticked off, notes typed keystroke by
 * keystroke (~60 paragraphs), 150 sticky notes written, edited and moved around, 20 pen strokes. Every
 * 5 simulated minutes a version is captured as the server does it — Y.encodeStateAsUpdate of the live
 * document (on the event loop), deflated (zlib thread pool), stored in SQLite — and at the end one more
 * from the stored log (the unload path: load, merge, encode, deflate, store). Run: node --import tsx bench/versions.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { getAgenda, getBoard, getNotes, toYMap } from '../shared/doc/layout.ts';
import { mergeIntoSnapshot } from '../server/collab/Room.ts';
import { SqliteStore } from '../server/store/sqlite/SqliteStore.ts';
import { DEFAULT_THINNING, thinVersions } from '../server/versions/thinVersions.ts';
import { packState } from '../server/versions/versionState.ts';
import { summarize } from './stats.ts';

const PARTICIPANTS = 6;
const MINUTES = 60;
const EVERY = 5;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const WORDS = 'case review referral consent handover protocol supervision wellbeing pathway debrief parents teacher nurse plan follow up next week school policy risk'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-bench-versions-'));
  const store = SqliteStore.open({ filename: path.join(dir, 'bench.db') });
  try {
    await store.createUser({ id: 'u', name: 'Bench', email: 'b@example.test', passwordHash: 'h', createdAt: new Date().toISOString() });
    await store.createCommunity({ id: 'c', name: 'c', domain: 'd', groundRules: '', visibility: 'open', createdBy: 'u', createdAt: new Date().toISOString() });
    await store.createSession({ id: 's', communityId: 'c', title: 'Bench', startsAt: new Date().toISOString(), durationMinutes: 60, format: 'workshop', room: 'room-s', createdBy: 'u', createdAt: new Date().toISOString() });

    // The server's copy, and each participant's; every update is relayed to all, and logged as stored.
    const server = new Y.Doc();
    const people = Array.from({ length: PARTICIPANTS }, () => new Y.Doc());
    const log: Uint8Array[] = [];
    for (const p of people) {
      p.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === 'relay') return;
        log.push(u);
        Y.applyUpdate(server, u, 'relay');
        for (const q of people) if (q !== p) Y.applyUpdate(q, u, 'relay');
      });
    }
    const someone = () => people[Math.floor(rand() * PARTICIPANTS)]!;

    getAgenda(people[0]!).push(Array.from({ length: 8 }, (_, i) => toYMap({ id: `a${i}`, title: sentence(4), minutes: 10, owner: 'Hana', done: false })));
    const captures: { rawBytes: number; bytes: number; encodeMs: number; packMs: number; storeMs: number }[] = [];
    let paragraphs = 0;
    let stickies = 0;
    for (let minute = 1; minute <= MINUTES; minute++) {
      // Notes: one paragraph a minute, typed a keystroke at a time.
      const p = someone();
      const notes = getNotes(p);
      const para = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      para.insert(0, [text]);
      notes.insert(notes.length, [para]);
      for (const ch of sentence(10)) text.insert(text.length, ch);
      paragraphs++;
      // Board: 2–3 stickies a minute, each typed, some edited and moved later.
      for (let k = 0; k < (minute % 2 ? 3 : 2); k++) {
        const id = `s${stickies++}`;
        const q = someone();
        getBoard(q).set(id, toYMap({ id, type: 'sticky', x: rand() * 3000, y: rand() * 2000, w: 200, h: 160, text: '', createdBy: 'u', createdAt: Date.now() }));
        const m = getBoard(q).get(id)!;
        let typed = '';
        for (const ch of sentence(6)) m.set('text', (typed += ch));
      }
      for (let k = 0; k < 5; k++) {
        const item = getBoard(someone()).get(`s${Math.floor(rand() * stickies)}`);
        if (!item) continue;
        // A drag sends ~10 intermediate positions.
        for (let step = 0; step < 10; step++) Y.transact(item.doc!, () => (item.set('x', rand() * 3000), item.set('y', rand() * 2000)));
      }
      if (minute % 3 === 0) {
        const pts: number[] = [];
        for (let i = 0; i < 200; i++) pts.push(i * 2, Math.sin(i / 10) * 40, 0.5);
        const id = `p${minute}`;
        getBoard(someone()).set(id, toYMap({ id, type: 'stroke', x: rand() * 3000, y: rand() * 2000, w: 400, h: 80, points: pts, strokeWidth: 4 }));
      }
      if (minute % 7 === 0) getAgenda(someone()).get(Math.floor(minute / 7) - 1)?.set('done', true);

      if (minute % EVERY === 0) {
        const t0 = performance.now();
        const raw = Y.encodeStateAsUpdate(server);
        const t1 = performance.now();
        const state = await packState(raw);
        const t2 = performance.now();
        await store.versions.addVersion({ id: `v${minute}`, sessionId: 's', takenAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(), state, bytes: state.byteLength });
        captures.push({ rawBytes: raw.byteLength, bytes: state.byteLength, encodeMs: t1 - t0, packMs: t2 - t1, storeMs: performance.now() - t2 });
      }
    }

    // The end-of-session document encoded again 20 times: on a busy machine the minimum is the honest figure.
    const finalEncodeMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      Y.encodeStateAsUpdate(server);
      finalEncodeMs.push(performance.now() - t0);
    }

    // The unload path: the room's stored form is a compacted snapshot plus a tail; load, merge, encode, store.
    await store.appendUpdates(log.map((update) => ({ room: 'room-s', update })));
    await store.compact('room-s', mergeIntoSnapshot);
    const unloadMs: number[] = [];
    let finalState: Uint8Array = new Uint8Array();
    let finalRaw = 0;
    for (let round = 0; round < 5; round++) {
      const u0 = performance.now();
      const stored = await store.loadDoc('room-s');
      const doc = new Y.Doc();
      Y.transact(doc, () => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(doc, u);
      });
      const raw = Y.encodeStateAsUpdate(doc);
      finalRaw = raw.byteLength;
      finalState = await packState(raw);
      doc.destroy();
      // Only the last round's version is kept; the others measure the same work again (warm).
      if (round === 4) await store.versions.addVersion({ id: 'v-end', sessionId: 's', takenAt: new Date(Date.UTC(2026, 0, 1, 11, 1)).toISOString(), state: finalState, bytes: finalState.byteLength });
      unloadMs.push(performance.now() - u0);
    }

    const list = await store.versions.listVersions('s');
    const drop = thinVersions(list.map((v) => ({ id: v.id, takenAt: Date.parse(v.takenAt) })), Date.parse(list.at(-1)!.takenAt), DEFAULT_THINNING);
    const keptNow = list.length - drop.length;

    const result = {
      session: { participants: PARTICIPANTS, minutes: MINUTES, updates: log.length, updateLogBytes: log.reduce((n, u) => n + u.byteLength, 0), paragraphs, stickies, agenda: 8 },
      perVersionRawBytes: summarize(captures.map((c) => c.rawBytes)),
      perVersionStoredBytes: summarize(captures.map((c) => c.bytes)),
      finalState: { rawBytes: finalRaw, storedBytes: finalState.byteLength },
      liveCapture: {
        encodeMsOnEventLoop: summarize(captures.map((c) => c.encodeMs)),
        deflateMsInThreadPool: summarize(captures.map((c) => c.packMs)),
        storeMs: summarize(captures.map((c) => c.storeMs)),
      },
      finalEncodeMsOnEventLoop: summarize(finalEncodeMs),
      unloadCaptureMs: summarize(unloadMs),
      versionsStored: list.length,
      totalVersionBytes: list.reduce((n, v) => n + v.bytes, 0),
      keptAfterThinning: keptNow,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
