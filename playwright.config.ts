import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// One real server for the whole run, on a random port with a fresh data folder (tests/e2e/e2eServer.ts).
// The port is chosen once and inherited by the workers through the environment. It is drawn below Linux's
// ephemeral range (32768–60999), where outgoing connections would otherwise collide with it.
process.env.E2E_PORT ??= String(20000 + Math.floor(Math.random() * 12000));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's chromium where present (this machine, CI); Playwright's own browser elsewhere
// (`npx playwright install chromium`).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.tmp/playwright-report.json' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 850 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx tests/e2e/e2eServer.ts',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCRYPT_LOG_N: '12' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
