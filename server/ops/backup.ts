/**
 * Online, consistent backups and their restore. SQLite: the online backup API copies a consistent
 * snapshot while the server keeps writing (WAL readers never block writers); PostgreSQL: pg_dump's
 * snapshot. Uploaded files (content-addressed, immutable) are copied beside the database.
 *
 *   npm run backup -- <backup-dir>       (reads DATA_DIR / DATABASE_URL like the server)
 *   npm run restore -- <backup-dir>      (into an empty DATA_DIR / database; the server must be stopped)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../config/config.ts';

const SQLITE_FILE = 'commonplace.sqlite';
const MANIFEST = 'manifest.json';

interface Manifest {
  createdAt: string;
  store: 'sqlite' | 'postgres';
  files: boolean;
}

/** Writes a backup of the running (or stopped) instance into `dest`, which must not exist or be empty. */
export async function backup(config: Config, dest: string): Promise<Manifest> {
  if (existsSync(dest) && readdirSync(dest).length > 0) throw new Error(`Backup folder ${dest} is not empty`);
  mkdirSync(dest, { recursive: true });
  let store: Manifest['store'];
  if (config.databaseUrl) {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${path.join(dest, 'commonplace.pgdump')}`, config.databaseUrl], { stdio: 'inherit' });
    store = 'postgres';
  } else {
    const source = path.join(config.dataDir, SQLITE_FILE);
    if (!existsSync(source)) throw new Error(`No database at ${source}`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await db.backup(path.join(dest, SQLITE_FILE));
    } finally {
      db.close();
    }
    store = 'sqlite';
  }
  const files = path.join(config.dataDir, 'files');
  const hasFiles = existsSync(files);
  if (hasFiles) cpSync(files, path.join(dest, 'files'), { recursive: true });
  const manifest: Manifest = { createdAt: new Date().toISOString(), store, files: hasFiles };
  writeFileSync(path.join(dest, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores `src` into the configured data folder / database, which must be empty. */
export function restore(config: Config, src: string): Manifest {
  const manifest = JSON.parse(readFileSync(path.join(src, MANIFEST), 'utf8')) as Manifest;
  mkdirSync(config.dataDir, { recursive: true });
  if (manifest.store === 'postgres') {
    if (!config.databaseUrl) throw new Error('This backup is of PostgreSQL: set DATABASE_URL to an empty database');
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${config.databaseUrl}`, path.join(src, 'commonplace.pgdump')], { stdio: 'inherit' });
  } else {
    const target = path.join(config.dataDir, SQLITE_FILE);
    if (existsSync(target)) throw new Error(`${target} exists: restore only into an empty data folder (move the old one aside)`);
    cpSync(path.join(src, SQLITE_FILE), target);
  }
  if (manifest.files) cpSync(path.join(src, 'files'), path.join(config.dataDir, 'files'), { recursive: true });
  return manifest;
}

// CLI
if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (!dir || (command !== 'backup' && command !== 'restore')) {
    console.error('usage: backup.ts backup|restore <folder>');
    process.exit(2);
  }
  const config = loadConfig();
  try {
    const manifest = command === 'backup' ? await backup(config, path.resolve(dir)) : restore(config, path.resolve(dir));
    console.log(`${command} done: ${JSON.stringify(manifest)}`);
  } catch (err) {
    console.error(`${command} failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
