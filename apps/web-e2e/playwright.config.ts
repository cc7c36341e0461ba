import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Journeys run in Debian's Chromium against the built app, served by the real API on a fresh
 * embedded PostgreSQL. Playwright cannot download a browser here, so a missing one is an error
 * with instructions, never a silent skip.
 */
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install Debian's: "apt-get install -y chromium", or point CHROME_PATH at a Chromium or Chrome binary.`,
  );
}

const port = Number(process.env.E2E_PORT ?? 3199);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54398);
// Per user: a folder left by a run as root must not block a run as a normal user, or the reverse.
const dataDir = path.join(tmpdir(), `accord-e2e-${process.getuid?.() ?? 0}-${pgPort}`, 'postgres');
const root = path.resolve(__dirname, '../..');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(root, 'dist/apps/web-e2e/results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    // A fresh database every run, so journeys never depend on what an earlier run left behind.
    command: `rm -rf "${path.dirname(dataDir)}" && exec node dist/apps/api/main.js`,
    cwd: root,
    url: `http://localhost:${port}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      EMBEDDED_PG_DIR: dataDir,
      WEB_DIST: path.join(root, 'dist/apps/web'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  },
});
