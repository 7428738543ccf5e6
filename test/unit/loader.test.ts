import { strict as assert } from 'node:assert';
import { loadNotebook, NoteIndex } from '../../src/core';
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
});
