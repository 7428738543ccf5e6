// Runs the integration suite (out/test/integration, built by `node esbuild.mjs --tests`)
// inside a real VS Code: code-server's workbench in headless Chromium, with this
// repository as the extension under development and a copy of test/fixtures/workspace
// as the open folder. Exits with the suite's exit code.
//
//   node scripts/vscode-test.mjs [--timeout <seconds>] [--verbose] [--keep]
//
//   --timeout  give up after this many seconds (default 300; env VSCODE_TEST_TIMEOUT)
//   --verbose  also print code-server's output and the browser console
//   --keep     keep the temporary folder (server log, user data, workspace copy)
//
// Needs Debian's chromium and ripgrep (see .ci/run); installs code-server on first use.
// On a desktop with a display, `npm run test:desktop` runs the same suite in VS Code.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { format, parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import {
  REPO_ROOT,
  cleanupStack,
  copyIntoSandbox,
  createSandbox,
  ensureCodeServer,
  launchBrowser,
  log,
  seconds,
  startServer,
  tail,
  withTimeout,
  workbenchUrl,
} from './lib/code-server.mjs';

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: process.env.VSCODE_TEST_TIMEOUT ?? '300' },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const timeoutSeconds = Number(options.timeout);
if (!(timeoutSeconds > 0))
  throw new Error(`--timeout must be a number of seconds, not ${options.timeout}`);

const SUITE = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
/** The line test/integration/index.ts prints when mocha finishes. */
const RESULT_LINE = /\b(\d+) passed, (\d+) failed\b/;
/** Routine workbench log lines, hidden unless --verbose (cosmetic; unknown lines show). */
const WORKBENCH_NOISE = [
  'Resolving connection token',
  'Resolved connection token',
  'Creating a socket',
  'Ignoring fetching additional builtin extensions',
  'Updating additional builtin extensions cache',
  '[Service Worker]',
  'ChatSessionStore:',
];

/** Everything to undo at the end, most recent first. */
const cleanups = cleanupStack();
/** What an error message needs to point at. */
const state = { serverLog: undefined };

/** Fails early, with the fix, if the bundles the editor will load are missing. */
function checkBuilt() {
  for (const [file, hint] of [
    [SUITE, 'build it with `node esbuild.mjs --tests` (npm run test:integration does)'],
    [path.join(REPO_ROOT, 'dist', 'extension.js'), 'build it with `node esbuild.mjs`'],
  ]) {
    if (!fs.existsSync(file))
      throw new Error(`${path.relative(REPO_ROOT, file)} is missing: ${hint}`);
  }
}

/** One run of the suite in a fresh sandbox; resolves to the exit code. */
async function main(entry) {
  const start = performance.now();
  const sandbox = createSandbox('mentoring-notes-it');
  state.serverLog = sandbox.serverLog;
  cleanups.add(() => (options.keep ? log(`kept ${sandbox.root}`) : sandbox.remove()));
  const workspace = copyIntoSandbox(sandbox, FIXTURE, 'workspace');

  const server = await startServer(entry, sandbox, { echo: options.verbose });
  cleanups.add(() => server.stop());
  log(`code-server ${server.origin} ready after ${seconds(start)}`);

  const browser = await launchBrowser();
  cleanups.add(() => withTimeout(browser.close(), 10_000, 'closing Chromium timed out'));
  const page = await browser.newPage();
  if (options.verbose) {
    page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
  }
  page.on('pageerror', (error) => console.error(`[browser error] ${error.message}`));

  let resultLine;
  let reportExit;
  const finished = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  await page.exposeFunction('codeAutomationLog', (type, message) => {
    // The workbench's own log and the extension host's console, as console.log arguments.
    const text = Array.isArray(message) ? format(...message) : String(message);
    if (RESULT_LINE.test(text)) resultLine = text;
    if (!options.verbose && WORKBENCH_NOISE.some((noise) => text.startsWith(noise))) return;
    (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
  });

  const url = workbenchUrl(server, workspace, {
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE,
  });
  if (options.verbose) log(`opening ${url}`);
  await page.goto(url);
  const exitCode = await finished;
  // The workbench reports the exit before the last log lines have crossed over.
  await delay(1000);
  log(`suite finished with exit code ${exitCode} after ${seconds(start)}`);

  if (exitCode === 0 && !resultLine) {
    console.error(
      `${path.basename(import.meta.url)}: VS Code reported success but no test result line ` +
        `("N passed, N failed") arrived: the suite did not run.`,
    );
    return 1;
  }
  if (exitCode !== 0 && !resultLine) {
    console.error(`--- code-server log (${sandbox.serverLog}) ---\n${tail(sandbox.serverLog)}`);
  }
  return typeof exitCode === 'number' ? exitCode : 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanups.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

try {
  checkBuilt();
  // Installing is not part of the run's time limit (it is about a minute, once).
  const entry = await ensureCodeServer();
  process.exitCode = await withTimeout(
    main(entry),
    timeoutSeconds * 1000,
    `the integration suite did not finish within ${timeoutSeconds} s ` +
      '(is the workbench stuck? rerun with --verbose, or raise --timeout)',
  );
} catch (error) {
  console.error(`${path.basename(import.meta.url)}: ${error.message}`);
  if (state.serverLog) {
    console.error(`--- code-server log (${state.serverLog}) ---\n${tail(state.serverLog)}`);
  }
  process.exitCode = 1;
} finally {
  await cleanups.run();
}
// Playwright and stray handles must not keep a finished run alive.
process.exit(process.exitCode);
