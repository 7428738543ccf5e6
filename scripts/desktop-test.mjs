// Runs the integration suite (out/test/integration, built by `node esbuild.mjs --tests`)
// in desktop VS Code through @vscode/test-electron, for a contributor's machine or a
// public CI: it downloads VS Code into .vscode-test/ on first use, so it cannot run where
// Microsoft's download hosts are unreachable (there, `npm run test:integration` runs the
// same suite in code-server). On Linux without a display, run it under `xvfb-run -a`.
//
//   node scripts/desktop-test.mjs [--vscode <version>] [--executable <path>]
//
//   --vscode      the VS Code to download: a version such as 1.100.3 (the default: the
//                 same VS Code code-server bundles), `stable` or `insiders`
//                 (env VSCODE_TEST_VERSION)
//   --executable  use this VS Code executable instead of downloading one
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUITE = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

const { values: options } = parseArgs({
  options: {
    vscode: { type: 'string', default: process.env.VSCODE_TEST_VERSION ?? '1.100.3' },
    executable: { type: 'string' },
  },
});

if (!fs.existsSync(SUITE)) {
  console.error(`${path.relative(REPO_ROOT, SUITE)} is missing: run \`node esbuild.mjs --tests\``);
  process.exit(1);
}

// A fresh copy of the fixture, so tests that create files never dirty the repository,
// and throw-away user data, so settings and state of other runs never leak in.
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-notes-desktop-'));
const workspace = path.join(sandbox, 'workspace');
fs.cpSync(FIXTURE, workspace, { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    ...(options.executable
      ? { vscodeExecutablePath: path.resolve(options.executable) }
      : { version: options.vscode }),
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [
      workspace,
      '--user-data-dir',
      path.join(sandbox, 'user-data'),
      '--extensions-dir',
      path.join(sandbox, 'extensions'),
      '--disable-telemetry',
      // test-electron adds --disable-updates, --skip-welcome, --skip-release-notes and
      // --disable-workspace-trust itself.
    ],
  });
} catch (error) {
  // runTests rejects with TestRunFailedError when the suite fails, or with the download error.
  console.error(`desktop-test: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = typeof error?.code === 'number' && error.code !== 0 ? error.code : 1;
} finally {
  fs.rmSync(sandbox, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(exitCode);
