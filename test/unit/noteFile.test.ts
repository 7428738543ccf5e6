import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listNotes, readNote } from '../../src/node/noteFile';

describe('notes on the local disk', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mn-notefile-'));
    for (const dir of ['goals', 'sessions/2026', 'excluded', '.git'])
      mkdirSync(join(root, dir), { recursive: true });
    for (const file of [
      'goals/a.md',
      'goals/b.MD',
      'goals/notes.txt',
      'sessions/2026/s.md',
      'excluded/hidden.md',
      '.git/x.md',
      'top.md',
    ])
      writeFileSync(join(root, file), '---\ntype: goal\n---\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists Markdown files, skipping excluded folders, following links once', async () => {
    symlinkSync(join(root, 'goals'), join(root, 'linked'), 'dir');
    symlinkSync(root, join(root, 'sessions', 'loop'), 'dir');
    symlinkSync(join(root, 'missing.md'), join(root, 'dangling.md'));
    symlinkSync(join(root, 'top.md'), join(root, 'alias.md'));
    const listed = (
      await listNotes(
        root,
        (path) => !path.startsWith('skip/'),
        (path) => path === 'excluded' || path.endsWith('.git'),
      )
    ).sort();
    // Each real folder is entered once: `linked` and `goals` are one folder, and the loop
    // back to the root ends where it started.
    const goals = listed.filter((p) => /^(goals|linked)\//.test(p));
    assert.equal(goals.length, 2, listed.join(', '));
    assert.deepEqual(
      listed.filter((p) => !/^(goals|linked)\//.test(p)),
      ['alias.md', 'sessions/2026/s.md', 'top.md'],
    );
  });

  it('refuses what is not a regular note before reading it', () => {
    writeFileSync(join(root, 'big.md'), Buffer.alloc(3 * 1024 * 1024, 'a'));
    assert.throws(() => readNote(join(root, 'big.md')), /the file is 3 MB, over the 2 MB/);
    assert.throws(() => readNote(join(root, 'goals')), /not a regular file|EISDIR/);
    assert.equal(
      new TextDecoder().decode(readNote(join(root, 'top.md'))),
      '---\ntype: goal\n---\n',
    );
  });
});
