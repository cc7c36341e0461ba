import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './support/global-setup';

const root = path.resolve(__dirname, '../../..');

/**
 * The process as `npm start` runs it, on an embedded server of its own: start, kill -9, start
 * again over the stale server, then SIGTERM.
 */
describe('the API process with its embedded PostgreSQL', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'accord-lifecycle-'));
  // As root the server runs as the postgres user, who must be able to enter this folder.
  chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'postgres');
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    env = {
      ...process.env,
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMBEDDED_PG_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
    };
  });
  const children: ChildProcess[] = [];
  afterAll(() => {
    // Whatever happened above, leave no process behind.
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const pid = postmasterPid();
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  const postmasterPid = () => {
    const file = path.join(dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
  };

  function start(): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { cwd: root, env });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    return { child, output: () => output };
  }

  async function ready(output: () => string): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => undefined);
      if (res?.status === 200) return;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`the API did not become ready:\n${output()}`);
  }

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

  it('survives kill -9 by stopping the stale server at the next start, and stops cleanly on SIGTERM', async () => {
    const first = start();
    await ready(first.output);
    const firstPostgres = postmasterPid();
    expect(firstPostgres && alive(firstPostgres)).toBe(true);

    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(alive(firstPostgres as number)).toBe(true); // the orphan a killed process leaves

    const second = start();
    await ready(second.output);
    expect(second.output()).toContain('stopping a stale embedded PostgreSQL');
    expect(alive(firstPostgres as number)).toBe(false);
    const secondPostgres = postmasterPid() as number;

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.output()).toContain('embedded PostgreSQL stopped');
    expect(alive(secondPostgres)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});

/** Running, and not a zombie waiting for a parent that may never reap it (pg_ctl's servers are orphans). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
