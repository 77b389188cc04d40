/**
 * A seeded corpus of malformed y-websocket frames: empty and truncated frames, wrong length prefixes,
 * unknown message types, random bytes, bit-flipped real updates, updates whose dependencies are withheld,
 * hostile awareness. The same seed always yields the same frames, so any failure reproduces.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';

/** mulberry32: a tiny, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

const syncUpdate = (u: Uint8Array, step = 2) => frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, u)));

/** A few real updates (each depending on the previous) to mutate. */
function realUpdates(rand: () => number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < 6; i++) {
    getBoard(doc).set(`f${i}`, toYMap({ id: `f${i}`, type: 'sticky', text: `fuzz ${Math.floor(rand() * 1e6)}`, x: i, y: i }));
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(`para ${i}`)]);
    getNotes(doc).insert(0, [p]);
  }
  return out;
}

export type FrameKind =
  | 'empty'
  | 'truncated'
  | 'bad-length'
  | 'unknown-type'
  | 'unknown-sync-step'
  | 'random'
  | 'mutated-update'
  | 'missing-deps'
  | 'awareness-garbage'
  | 'huge-varuint';

export interface FuzzFrame {
  kind: FrameKind;
  data: Uint8Array;
}

export function* fuzzCorpus(seed: number, count: number): Generator<FuzzFrame> {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const base = realUpdates(rand);
  const kinds: FrameKind[] = ['empty', 'truncated', 'bad-length', 'unknown-type', 'unknown-sync-step', 'random', 'mutated-update', 'missing-deps', 'awareness-garbage', 'huge-varuint'];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const real = syncUpdate(base[int(base.length)]);
    let data: Uint8Array;
    switch (kind) {
      case 'empty':
        data = new Uint8Array(0);
        break;
      case 'truncated':
        data = real.slice(0, Math.max(1, int(real.length - 1)));
        break;
      case 'bad-length':
        data = frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, real.length + 1 + int(1e6)), encoding.writeUint8Array(e, real.slice(3))));
        break;
      case 'unknown-type':
        data = frame((e) => (encoding.writeVarUint(e, 4 + int(1000)), encoding.writeUint8Array(e, real)));
        break;
      case 'unknown-sync-step':
        data = frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 3 + int(100)), encoding.writeVarUint8Array(e, base[0])));
        break;
      case 'random': {
        data = new Uint8Array(1 + int(512));
        for (let j = 0; j < data.length; j++) data[j] = int(256);
        break;
      }
      case 'mutated-update': {
        data = real.slice();
        for (let flips = 1 + int(4); flips > 0; flips--) data[2 + int(data.length - 2)] ^= 1 << int(8);
        break;
      }
      case 'missing-deps':
        // A later update without the earlier ones it builds on.
        data = syncUpdate(base[1 + int(base.length - 1)], 2);
        break;
      case 'awareness-garbage':
        data = frame((e) => {
          encoding.writeVarUint(e, 1);
          const inner = encoding.createEncoder();
          encoding.writeVarUint(inner, 1 + int(3));
          encoding.writeVarUint(inner, int(2 ** 30));
          encoding.writeVarUint(inner, int(100));
          encoding.writeVarString(inner, ['{', 'null', '[1,2]', '"str"', '{"user":{"name":"<img src=x onerror=alert(1)>"}}', '\u0000'][int(6)]);
          encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
        });
        break;
      case 'huge-varuint':
        data = new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
        break;
    }
    yield { kind, data };
  }
}
