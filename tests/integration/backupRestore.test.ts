/**
 * `npm run backup` on a running instance and `npm run restore` into a fresh data folder: every room's
 * content, and every account, comes back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { freePort, makeDataDir, spawnServer, testEnv, type ChildServer } from '../helpers/testServer.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { connectClient, waitForSync, waitFor } from '../helpers/yclient.ts';
import { getAgenda, getBoard, getNotes, toYMap } from '../../shared/doc/layout.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGIN = 'http://commonplace.test';
const live = makeDataDir();
const restored = makeDataDir();
const backupDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'commonplace-backup-')), 'b');
const servers: ChildServer[] = [];

afterAll(() => {
  for (const s of servers) s.child.kill('SIGKILL');
  for (const d of [live, restored, path.dirname(backupDir)]) rmSync(d, { recursive: true, force: true });
});

const content = (doc: Y.Doc) => ({ agenda: getAgenda(doc).toJSON(), board: getBoard(doc).toJSON(), notes: getNotes(doc).toString() });

describe('backup and restore', () => {
  it('an online backup restores every room and account into a fresh data folder', async () => {
    const a = await spawnServer(live, { PORT: String(await freePort()) });
    servers.push(a);
    const api = new ApiClient(a.url, ORIGIN);
    await api.signup('Bea Backup', 'bea@example.test');
    const community = await api.createCommunity('Archivists', 'invite');
    const sessions = [await api.createSession(community.id, 'One'), await api.createSession(community.id, 'Two')];
    const expected: Record<string, ReturnType<typeof content>> = {};
    for (const [i, s] of sessions.entries()) {
      const c = connectClient(a.url, s.room, { token: (await api.ticket(s.id)).token });
      await waitForSync(c);
      for (let k = 0; k < 30; k++) getBoard(c.doc).set(`s${i}-${k}`, toYMap({ id: `s${i}-${k}`, type: 'sticky', text: `note ${k}` }));
      getAgenda(c.doc).push([toYMap({ id: `a${i}`, title: `Agenda ${i}`, minutes: 10 })]);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Notes of session ${i}`)]);
      getNotes(c.doc).insert(0, [p]);
      // Stored before broadcast: an observer seeing it means it is in the database.
      const observer = connectClient(a.url, s.room, { token: (await api.ticket(s.id)).token });
      await waitFor(() => getBoard(observer.doc).size === 30 && getNotes(observer.doc).length === 1);
      expected[s.room] = content(observer.doc);
      observer.destroy();
      c.destroy();
    }

    // Online: the server is still running and serving.
    await run('node', ['--import', 'tsx', 'server/ops/backup.ts', 'backup', backupDir], { cwd: ROOT, env: { ...process.env, ...testEnv(live) } });
    await run('node', ['--import', 'tsx', 'server/ops/backup.ts', 'restore', backupDir], { cwd: ROOT, env: { ...process.env, ...testEnv(restored) } });
    const b = await spawnServer(restored, { PORT: String(await freePort()) });
    servers.push(b);
    const again = new ApiClient(b.url, ORIGIN);
    await again.json('POST', '/api/auth/login', { email: 'bea@example.test', password: 'correct horse battery' });
    for (const s of sessions) {
      const c = connectClient(b.url, s.room, { token: (await again.ticket(s.id)).token });
      await waitForSync(c);
      expect(content(c.doc)).toEqual(expected[s.room]);
      c.destroy();
    }
    // Restoring over existing data is refused.
    await expect(run('node', ['--import', 'tsx', 'server/ops/backup.ts', 'restore', backupDir], { cwd: ROOT, env: { ...process.env, ...testEnv(restored) } })).rejects.toThrow();
  }, 60_000);
});
