// `npm run bench:editor`: how long the packaged extension takes to index a big notebook
// when a window opens, in a real VS Code (code-server) driven by headless Chromium. Builds
// for production and packages the .vsix with vsce (in a staged copy of the repository
// under .vscode-test/editor-bench, so dist/ is left alone) and, for each size, installs
// it into a throw-away code-server profile, opens a copy of the benchmark's seeded
// notebook of that many notes (the one `npm run bench` generates under the OS temp dir;
// generated here if it is missing) and measures two window loads:
//
//   cold  the first window: no warm-start cache in the workspace storage yet
//   warm  the same window reloaded once the extension has written its warm-start cache
//
// For each, the time the extension reports in its log ("Indexed N notes in M ms (cold
// start)." in the "Mentoring Notes" output channel), the time from the start of the page
// load to that line, the time to the line it logs when every finding has been handed to
// the editor ("Findings of N files worked out and handed to the editor in M ms"), and the
// extension's activation time ("Activated in N ms"). The copy
// evaluates dates as of the benchmark's day (setting `mentoringNotes.today`), as in the
// demo. A Markdown table goes to stdout, progress to stderr. It is a benchmark, not a
// test: it fails only when a window never logs its index or its findings.
//
//   npm run bench:editor [-- --sizes 1000,10k] [-- --timeout <seconds>]
//
//   --sizes    notebook sizes in notes, comma-separated, k = thousand (default 1000,10000)
//   --timeout  seconds to wait for each index and for the cache to be written (default 300)
//
// Needs Debian's chromium and ripgrep; installs code-server on first use.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  cleanupStack,
  copyIntoSandbox,
  createSandbox,
  ensureCodeServer,
  installExtension,
  launchBrowser,
  log,
  seconds,
  startServer,
  withTimeout,
  workbenchUrl,
} from './lib/code-server.mjs';

// stdout holds only the results: the progress lines of log() (which prints with
// console.log) go to stderr, like the build's output.
console.log = console.error;

/** The seed `npm run bench` generates its notebooks from (its default). */
const SEED = 20261121;

/** The name of the extension's output channel, and so of its log file. */
const CHANNEL = 'Mentoring Notes';

/** The warm-start cache in the extension's workspace storage (src/vscode/notebookService.ts). */
const CACHE_FILE = 'parse-cache.json';

/** The line the extension logs after every index (NotebookService.reload). */
const INDEXED_LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})?.*\bIndexed (\d+) notes in (\d+) ms \((cold|warm) start\)(?:\.|: ([^\n]*))/m;
/**
 * The line it logs once the findings of a change of many files (here: the scan) have all
 * been handed to the editor, which happens over several turns (src/features/diagnostics.ts).
 */
const FINDINGS_LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3})?.*\bFindings of (\d+) files worked out and handed to the editor in (\d+) ms\b/m;
/** Scans of fewer notes than this log no findings line (LOGGED_CHANGE in diagnostics.ts). */
const LOGGED_CHANGE = 256;
/** The line it logs at the end of `activate` (src/extension.ts). */
const ACTIVATED_LINE = /\bActivated in ([\d.]+) ms\b/;
/** The lines it logs when indexing throws, and when the warm-start cache cannot be written. */
const FAILED_LINE = /\bIndexing failed\b.*/;
const CACHE_FAILED_LINE = /\bCould not write the warm-start cache\b.*/;

/** How often the log and the cache are looked at. */
const POLL_MS = 150;

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    timeout: { type: 'string', default: '300' },
  },
});

/** "10k" → 10000, as `npm run bench -- --sizes` reads them. */
function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(text.trim());
  if (!match) throw new Error(`--sizes: not a number of notes: ${text}`);
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}

const sizes = options.sizes.split(',').map(parseSize);
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0))
  throw new Error(`--timeout must be a number of seconds, not ${options.timeout}`);

/** Runs a step of the build in `cwd`, failing the benchmark with `what` if it fails. */
function step(what, command, args, cwd) {
  const start = performance.now();
  log(`${what}…`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status ?? result.error})`);
  log(`${what}: done in ${seconds(start)}`);
}

/** What the staged copy of the repository leaves out (src is linked, not copied). */
const NOT_STAGED = new Set([
  '.git',
  '.vscode-test',
  'bench-results',
  'dist',
  'node_modules',
  'out',
  'src',
  'test',
]);

/**
 * Builds for production and packages the .vsix as `npm run demo` does, but in a staged
 * copy of the repository (src linked in), so the build never writes the repository's
 * dist/, which a build or test run going on at the same time may be rewriting. Returns
 * the path of the .vsix.
 */
function packageExtension(manifest) {
  const dir = path.join(REPO_ROOT, '.vscode-test', 'editor-bench');
  const vsix = path.join(dir, `${manifest.name}-${manifest.version}.vsix`);
  const stage = path.join(dir, 'package');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  try {
    for (const name of fs.readdirSync(REPO_ROOT)) {
      if (NOT_STAGED.has(name)) continue;
      fs.cpSync(path.join(REPO_ROOT, name), path.join(stage, name), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'src'), path.join(stage, 'src'), 'dir');
    step('production build', process.execPath, ['esbuild.mjs', '--production'], stage);
    const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
    step(
      'packaging with vsce',
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix],
      stage,
    );
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return vsix;
}

/**
 * The benchmark's notebook generator (scripts/bench/generate.ts), bundled in memory, so
 * the notebooks are the very ones `npm run bench` uses: same folders, reused while their
 * manifest is there.
 */
async function loadGenerator() {
  const built = await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'scripts', 'bench', 'generate.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript,${encodeURIComponent(built.outputFiles[0].text)}`);
}

