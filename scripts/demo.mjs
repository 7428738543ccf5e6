// `npm run demo`: the packaged extension in a real VS Code (code-server) on the example
// notebook. Builds for production, packages the .vsix with vsce, installs it into a
// throw-away code-server profile, opens a copy of examples/notebook (or of the test
// fixture while there is no example) and serves it on 127.0.0.1 until Ctrl-C. The copy
// gets a .vscode/settings.json that evaluates dates as of 2026-11-21, the day the example
// notebook is written as of, so the demo looks the same whatever the real date.
//
//   npm run demo [-- --port <n>] [-- --screenshot <dir>]
//
//   --port        serve on this port (default: a free one)
//   --screenshot  instead of serving, open the workbench in headless Chromium (1400x1000),
//                 save one PNG per step of SCREENSHOTS into <dir>, and exit
//
// Needs Debian's chromium (for --screenshot) and ripgrep; installs code-server on first use.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
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
import {
  fitProblemsToRows,
  fitViewToRows,
  goToLine,
  openFile,
  pickQuickItem,
  resetLayout,
  resizeSideBar,
  runCommand,
  setSideBarVisible,
  settle,
  showProblems,
  showQuickFixes,
  showViews,
  viewPane,
  waitForEditor,
  waitForWorkbench,
} from './lib/workbench.mjs';

const VIEWPORT = { width: 1400, height: 1000 };

/**
 * The day the example notebook is written as of: the demo's copy evaluates dates as of
 * this day (setting `mentoringNotes.today`), so what it shows does not depend on the
 * real date.
 */
const DEMO_TODAY = '2026-11-21';

/** The extension's views, as titled in package.json, and the container holding them. */
const CONTAINER = 'Mentoring';
const VIEWS = ['Goals', 'Action Items', 'Sessions'];

/** The source of the extension's diagnostics in the Problems panel. */
const DIAGNOSTIC_SOURCE = 'mentoring-notes';

/**
 * What --screenshot captures, in order: each step brings the workbench into a state and
 * names the PNG, built from the helpers in lib/workbench.mjs. Every step starts from a
 * window with no editor and no panel open and the side bar shown; sizes set by a step
 * stay. The date is pinned (DEMO_TODAY), so the same rows show every time. The viewport
 * is a little taller than 900 so the Action Items view shows all its groups expanded.
 */
