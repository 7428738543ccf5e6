import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

describe('web bundle', function () {
  this.timeout(60000);

  it('loads in a worker-like context with no DOM, no Buffer and no Node modules', () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: process.cwd() });
    const code = readFileSync(join(process.cwd(), 'dist/web/extension.js'), 'utf8');
    const module = { exports: {} as Record<string, unknown> };
    // Loading reads only the enum the Problems mapping is built from.
    const vscode = { DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 } };
    const required: string[] = [];
    runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name === 'vscode') return vscode;
        throw new Error(`the web bundle requires "${name}"`);
      },
      TextEncoder,
      TextDecoder,
      URL,
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      performance,
    });
    assert.equal(typeof module.exports.activate, 'function');
    // Other requires (js-yaml's optional `esprima` and `buffer`) are inside try/catch and
    // fail harmlessly, as they do on the web; loading got through them.
    assert.ok(required.includes('vscode'));
  });
});
