import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { scenarioOf } from './load.mjs';

/**
 * The open loop of a fixed-rate run (see fixedRate in load.mjs), in a worker thread of its own:
 * its event loop and heap are not the harness's, so a garbage collection of the harness (which
 * holds the generated data) or its bookkeeping cannot delay a request or its timing.
 *
 * `rate` autocannon instances of one connection with connectionRate 1, started 1000/rate ms
 * apart. Every answer is timed by autocannon; the samples of the first `settleSeconds` (while the
 * connections are still being opened and the server's pool fills) are left out, the rest are the
 * measurement.
 */
const { url, headers, spec, rate, seconds, settleSeconds } = workerData;

const scenario = scenarioOf(spec);
await scenario.reload?.();

const samples = [];
/** When each sample's answer came, in ms from the start of the measured window. */
const times = [];
const statusCounts = {};
let errors = 0;
let unmeasuredOk = 0;
let lastStartLagMs = 0;
const started = performance.now();
const measureFrom = started + settleSeconds * 1000;
// Instances started up to a second late also stop up to a second late: only a window of exactly
// `seconds` is measured, so the achieved rate compares with the target.
const measureUntil = measureFrom + seconds * 1000;
const runs = [];
for (let i = 0; i < rate; i += 1) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  lastStartLagMs = Math.max(lastStartLagMs, performance.now() - due);
  const instance = autocannon({
    url,
    connections: 1,
    connectionRate: 1,
    duration: settleSeconds + seconds,
    headers,
    timeout: 30,
    ignoreCoordinatedOmission: true,
    skipAggregateResult: true,
    requests: scenario.requests(),
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    if (now < measureFrom || now >= measureUntil) {
      if (statusCode >= 200 && statusCode < 300) unmeasuredOk += 1;
      return;
    }
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) {
      samples.push(responseTime);
      times.push(now - measureFrom);
    }
  });
  // Timeouts are reported as errors too.
  instance.on('reqError', () => {
    const now = performance.now();
    if (now >= measureFrom && now < measureUntil) errors += 1;
  });
  runs.push(instance);
}
await Promise.all(runs);

/** Per half second of the window: answers, median and slowest latency; shows whether a tail is spread or a stall. */
function timeline() {
  const buckets = [];
  for (let i = 0; i < samples.length; i += 1) (buckets[Math.floor(times[i] / 500)] ??= []).push(samples[i]);
  return Array.from(buckets, (b, i) => {
    const sorted = (b ?? []).sort((x, y) => x - y);
    const r = (n) => Math.round(n * 10) / 10;
    return {
      fromMs: i * 500,
      n: sorted.length,
      p50: sorted.length ? r(sorted[sorted.length >> 1]) : null,
      max: sorted.length ? r(sorted[sorted.length - 1]) : null,
    };
  });
}

parentPort.postMessage({
  samples,
  timeline: timeline(),
  statusCounts,
  errors,
  unmeasuredOk,
  lastStartLagMs,
  stats: scenario.stats ?? null,
});
