import { strict as assert } from 'node:assert';
import { loadNotebook, NoteIndex, ParseCache, type FileStamp } from '../../src/core';
import { MemoryFiles } from './helpers/memoryFiles';

/** In-memory files with stamps and a count of reads. */
class StampedFiles extends MemoryFiles {
  readonly stamps = new Map<string, FileStamp>();
  reads = 0;

  override write(uri: string, content: string | Uint8Array, mtime = 1): void {
    super.write(uri, content);
    this.stamps?.set(uri, { mtime, size: this.files.get(uri)!.length });
  }

  override async read(uri: string): Promise<Uint8Array> {
    this.reads++;
    return super.read(uri);
  }

  async stat(uri: string): Promise<FileStamp> {
    const s = this.stamps.get(uri);
    if (!s) throw new Error(`${uri} does not exist`);
    return s;
  }
}

const GOAL = '---\ntype: goal\ntarget: 2027-01-01\nmeasure: x\n---\n- [ ] a 📅 2026-12-01\n';

describe('warm start cache', () => {
  it('serves unchanged files from the cache and re-reads changed ones', async () => {
    const files = new StampedFiles();
    files.write('a.md', GOAL, 1);
    files.write('b.md', GOAL.replace('a 📅', 'b 📅'), 1);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    assert.equal(files.reads, 2);

    const warm = ParseCache.deserialize(cache.serialize());
    files.reads = 0;
    files.write('b.md', GOAL.replace('a 📅', 'changed 📅'), 2);
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache: warm });
    assert.equal(files.reads, 1, 'only the changed file is read');
    const texts = [...index.actionItems()].map((i) => i.text).sort();
    assert.deepEqual(texts, ['a', 'changed']);
  });

  it('treats a same-time change of size as a change', async () => {
    const files = new StampedFiles();
    files.write('a.md', GOAL, 5);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    files.write('a.md', GOAL + '- [ ] more\n', 5);
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache });
    assert.equal([...index.actionItems()].length, 2);
  });

  it('drops entries of files that are gone, and ignores damaged or foreign caches', async () => {
    const files = new StampedFiles();
    files.write('a.md', GOAL);
    files.write('b.md', GOAL);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    files.files.delete('b.md');
    await loadNotebook(files, new NoteIndex(), { cache });
    assert.equal(cache.size, 1);
    assert.equal(ParseCache.deserialize('{not json').size, 0);
    assert.equal(ParseCache.deserialize(JSON.stringify({ version: -1, entries: [] })).size, 0);
    assert.equal(
      ParseCache.deserialize(
        JSON.stringify({ version: 1, entries: [['x', 1, 1, { uri: 'y', problems: [] }]] }),
      ).size,
      0,
    );
  });

  it('keeps one line per file: names with tabs and newlines survive, a damaged line costs only its file', async () => {
    const files = new StampedFiles();
    files.write('odd\tname\n.md', GOAL, 1);
    files.write('b.md', GOAL, 1);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    const lines = cache.serialize().split('\n');
    assert.equal(lines.length, 4, 'the header, the shared strings, a line per file');
    const damaged = [...lines.slice(0, 2), '{not json\t[]', ...lines.slice(2)].join('\n');
    files.reads = 0;
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache: ParseCache.deserialize(damaged) });
    assert.equal(files.reads, 0, 'both files served from the cache');
    assert.equal(index.size, 2);
  });

  it('writes entries it has not read yet with the strings of the new table', async () => {
    const files = new StampedFiles();
    files.write('a.md', GOAL.replace('a 📅', 'first 📅'), 1);
    files.write('b.md', GOAL.replace('a 📅', 'second #tag 📅'), 1);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    // A load stopped before it began leaves every entry unread: both are written again
    // from the old table's strings into a new one.
    const restored = ParseCache.deserialize(cache.serialize());
    await loadNotebook(files, new NoteIndex(), { cache: restored, signal: AbortSignal.abort() });
    const again = ParseCache.deserialize(restored.serialize());
    files.write('b.md', GOAL.replace('a 📅', 'third 📅'), 2);
    files.reads = 0;
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache: again });
    assert.equal(files.reads, 1, 'a.md from the cache; b.md, changed since, from disk');
    assert.deepEqual([...index.actionItems()].map((i) => i.text).sort(), ['first', 'third']);
  });

  it('forgets the entries a failed load left unread, keeping those it read', async () => {
    const files = new StampedFiles();
    files.write('a.md', GOAL, 1);
    files.write('b.md', GOAL, 1);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    const restored = ParseCache.deserialize(cache.serialize());
    const stampOfA = await files.stat('a.md');
    assert.ok(restored.get('a.md', stampOfA), 'a.md read');
    restored.forgetUnread();
    assert.equal(restored.size, 1);
    assert.ok(restored.get('a.md', stampOfA));
    assert.equal(ParseCache.deserialize(restored.serialize()).size, 1);
  });

  it('writes the same text in slices as in one piece, pausing between slices', async () => {
    const files = new StampedFiles();
    for (let i = 0; i < 3000; i++)
      files.write(`s/${i}.md`, GOAL.replace('a 📅', `item ${i} #tag-${i} 📅`), 1);
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    let pauses = 0;
    const pause = async (): Promise<void> => {
      pauses++;
    };
    const sliced = await cache.serializeInSlices(pause);
    assert.equal(sliced, cache.serialize());
    assert.equal(ParseCache.deserialize(sliced).size, 3000);
    // With slices of no time at all, it pauses after every note, and still writes the same.
    pauses = 0;
    assert.equal(await cache.serializeInSlices(pause, 0), sliced);
    assert.equal(pauses, 3000);
  });
});