/** Pins the date the copy of the notebook is evaluated as of, in its workspace settings. */
function pinToday(notebook, today) {
  const file = path.join(notebook, '.vscode', 'settings.json');
  const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  settings['mentoringNotes.today'] = today;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** Files under `dir` (recursively) whose name `test` accepts; none if `dir` is missing. */
function findFiles(dir, test) {
  let names;
  try {
    names = fs.readdirSync(dir, { recursive: true });
  } catch {
    return [];
  }
  return names
    .map(String)
    .filter((name) => test(path.basename(name)))
    .map((name) => path.join(dir, name));
}

/**
 * The extension's log files. Each extension host (one per window load) writes its own,
 * somewhere under the logs folder; the layout differs between versions, so it is searched.
 */
function channelLogs(sandbox) {
  return findFiles(path.join(sandbox.userDataDir, 'logs'), (name) => name.includes(CHANNEL));
}

/** How far each log file is written now: what `waitForIndexed` reads after. */
function logMark(sandbox) {
  return new Map(channelLogs(sandbox).map((file) => [file, fs.statSync(file).size]));
}

/** What was logged after `mark`, in every log file of the channel. */
function loggedSince(sandbox, mark) {
  return channelLogs(sandbox)
    .map((file) => {
      try {
        return fs
          .readFileSync(file)
          .subarray(mark.get(file) ?? 0)
          .toString('utf8');
      } catch {
        return '';
      }
    })
    .join('\n');
}

/** A log line's local timestamp as epoch ms, or undefined. */
function logTime(stamp) {
  const time = stamp ? new Date(stamp.replace(' ', 'T')).getTime() : NaN;
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Waits for the first "Indexed …" line logged after `mark` and, for a notebook of
 * LOGGED_CHANGE notes or more, the first "Findings of …" line. Returns the extension's own
 * figures and the time from `started` (epoch ms) to the line, taken from the line's
 * timestamp (else from when it was seen).
 */
async function waitForIndexed(sandbox, mark, started) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const text = loggedSince(sandbox, mark);
    const failed = FAILED_LINE.exec(text);
    if (failed) throw new Error(`the extension logged: ${failed[0]}`);
    const indexed = INDEXED_LINE.exec(text);
    // The scan's findings are logged when the editor has them all: before the index line
    // when that took one turn, after it when it took several.
    const findings = FINDINGS_LINE.exec(text);
    if (indexed && (findings || Number(indexed[2]) < LOGGED_CHANGE)) {
      const [, stamp, notes, ms, kind, detail] = indexed;
      const activated = ACTIVATED_LINE.exec(text);
      const indexedAt = logTime(stamp) ?? Date.now();
      const findingsAt = findings ? (logTime(findings[1]) ?? Date.now()) : undefined;
      return {
        notes: Number(notes),
        ms: Number(ms),
        kind,
        detail: detail?.replace(/\.$/, ''),
        wallMs: indexedAt - started,
        findingsMs: findings ? Number(findings[3]) : undefined,
        findingsWallMs: findingsAt === undefined ? undefined : findingsAt - started,
        activationMs: activated ? Number(activated[1]) : undefined,
      };
    }
    if (performance.now() > deadline) {
      const files = channelLogs(sandbox);
      const where = files.length > 0 ? files.join(', ') : `no "${CHANNEL}" log yet`;
      const missing = INDEXED_LINE.test(text) ? '"Findings of …"' : '"Indexed"';
      throw new Error(`no ${missing} line within ${options.timeout} s (${where})`);
    }
    await delay(POLL_MS);
  }
}

/**
 * Waits until the extension has written its warm-start cache: the file exists and its
 * size and modification time stay the same for half a second. Returns its size in bytes.
 * Gives up at once if the extension logged (after `mark`) that it could not write it.
 */
async function waitForCache(sandbox, mark) {
  const deadline = performance.now() + timeoutMs;
  let last = '';
  let stableSince = Infinity;
  for (;;) {
    const failed = CACHE_FAILED_LINE.exec(loggedSince(sandbox, mark));
    if (failed) throw new Error(`the extension logged: ${failed[0]}`);
    const [file] = findFiles(sandbox.userDataDir, (name) => name === CACHE_FILE);
    const stat = file && fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.size > 0) {
      const now = `${stat.size}:${stat.mtimeMs}`;
      if (now !== last) {
        last = now;
        stableSince = performance.now();
      } else if (performance.now() - stableSince >= 500) {
        return stat.size;
      }
    }
    if (performance.now() > deadline) {
      throw new Error(
        `the warm-start cache (${CACHE_FILE}) was not written within ${options.timeout} s`,
      );
    }
    await delay(POLL_MS);
  }
}

