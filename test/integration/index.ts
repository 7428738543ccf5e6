// The integration suite's entry point: VS Code loads this bundle (extensionTestsPath) in
// the extension host and calls `run()`. It runs every bundled `*.test.js` beside it.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs the integration tests with mocha; rejects if any fails or none ran. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) {
    return Promise.reject(new Error(`no *.test.js files next to ${__filename}`));
  }
  for (const file of files) mocha.addFile(join(__dirname, file));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, tests = 0 } = runner.stats ?? {};
      // A plain result line that CI logs and scripts/vscode-test.mjs look for.
      console.log(`integration: ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (tests === 0) reject(new Error('the integration suite ran no test'));
      else resolve();
    });
  });
}
