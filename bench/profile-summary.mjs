// Summarises a V8 CPU profile (node --cpu-prof, e.g. from `BENCH_PROFILE=1 npm run bench`):
// self time by package (or by app folder), and the functions with the most self time.
//
//   node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node: samples x their intervals (timeDeltas are in microseconds). "(idle)" is the
// event loop waiting (for PostgreSQL, the network, or before and after the load): left out, so
// the shares are of the time the process was busy.
const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const selfUs = new Map();
let idleUs = 0;
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i];
  const us = profile.timeDeltas[i] ?? 0;
  if (idle.has(id)) idleUs += us;
  else selfUs.set(id, (selfUs.get(id) ?? 0) + us);
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a function lives: an npm package, a folder of the app, Node itself, or V8's pseudo-nodes. */
function bucketOf(frame) {
  const url = frame.url || '';
  if (!url) return `(${frame.functionName || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const app = /dist\/apps\/api\/([^/]+)\//.exec(url);
  if (app) return `app: ${app[1]}`;
  if (url.includes('libs/raci')) return '@accord/raci';
  return url.replace(/^file:\/\//, '');
}

const byBucket = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const frame = node.callFrame;
  const bucket = bucketOf(frame);
  byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
  const key = `${frame.functionName || '(anonymous)'}  ${bucket}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
const print = (title, map) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${pct(us)}  ${(us / 1000).toFixed(0).padStart(8)} ms  ${key}\n`);
  }
};
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s busy, ${(idleUs / 1e6).toFixed(1)} s idle; shares below are of the busy time\n`,
);
print('self time by package / app folder', byBucket);
print('self time by function', byFunction);
