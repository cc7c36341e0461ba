import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { onCleanup, trackPid } from './processes.mjs';
import { median } from './stats.mjs';

/**
 * The browser side, in Debian's headless Chromium: the 1,000-row editor grid (first render and
 * key press to updated cell), the JavaScript a first visit downloads, and Lighthouse's
 * performance score. The session cookie of the bench user opens the signed-in pages.
 */

// As the e2e journeys and the machine notes: without the background-networking flags Chromium
// keeps trying to reach Google's hosts, which this sandbox refuses.
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function launchBrowser(chromePath) {
  const browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROME_FLAGS });
  onCleanup('Chromium (Playwright)', () => browser.close());
  return browser;
}

/**
 * Chromium's own counters of main-thread work (CDP Performance.getMetrics), in ms: how much of a
 * span went to JavaScript, style recalculation and layout. Deltas of two readings.
 */
async function mainThreadMeter(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { script: m.ScriptDuration, style: m.RecalcStyleDuration, layout: m.LayoutDuration, task: m.TaskDuration };
  };
  return {
    read,
    delta: (a, b, n = 1) => Object.fromEntries(Object.keys(a).map((k) => [k, round(((b[k] - a[k]) * 1000) / n)])),
  };
}

async function signedInContext(browser, baseUrl, cookie) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/**
 * Time to first render of the grid: full loads of the matrix page (warm HTTP cache, as a returning
 * person), each measured in the page from navigation start (performance.timeOrigin) to the first
 * grid cell in the DOM, seen by a MutationObserver installed before any script runs. The matrix
 * answer's resource timing splits that into "until the data is there" and "drawing".
 */