/** One size: a fresh profile, the cold window, then the same window reloaded warm. */
async function measure({ browser, entry, vsix, generated, today }) {
  const done = cleanupStack();
  cleanups.add(() => done.run());
  try {
    const sandbox = createSandbox('mentoring-notes-editor-bench');
    done.add(() => sandbox.remove());
    installExtension(entry, sandbox, vsix);
    const start = performance.now();
    const notebook = copyIntoSandbox(sandbox, generated.dir, 'notebook');
    pinToday(notebook, today);
    log(`[${generated.size}] copied ${generated.files} files in ${seconds(start)}`);
    const server = await startServer(entry, sandbox);
    done.add(() => server.stop());
    const page = await browser.newPage();
    done.add(() => withTimeout(page.close(), 10_000, 'closing the page timed out'));

    let mark;
    const load = async (kind, navigate) => {
      mark = logMark(sandbox);
      const started = Date.now();
      await navigate();
      const result = await waitForIndexed(sandbox, mark, started);
      if (result.kind !== kind) {
        throw new Error(
          `the ${kind} window logged a ${result.kind} start (Indexed ${result.notes} notes in ${result.ms} ms)`,
        );
      }
      log(
        `[${generated.size}] ${kind}: Indexed ${result.notes} notes in ${result.ms} ms${result.detail ? ` (${result.detail})` : ''}; ${formatSeconds(result.wallMs)} from page load` +
          (result.findingsMs === undefined
            ? ''
            : `; every finding in the editor ${formatSeconds(result.findingsWallMs)} from page load (worked out and handed over in ${result.findingsMs} ms)`),
      );
      return result;
    };

    const cold = await load('cold', () => page.goto(workbenchUrl(server, notebook)));
    const cacheBytes = await waitForCache(sandbox, mark);
    log(`[${generated.size}] warm-start cache written: ${(cacheBytes / 1e6).toFixed(2)} MB`);
    const warm = await load('warm', () => page.reload());
    return { size: generated.size, cold, warm, cacheBytes };
  } finally {
    await done.run();
  }
}

function formatSeconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatMs(ms) {
  return ms === undefined ? '–' : `${Math.round(ms)} ms`;
}

/** The results as Markdown: the index times, then what else was measured. */
function report(results) {
  const lines = [
    '| notes | cold index (extension) | warm index (extension) | warm/cold |',
    '| ---: | ---: | ---: | ---: |',
    ...results.map(
      ({ size, cold, warm }) =>
        `| ${size} | ${formatMs(cold.ms)} | ${formatMs(warm.ms)} | ${cold.ms > 0 ? (warm.ms / cold.ms).toFixed(2) : '–'} |`,
    ),
    '',
    ...results.map(
      ({ size, cold, warm }) =>
        `- ${size} notes, cold: ${cold.detail ?? '–'}; warm: ${warm.detail ?? '–'}`,
    ),
    '',
    '| notes | indexed (log) | page load → indexed, cold | page load → indexed, warm | page load → every finding, cold / warm | findings worked out and handed over, cold / warm | activation, cold | activation, warm | cache |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      ({ size, cold, warm, cacheBytes }) =>
        `| ${size} | ${cold.notes} | ${formatSeconds(cold.wallMs)} | ${formatSeconds(warm.wallMs)} | ${cold.findingsWallMs === undefined ? '–' : `${formatSeconds(cold.findingsWallMs)} / ${formatSeconds(warm.findingsWallMs)}`} | ${cold.findingsMs === undefined ? '–' : `${formatMs(cold.findingsMs)} / ${formatMs(warm.findingsMs)}`} | ${formatMs(cold.activationMs)} | ${formatMs(warm.activationMs)} | ${(cacheBytes / 1e6).toFixed(2)} MB |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

const cleanups = cleanupStack();

/** Rejects on Ctrl-C or SIGTERM, at any point of the run. */
const stopRequested = new Promise((_, reject) => {
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => reject(new Error(`${signal}: benchmark abandoned`)));
});
stopRequested.catch(() => {});

async function main() {
  const start = performance.now();
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const generator = await loadGenerator();
  const notebooks = sizes.map((size) => {
    const generated = generator.generateNotebook(size, SEED);
    log(
      `[${size}] notebook ${generated.reused ? 'reused' : 'generated'}: ${generated.files} files at ${generated.dir}`,
    );
    return generated;
  });
  const vsix = packageExtension(manifest);
  const entry = await ensureCodeServer();
  const browser = await launchBrowser();
  cleanups.add(() =>
    withTimeout(browser.close(), 10_000, 'closing Chromium timed out').catch(() => {}),
  );
  const results = [];
  for (const generated of notebooks) {
    results.push(await measure({ browser, entry, vsix, generated, today: generator.BENCH_TODAY }));
  }
  log(`done in ${seconds(start)}`);
  process.stdout.write(report(results));
}

try {
  await Promise.race([main(), stopRequested]);
} catch (error) {
  console.error(`editor-bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cleanups.run();
}
process.exit(process.exitCode ?? 0);
