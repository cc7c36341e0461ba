import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir, mailDir, pgPort, port, smtpPort } from './src/support/e2e-env';

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

const root = path.resolve(__dirname, '../..');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  // Playwright empties this folder when a run starts: a run on other ports gets its own.
  outputDir: path.join(root, 'dist/apps/web-e2e', process.env.E2E_PORT ? `results-${port}` : 'results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  // The journeys share two cores with the integration tests in CI: a page may take a while to appear.
  expect: { timeout: 20_000 },
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
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // A real SMTP server, started first: the API sends its mail (invitations, claims, signature
      // requests) here, and the journeys read it from mailDir.
      command: 'exec node apps/web-e2e/src/support/smtp-sink.mjs',
      cwd: root,
      port: smtpPort,
      timeout: 20_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      env: { E2E_SMTP_PORT: String(smtpPort), E2E_MAIL_DIR: mailDir },
    },
    {
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
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      },
    },
  ],
});