export async function gridFirstRender(browser, { baseUrl, cookie, matrixPath, runs, profileTo }) {
  const context = await signedInContext(browser, baseUrl, cookie);
  await context.addInitScript(() => {
    const seen = () => document.querySelector('[role="grid"] [data-grid-cell]');
    new MutationObserver((_changes, observer) => {
      if (seen()) {
        window.__gridDrawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const meter = await mainThreadMeter(page);
  const loadGrid = async () => {
    await page.goto(`${baseUrl}${matrixPath}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__gridDrawnAt !== undefined, null, { timeout: 30_000 });
  };
  const zero = { script: 0, style: 0, layout: 0, task: 0 };
  const samples = [];
  try {
    // The first load fills the HTTP cache and is not counted.
    for (let i = 0; i <= runs; i += 1) {
      const before = await meter.read();
      await loadGrid();
      const after = await meter.read();
      // Chromium restarts these counters with a new document; then the reading after is the load's.
      const work = Object.keys(after).every((k) => after[k] >= before[k])
        ? meter.delta(before, after)
        : meter.delta(zero, after);
      const sample = await page.evaluate(() => {
        const resources = performance.getEntriesByType('resource');
        const answer = resources
          .filter((e) => /\/api\/workspaces\/[^/]+\/matrices\/[^/]+$/.test(new URL(e.name).pathname))
          .at(0);
        const scripts = resources.filter((e) => e.initiatorType === 'script' || /\.js$/.test(new URL(e.name).pathname));
        const api = resources.filter((e) => new URL(e.name).pathname.startsWith('/api/'));
        return {
          drawn: window.__gridDrawnAt,
          apiStart: answer?.startTime ?? NaN,
          apiEnd: answer?.responseEnd ?? NaN,
          scriptsLoaded: Math.max(0, ...scripts.map((e) => e.responseEnd)),
          firstApiStart: Math.min(...api.map((e) => e.startTime)),
          apiCallsBeforeMatrix: api
            .filter((e) => answer && e.startTime < answer.startTime)
            .map((e) => new URL(e.name).pathname),
          rows: document.querySelectorAll('[role="grid"] tr[data-row-id]').length,
          domElements: document.getElementsByTagName('*').length,
        };
      });
      if (i > 0) samples.push({ ...sample, work });
    }
    // One more load under the CPU profiler (not counted): where the main thread's time goes.
    if (profileTo) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await loadGrid();
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
    }
  } finally {
    await context.close();
  }
  const med = (pick) => round(median(samples.map(pick)));
  return {
    ms: med((s) => s.drawn),
    untilDataMs: med((s) => s.apiEnd),
    dataToDrawnMs: med((s) => s.drawn - s.apiEnd),
    matrixRequestMs: med((s) => s.apiEnd - s.apiStart),
    // The waterfall before the matrix is asked for: scripts, then the first API call, then the matrix.
    scriptsLoadedMs: med((s) => s.scriptsLoaded),
    firstApiCallMs: med((s) => s.firstApiStart),
    matrixRequestStartMs: med((s) => s.apiStart),
    apiCallsBeforeMatrix: samples[0]?.apiCallsBeforeMatrix ?? [],
    // Main-thread work of a whole load (until the grid is drawn), by kind, in ms.
    mainThreadMs: {
      script: med((s) => s.work.script),
      style: med((s) => s.work.style),
      layout: med((s) => s.work.layout),
      task: med((s) => s.work.task),
    },
    drawnRows: median(samples.map((s) => s.rows)),
    domElementsWhenDrawn: median(samples.map((s) => s.domElements)),
    runs: samples.length,
  };
}

/**
 * Key press to updated cell: real key presses (Playwright sends them through the browser's input
 * pipeline) on the "Cloud vendor" cell of drawn rows of the 1,000-row grid. In the page, a
 * capture-phase keydown listener on window takes the event's timeStamp (when the input arrived)
 * and a MutationObserver on the cell takes the moment its letter changed in the DOM; the time to
 * the next animation frame after that is kept too. Between presses the save (PUT) and the refetch
 * it causes are awaited, so each press is measured on a settled page.
 */
export async function keypressToCell(browser, { baseUrl, cookie, matrixPath, presses }) {
  const context = await signedInContext(browser, baseUrl, cookie);
  const page = await context.newPage();
  const meter = await mainThreadMeter(page);
  const samples = [];
  const statuses = [];
  const works = [];
  try {
    await page.goto(`${baseUrl}${matrixPath}`, { waitUntil: 'load' });
    const rows = page.locator('[role="grid"] tr[data-row-id]');
    await rows.first().waitFor({ timeout: 30_000 });
    const drawn = Math.min(await rows.count(), 10);
    for (let i = 0; i < presses; i += 1) {
      const cell = rows
        .nth(i % drawn)
        .locator('[role="gridcell"]')
        .nth(3);
      await cell.focus();
      const key = await page.evaluate(() => {
        const target = document.activeElement;
        const label = target.getAttribute('aria-label') ?? '';
        const before = target.textContent;
        window.__press = new Promise((resolve) => {
          let pressedAt = NaN;
          const onKey = (event) => {
            pressedAt = event.timeStamp;
            window.removeEventListener('keydown', onKey, true);
          };
          window.addEventListener('keydown', onKey, true);
          const observer = new MutationObserver(() => {
            if (target.textContent === before && target.getAttribute('aria-label') === label) return;
            observer.disconnect();
            const changedAt = performance.now();
            requestAnimationFrame(() => resolve({ dom: changedAt - pressedAt, frame: performance.now() - pressedAt }));
          });
          observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        // Flip the Cloud vendor's letter between Informed and Consulted: the row stays valid.
        return label.endsWith(': Informed') ? 'c' : 'i';
      });
      const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/assignments'), {
        timeout: 15_000,
      });
      const refetched = page
        .waitForResponse(
          (r) =>
            r.request().method() === 'GET' &&
            /\/api\/workspaces\/[^/]+\/matrices\/[^/]+$/.test(new URL(r.url()).pathname),
          { timeout: 5_000 },
        )
        .catch(() => null);
      const before = await meter.read();
      await page.keyboard.press(key);
      samples.push(await page.evaluate(() => window.__press));
      works.push(meter.delta(before, await meter.read()));
      statuses.push((await saved).status());
      await refetched;
      await page.waitForTimeout(100);
    }
  } finally {
    await context.close();
  }
  return {
    ms: round(median(samples.map((s) => s.dom))),
    toFrameMs: round(median(samples.map((s) => s.frame))),
    maxMs: round(Math.max(...samples.map((s) => s.dom))),
    // Main-thread work from the key press to the updated cell (plus the evaluate round trips), by kind.
    mainThreadMs: Object.fromEntries(
      ['script', 'style', 'layout', 'task'].map((k) => [k, round(median(works.map((w) => w[k])))]),
    ),
    presses: samples.length,
    saveStatuses: statuses.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
  };
}

/**
 * The JavaScript a first visit downloads: every script response of a cold load (new browser
 * context, empty cache), waited for until the page shows its content and a second of quiet more
 * for lazy chunks. Sizes: what went over the wire (encoded body) and the body gzipped with zlib
 * at its default level 6, which is what a compressing server or proxy would send.
 */
export async function firstLoadJs(browser, { baseUrl, cookie, path, ready }) {
  const context = cookie
    ? await signedInContext(browser, baseUrl, cookie)
    : await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  try {
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    const files = [];
    for (const response of scripts) {
      const body = await response.body();
      const sizes = await response.request().sizes();
      files.push({
        url: new URL(response.url()).pathname,
        encoding: response.headers()['content-encoding'] ?? null,
        raw: body.length,
        transferred: sizes.responseBodySize,
        gzip: gzipSync(body).length,
      });
    }
    const sum = (key) => files.reduce((n, f) => n + f[key], 0);
    return {
      // The target is in gzip: every script's body gzipped at zlib's default level, whatever the
      // server chose to send (brotli to a browser that takes it; nothing for files under 1 kB).
      bytes: sum('gzip'),
      source: `gzip -6 of each script; the server sent ${(sum('transferred') / 1000).toFixed(1)} kB (${[...new Set(files.map((f) => f.encoding ?? 'identity'))].join(', ')})`,
      rawBytes: sum('raw'),
      transferredBytes: sum('transferred'),
      gzipBytes: sum('gzip'),
      files: files.sort((a, b) => b.gzip - a.gzip),
    };
  } finally {
    await context.close();
  }
}

/** Where a Lighthouse run's time went: main-thread work by kind, scripts by cost, the LCP element and its phases. */
function diagnosticsOf(audits) {
  const items = (id, n = 1) => audits[id]?.details?.items?.[n - 1];
  const table = (id) => audits[id]?.details?.items ?? [];
  const lcp = audits['largest-contentful-paint-element']?.details?.items ?? [];
  return {
    mainThreadMs: Object.fromEntries(
      table('mainthread-work-breakdown').map((i) => [i.groupLabel ?? i.group, round(i.duration)]),
    ),
    scriptsMs: table('bootup-time')
      .slice(0, 6)
      .map((i) => ({
        url: String(i.url).replace(/^https?:\/\/[^/]+/, ''),
        scripting: round(i.scripting),
        parse: round(i.scriptParseCompile),
      })),
    longTasks: table('long-tasks').map((t) => round(t.duration)),
    lcpElement: lcp[0]?.items?.[0]?.node?.snippet ?? null,
    lcpPhases: Object.fromEntries((lcp[1]?.items ?? []).map((p) => [p.phase, round(p.timing)])),
    serverResponseMs: round(items('server-response-time')?.responseTime ?? NaN),
    domElements: audits['dom-size']?.numericValue ?? null,
    // Lighthouse's own suggestions with what each would save (ms of the metric it names).
    opportunities: Object.fromEntries(
      [
        'uses-text-compression',
        'unused-javascript',
        'render-blocking-resources',
        'total-byte-weight',
        'uses-long-cache-ttl',
      ]
        .filter((id) => audits[id])
        .map((id) => [id, { display: audits[id].displayValue ?? null, savings: audits[id].metricSavings ?? null }]),
    ),
  };
}

/**
 * Lighthouse errors that say its trace of the load failed, not the page ("Please run Lighthouse
 * again"): such a run is repeated, up to RETRIES times per page, and the retries are reported.
 */
const TRACE_FAILURES = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_TRACING_STARTED', 'NO_DCL', 'NO_LCP']);
const RETRIES = 2;

/**
 * Lighthouse 12 performance scores, desktop preset (the matrix editor is a desk tool; the mobile
 * preset's 4x CPU slowdown of this 2-core machine says little about its users), `runs` times per
 * page in a fresh headless Chromium each; the median is reported. The signed-in page gets the
 * session cookie through extraHeaders.
 */
export async function lighthouseScores({ chromePath, url, cookie, runs }) {
  const scores = [];
  const metrics = [];
  const retried = [];
  for (let i = 0; i < runs; i += 1) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
    const untrack = trackPid(chrome.pid);
    const unregister = onCleanup('Chromium (Lighthouse)', () => chrome.kill());
    try {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          ...(cookie ? { extraHeaders: { Cookie: `${cookie.name}=${cookie.value}` } } : {}),
        },
        desktopConfig,
      );
      const lhr = result.lhr;
      if (lhr.runtimeError && TRACE_FAILURES.has(lhr.runtimeError.code) && retried.length < RETRIES) {
        retried.push(lhr.runtimeError.code);
        i -= 1;
        continue;
      }
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      scores.push(lhr.categories.performance.score);
      const a = lhr.audits;
      metrics.push({
        score: lhr.categories.performance.score,
        fcpMs: round(a['first-contentful-paint'].numericValue),
        lcpMs: round(a['largest-contentful-paint'].numericValue),
        tbtMs: round(a['total-blocking-time'].numericValue),
        cls: round(a['cumulative-layout-shift'].numericValue, 3),
        siMs: round(a['speed-index'].numericValue),
        finalUrl: lhr.finalDisplayedUrl,
        diagnostics: diagnosticsOf(a),
      });
    } finally {
      unregister();
      await chrome.kill();
      untrack();
    }
  }
  return { score: median(scores), runs: metrics, retried };
}
