import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Compares `actual` with the expected file, or writes it when UPDATE=1 (then review the
 * diff before committing).
 */
export function expectFile(path: string, actual: string): void {
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    if (process.env.UPDATE !== '1') assert.fail(`missing ${path}; run with UPDATE=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8').replace(/\r\n/g, '\n'));
}
