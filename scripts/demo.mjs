// `npm run demo`: the packaged extension in a real VS Code (code-server) on the example
// notebook. Builds for production, packages the .vsix with vsce, installs it into a
// throw-away code-server profile, opens a copy of examples/notebook (or of the test
// fixture while there is no example) and serves it on 127.0.0.1 until Ctrl-C.
//
//   npm run demo [-- --port <n>] [-- --screenshot <dir>]
//
//   --port        serve on this port (default: a free one)
//   --screenshot  instead of serving, open the workbench in headless Chromium (1400x900),
//                 save one PNG per step of SCREENSHOTS into <dir>, and exit
//
// Needs Debian's chromium (for --screenshot) and ripgrep; installs code-server on first use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
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
// Used by screenshot steps: import the others from here as steps are added.
import { settle, waitForWorkbench } from './lib/workbench.mjs';

const VIEWPORT = { width: 1400, height: 900 };

/**
 * What --screenshot captures, in order: each step brings the workbench into a state and
 * names the PNG. Add steps here, built from the helpers in lib/workbench.mjs, e.g.
 *   { name: 'action-items', show: (page) => runCommand(page, 'Mentoring Notes: Focus on Action Items View') },
 *   { name: 'session', show: (page) => openFile(page, 'sessions/2026-11-14-alex-rivera.md') },
 */
const SCREENSHOTS = [{ name: 'workbench', show: async () => {} }];

const { values: options } = parseArgs({
  options: {
    port: { type: 'string' },
    screenshot: { type: 'string' },
  },
});

/** Runs a step of the build, failing the demo with `what` if it fails. */
function step(what, command, args) {
  const start = performance.now();
  log(`${what}…`);
  const result = spawnSync(command, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status ?? result.error})`);
  log(`${what}: done in ${seconds(start)}`);
}

/** Builds for production and packages the .vsix; returns its path. */
function packageExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(
    REPO_ROOT,
    '.vscode-test',
    'demo',
    `${manifest.name}-${manifest.version}.vsix`,
  );
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  step('production build', process.execPath, ['esbuild.mjs', '--production']);
  // esbuild bundles every dependency, so the package needs no node_modules. vsce runs
  // with no standard input: it never waits for an answer to a prompt.
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  step('packaging with vsce', process.execPath, [
    vsce,
    'package',
    '--no-dependencies',
    '--out',
    vsix,
  ]);
  return vsix;
}

/** The notebook to show: examples/notebook once it has notes, else the test fixture. */
function demoNotebook() {
  const example = path.join(REPO_ROOT, 'examples', 'notebook');
  const hasNotes =
    fs.existsSync(example) &&
    fs.readdirSync(example, { recursive: true }).some((name) => String(name).endsWith('.md'));
  return hasNotes ? example : path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
}

/** Opens the workbench in headless Chromium and saves one PNG per screenshot step. */
async function takeScreenshots(url, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => console.error(`[browser error] ${error.message}`));
    await page.goto(url);
    await waitForWorkbench(page);
    for (const { name, show } of SCREENSHOTS) {
      await withTimeout(show(page), 60_000, `screenshot step "${name}" did not finish in 60 s`);
      await settle(page);
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file });
      log(`saved ${file}`);
    }
  } finally {
    await withTimeout(browser.close(), 10_000, 'closing Chromium timed out').catch(() => {});
  }
}

const cleanups = cleanupStack();

/** Resolves on Ctrl-C or SIGTERM, at any point of the run. */
const stopRequested = new Promise((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => resolve(signal));
});

async function main() {
  const start = performance.now();
  const vsix = packageExtension();
  const entry = await ensureCodeServer();
  const sandbox = createSandbox('mentoring-notes-demo');
  cleanups.add(() => sandbox.remove());
  installExtension(entry, sandbox, vsix);
  const source = demoNotebook();
  const notebook = copyIntoSandbox(sandbox, source, 'notebook');
  const server = await startServer(entry, sandbox, {
    port: options.port === undefined ? undefined : Number(options.port),
  });
  cleanups.add(() => server.stop());
  const url = workbenchUrl(server, notebook);
  log(
    `ready after ${seconds(start)}: ${path.relative(REPO_ROOT, vsix)} installed, showing a copy of ${path.relative(REPO_ROOT, source)}`,
  );

  if (options.screenshot !== undefined) {
    const stopped = stopRequested.then((signal) => {
      throw new Error(`${signal}: screenshots abandoned`);
    });
    await Promise.race([takeScreenshots(url, path.resolve(options.screenshot)), stopped]);
    return;
  }
  console.log(
    `\n  Open ${url}\n  (Ctrl-C stops the server; changes go to the copy in ${notebook})\n`,
  );
  log(`${await stopRequested}: stopping`);
}

try {
  await main();
} catch (error) {
  console.error(`demo: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cleanups.run();
}
process.exit(process.exitCode ?? 0);
