import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** main.ts itself, run as `npm start` runs it but from TypeScript, so no build is needed. */
function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.json', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('starting the API', () => {
  it('stops with a message naming PORT when PORT is not a number', () => {
    const result = runMain({ PORT: 'abc' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: must be a whole number \(got "abc"\)/);
  });

  it('names every bad variable at once', () => {
    const result = runMain({ PORT: '3000', DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/LOG_LEVEL:/);
    expect(result.stderr).toMatch(/DATABASE_URL:/);
  });
});
