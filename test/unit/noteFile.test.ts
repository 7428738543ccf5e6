import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listNotes, readNote, readNoteAsync, readNoteHead } from '../../src/node/noteFile';

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

  it('lists Markdown files, skipping excluded folders, real folders before linked ones', async () => {
    // `zz` sorts after `goals` and `aa` before it: either way the real path is the one listed.
    symlinkSync(join(root, 'goals'), join(root, 'aa'), 'dir');
    symlinkSync(join(root, 'goals'), join(root, 'zz'), 'dir');
    symlinkSync(root, join(root, 'sessions', 'loop'), 'dir');
    symlinkSync(join(root, 'missing.md'), join(root, 'dangling.md'));
    symlinkSync(join(root, 'top.md'), join(root, 'alias.md'));
    const options = {
      keep: (path: string) => !path.startsWith('skip/'),
      skipFolder: (path: string) => path === 'excluded' || path.endsWith('.git'),
    };
    assert.deepEqual(await listNotes(root, options), [
      'alias.md',
      'goals/a.md',
      'goals/b.MD',
      'sessions/2026/s.md',
      'top.md',
    ]);
    // A walk told to stop finds nothing more.
    assert.deepEqual(await listNotes(root, { ...options, stop: () => true }), []);
    // Without following links (search.followSymlinks: false), links are left out.
    assert.deepEqual(await listNotes(root, { ...options, followLinks: false }), [
      'goals/a.md',
      'goals/b.MD',
      'sessions/2026/s.md',
      'top.md',
    ]);
  });

  it('refuses what is not a regular note before reading it', () => {
    writeFileSync(join(root, 'big.md'), Buffer.alloc(3 * 1024 * 1024, 'a'));
    assert.throws(() => readNote(join(root, 'big.md')), /the file is 3 MB, over the 2 MB/);
    // Its head can be read, to tell whether it means to be a note.
    assert.equal(readNoteHead(join(root, 'big.md'), 16).length, 16);
    assert.equal(readNoteHead(join(root, 'top.md'), 1000).length, 19);
    assert.throws(() => readNoteHead(join(root, 'goals'), 16), /not a regular file|EISDIR/);
    assert.throws(() => readNote(join(root, 'goals')), /not a regular file|EISDIR/);
    assert.equal(
      new TextDecoder().decode(readNote(join(root, 'top.md'))),
      '---\ntype: goal\n---\n',
    );
  });

  it('refuses a named pipe called x.md at once, instead of waiting for a writer', async () => {
    if (process.platform === 'win32') return;
    const fifo = join(root, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    assert.throws(() => readNote(fifo), /not a regular file/);
    await assert.rejects(readNoteAsync(fifo), /not a regular file/);
  });
});
