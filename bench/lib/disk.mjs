import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { percentile } from './stats.mjs';

/**
 * How long this disk takes to make a write durable: 8 kB written and fdatasync'd in a loop for
 * `seconds`, in `dir` (the database's own folder, so the same disk). Every commit waits for one
 * such flush of the WAL, so the slowest flushes bound what any server on this disk can promise
 * for a write's p99; a machine whose flushes stall for 100 ms shows it here, whatever the code.
 */
export function diskFlushLatency(dir, seconds = 2) {
  const file = path.join(dir, 'bench-flush-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(8192, 1);
  const samples = [];
  try {
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const start = performance.now();
      writeSync(fd, block, 0, block.length, 0);
      fdatasyncSync(fd);
      samples.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  samples.sort((a, b) => a - b);
  const at = (p) => Math.round(percentile(samples, p) * 100) / 100;
  return { flushes: samples.length, p50Ms: at(50), p99Ms: at(99), p999Ms: at(99.9), maxMs: at(100) };
}
