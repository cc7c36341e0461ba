import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Everything a run starts (the API, the bare server, the embedded PostgreSQL, browsers) registers
 * how to stop it here. `cleanup()` runs those steps newest first, once, whether the run ended
 * normally, threw, or was interrupted; the 'exit' hook is the last resort for a synchronous kill.
 */
const steps = [];
const children = new Set();
let cleaning;

/** Registers a stop step; the returned function drops it again (for things stopped early). */
export function onCleanup(name, fn) {
  const step = { name, fn };
  steps.push(step);
  return () => {
    const index = steps.indexOf(step);
    if (index >= 0) steps.splice(index, 1);
  };
}

/** Processes not started through startProcess (Chromium of Lighthouse): killed at exit if still alive. */
const pids = new Set();
export function trackPid(pid) {
  pids.add(pid);
  return () => pids.delete(pid);
}

export function cleanup() {
  cleaning ??= (async () => {
    while (steps.length) {
      const { name, fn } = steps.pop();
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`[bench] cleanup of ${name} failed: ${error?.message ?? error}\n`);
      }
    }
  })();
  return cleaning;
}

let handlersInstalled = false;

/** Ctrl-C, kill and hang-up stop everything the run started before the process ends. */
export function installSignalHandlers(syncLastResort) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      process.stderr.write(`\n[bench] ${signal}: stopping the app, the bare server and PostgreSQL…\n`);
      // A second signal while cleaning up: give up waiting, but still kill what we can.
      if (cleaning) {
        killAllSync();
        syncLastResort?.();
        process.exit(code);
      }
      void cleanup().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    killAllSync();
    syncLastResort?.();
  });
}

function killAllSync() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * Starts a long-running Node process whose output goes to a log file (so a failure can be
 * diagnosed) and registers its graceful stop: SIGTERM, then SIGKILL after `graceMs`.
 */
export function startProcess(name, args, { env, cwd, logFile, graceMs = 20_000 }) {
  // The child writes to the file itself: piping its request logs through this process would cost
  // the load generator (autocannon runs here) CPU during the measurements.
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', log, log] });
  closeSync(log);
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const result = await Promise.race([exited, sleep(graceMs).then(() => null)]);
    if (result) return result;
    process.stderr.write(`[bench] ${name} did not stop within ${graceMs} ms; killing it\n`);
    child.kill('SIGKILL');
    return exited;
  };
  onCleanup(name, stop);
  return { child, exited, stop, name, logFile };
}

/** Polls a URL until it answers 2xx, or fails with the process's log tail when it exits or times out. */
export async function waitForHttp(url, proc, { timeoutMs = 120_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  proc.exited.then((r) => (exited = r));
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(`${proc.name} exited (${JSON.stringify(exited)}) before ${url} answered; see ${proc.logFile}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms; see ${proc.logFile}`);
}

/** Fails at once, with the variable to change, when another program listens on a port the run needs. */
export async function assertPortsFree(ports) {
  for (const [name, port] of ports) {
    const inUse = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(true));
      server.once('listening', () => server.close(() => resolve(false)));
      server.listen(port, '127.0.0.1');
    });
    if (inUse) throw new Error(`port ${port} is in use by another program; choose another with ${name}`);
  }
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runCommand(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    children.add(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
