/**
 * The server Playwright starts: the real app on the port from the environment, with a fresh data folder
 * that is deleted when Playwright stops it. Expects the client to be built (npm test builds it first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config/config.ts';
import { createLogger } from '../../server/log.ts';
import { startServer } from '../../server/startServer.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonplace-e2e-'));
// Versions every second (instead of minutes), so the timeline spec sees several within a test. Link
// previews may fetch this server itself (127.0.0.1): the test-only exemption of SECURITY.md, never in production.
const config = loadConfig({ VERSION_INTERVAL_MS: '1000', LINK_PREVIEW_ALLOW_PRIVATE_HOSTS: '127.0.0.1', ...process.env, DATA_DIR: dataDir });
const running = await startServer(config, createLogger(config.logLevel));

const stop = async () => {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