const SCREENSHOTS = [
  {
    // The side bar (goals, action items grouped by due date, sessions) next to a session
    // note, whose dates, owners and goal links the grammar injection colours.
    name: 'sidebar',
    show: async (page) => {
      await showViews(page, CONTAINER, VIEWS);
      await viewPane(page, 'Action Items')
        .locator('.monaco-list-row', { hasText: 'Overdue' })
        .first()
        .waitFor();
      // Room for the goals' descriptions, and each view as tall as its rows (Sessions, the
      // longest list, takes what is left). Later steps keep this layout.
      await resizeSideBar(page, 440);
      await fitViewToRows(page, 'Goals');
      await fitViewToRows(page, 'Action Items');
      await openFile(page, 'sessions/2026-11-14-alex-rivera.md');
      await goToLine(page, 32);
    },
  },
  {
    // The notebook's diagnostics in the Problems panel, full width and as tall as its
    // rows, and the squiggles on a note's overdue action items.
    name: 'problems',
    show: async (page) => {
      await setSideBarVisible(page, false);
      await openFile(page, 'sessions/2026-10-14-priya-natarajan.md');
      await showProblems(page, DIAGNOSTIC_SOURCE);
      await fitProblemsToRows(page);
      await runCommand(page, 'View: Focus Active Editor Group');
      await goToLine(page, 37);
      await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor();
    },
  },
  {
    // Ctrl+. on the due date of an overdue item: mark done, reschedule.
    name: 'quick-fix',
    show: async (page) => {
      await openFile(page, 'sessions/2026-11-14-alex-rivera.md');
      // In the due date of "Send Alex the storage-tiering draft…" (2026-11-|18).
      await goToLine(page, 34, 67);
      await page.locator('.editor-group-container.active .squiggly-warning').first().waitFor();
      await showQuickFixes(page, 'Mark done');
    },
  },
  {
    // "Mentoring: Prepare Next Meeting", Alex Rivera: the new note for 2026-11-28 opens
    // with the cursor in the agenda.
    name: 'prepared-note',
    show: async (page) => {
      await showViews(page, CONTAINER, VIEWS);
      await runCommand(page, `${CONTAINER}: Prepare Next Meeting`, { prompt: true });
      await pickQuickItem(page, 'Alex Rivera');
      await waitForEditor(page, '2026-11-28-alex-rivera.md');
      await viewPane(page, 'Sessions')
        .locator('.monaco-list-row', { hasText: '2026-11-28' })
        .first()
        .waitFor();
    },
  },
  {
    // The tooltip of an overdue action item: its words, then its dates, owner and goals.
    name: 'item-tooltip',
    show: async (page) => {
      await showViews(page, CONTAINER, VIEWS);
      const row = viewPane(page, 'Action Items')
        .locator('.monaco-list-row', { hasText: 'storage-tiering' })
        .first();
      await row.hover();
      await page.locator('.monaco-hover, .workbench-hover').first().waitFor();
    },
  },
  {
    // "Mentoring: Show Progress Report", Alex Rivera: the report with its charts, in a
    // webview (which runs no script).
    name: 'progress-report',
    show: async (page) => {
      await setSideBarVisible(page, false);
      await runCommand(page, `${CONTAINER}: Show Progress Report`, { prompt: true });
      await pickQuickItem(page, 'Alex Rivera');
      await page
        .frameLocator('iframe.webview.ready')
        .frameLocator('iframe#active-frame')
        .locator('svg')
        .first()
        .waitFor();
    },
  },
];

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
  // with no standard input: it never waits for an answer to a prompt. This package is
  // never published, so the README's relative links stay as they are (vsce would
  // otherwise need a repository URL to rewrite the screenshots' links).
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  step('packaging with vsce', process.execPath, [
    vsce,
    'package',
    '--no-dependencies',
    '--no-rewrite-relative-links',
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

/**
 * Pins the date the copy of the notebook is evaluated as of, in its workspace settings
 * (the copy only: the examples in the repository stay as they are).
 */
function pinToday(notebook) {
  const file = path.join(notebook, '.vscode', 'settings.json');
  let settings = {};
  if (fs.existsSync(file)) {
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`cannot add mentoringNotes.today to ${file}: ${error.message}`);
    }
  }
  settings['mentoringNotes.today'] = DEMO_TODAY;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

/** Waits until the extension has indexed the notebook: its status bar item shows. */
async function waitForExtension(page) {
  await page
    .locator('.statusbar-item[id$="mentoringNotes.status"]')
    .first()
    .waitFor({ timeout: 60_000 });
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
    await waitForExtension(page);
    for (const { name, show } of SCREENSHOTS) {
      try {
        await withTimeout(
          (async () => {
            await resetLayout(page);
            await show(page);
          })(),
          60_000,
          'did not finish in 60 s',
        );
      } catch (error) {
        // What the window looked like when the step gave up, to see which wait failed.
        const failed = path.join(os.tmpdir(), `mentoring-notes-demo-${name}.failed.png`);
        await page.screenshot({ path: failed }).catch(() => {});
        throw new Error(`screenshot step "${name}": ${error.message} (window: ${failed})`, {
          cause: error,
        });
      }
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
  pinToday(notebook);
  const server = await startServer(entry, sandbox, {
    port: options.port === undefined ? undefined : Number(options.port),
  });
  cleanups.add(() => server.stop());
  const url = workbenchUrl(server, notebook);
  log(
    `ready after ${seconds(start)}: ${path.relative(REPO_ROOT, vsix)} installed, showing a copy of ${path.relative(REPO_ROOT, source)} as of ${DEMO_TODAY}`,
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
