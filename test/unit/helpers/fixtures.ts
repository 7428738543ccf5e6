import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** Every `.md` file under `dir`, in a stable order (names sorted, folder by folder). */
export function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...markdownFiles(full));
    else if (name.endsWith('.md')) found.push(full);
  }
  return found;
}
