import { strict as assert } from 'node:assert';
import { loadNotebook, MAX_NOTE_BYTES, NoteIndex, ParseCache, TooLargeError } from '../../src/core';
import { MemoryFiles } from './helpers/memoryFiles';

const NOTE = (i: number): string =>
  `---\ntype: session\ndate: 2026-11-01\nmentor: alex\n---\n## Notes\n${'Some words. '.repeat(20)}\n- [ ] follow-up ${i} 📅 2026-11-2${i % 10} #tag-${i}\n`;

describe('loading a notebook', () => {
  it('gives the host a turn between slices when reads never wait', async function () {
    this.timeout(20000);
    // In-memory reads resolve at once, like the synchronous local disk: without pauses the
    // whole load would run before any timer or editor event.
    const files = new MemoryFiles();
    for (let i = 0; i < 4000; i++) files.write(`s/${i}.md`, NOTE(i));
    const index = new NoteIndex();
    let loadedWhenTimerRan: number | undefined;
    setTimeout(() => (loadedWhenTimerRan = index.size), 0);
    let pauses = 0;
    const started = performance.now();
    await loadNotebook(files, index, {
      yieldToHost: () => {
        pauses++;
        return new Promise((resolve) => setImmediate(resolve));
      },
    });
    const elapsed = performance.now() - started;
    assert.equal(index.size, 4000);
    assert.ok(loadedWhenTimerRan !== undefined, 'the timer ran during the load');
    assert.ok(loadedWhenTimerRan < 4000, `the timer ran after ${loadedWhenTimerRan} files`);
    // About one pause per slice of 15 ms, never one per file.
    assert.ok(pauses >= 1 && pauses <= elapsed / 10 + 1, `${pauses} pauses in ${elapsed} ms`);
  });

  it('never pauses without a host to yield to', async () => {
    const files = new MemoryFiles();
    for (let i = 0; i < 50; i++) files.write(`s/${i}.md`, NOTE(i));
    const index = new NoteIndex();
    await loadNotebook(files, index);
    assert.equal(index.size, 50);
  });

  it('reports a file too large to read only when its head says it is a note', async () => {
    const big = (head: string): Uint8Array => {
      const bytes = new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x61);
      bytes.set(new TextEncoder().encode(head));
      return bytes;
    };
    const contents = new Map([
      ['CHANGELOG.md', big('# Changes\n')],
      ['goals/huge.md', big('---\ntype: goal\nid: huge\n---\n')],
    ]);
    const reads: string[] = [];
    const files = {
      list: async () => [...contents.keys()],
      stat: async (uri: string) => ({ mtime: 1, size: contents.get(uri)!.length }),
      // As a host does: a file too large is refused before it is read.
      read: async (uri: string): Promise<Uint8Array> => {
        throw new TooLargeError(contents.get(uri)!.length);
      },
      readHead: async (uri: string, length: number) => {
        reads.push(uri);
        return contents.get(uri)!.subarray(0, length);
      },
    };
    const cache = new ParseCache();
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache });
    // Not kept, as no other file of the repository is.
    assert.equal(index.file('CHANGELOG.md'), undefined);
    assert.match(
      index.file('goals/huge.md')!.problems[0]!.message,
      /over the 2 MB a note may have/,
    );
    // An ignored file is kept in the cache with its stamp: no second look at the next start.
    reads.length = 0;
    const again = new NoteIndex();
    await loadNotebook(files, again, { cache });
    assert.equal(again.file('CHANGELOG.md'), undefined);
    assert.equal(again.file('goals/huge.md')!.problems.length, 1);
    // (A note too large to read is looked at again, as every file reported unreadable is.)
    assert.deepEqual(reads, ['goals/huge.md']);
    // A host that cannot read part of a file reports every file too large to read.
    const blind = new NoteIndex();
    await loadNotebook({ ...files, readHead: undefined }, blind);
    assert.equal(blind.file('CHANGELOG.md')!.problems.length, 1);
  });
});
