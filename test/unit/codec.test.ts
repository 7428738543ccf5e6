import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { loadNotebook, NoteIndex, parseBytes, ParseCache, type ParsedFile } from '../../src/core';
import { decodeFile, encodeFile, StringTable } from '../../src/core/index/codec';
import { markdownFiles } from './helpers/fixtures';
import { MemoryFiles } from './helpers/memoryFiles';

const ROOT = process.cwd();

/** Through the encoding and JSON, as the cache stores it (with a table of its own). */
function roundTrip(parsed: ParsedFile): ParsedFile {
  const table = new StringTable();
  const data = JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown;
  return decodeFile(parsed.uri, data, JSON.parse(JSON.stringify(table.strings)) as string[]);
}

/** `parsed` encoded with a table of its own, and the table's strings. */
function encoded(parsed: ParsedFile): { data: (string | number | null)[]; strings: string[] } {
  const table = new StringTable();
  return { data: encodeFile(parsed, table), strings: table.strings };
}

describe('cache encoding', () => {
  const files = [
    ...markdownFiles(join(ROOT, 'examples')),
    ...markdownFiles(join(ROOT, 'test', 'unit', 'fixtures')),
  ];

  it('covers a corpus with every kind of note and problem', () => {
    const parsed = files.map((f) => parseBytes(relative(ROOT, f), readFileSync(f)));
    const types = new Set(parsed.map((p) => p.note?.type ?? 'none'));
    assert.deepEqual([...types].sort(), ['goal', 'mentor', 'none', 'review', 'session']);
    assert.ok(parsed.some((p) => p.problems.length > 0));
    assert.ok(parsed.some((p) => p.note?.actionItems.some((i) => i.links.length > 0)));
  });

  it('gives back exactly what the parser produced, for every fixture and example', () => {
    for (const f of files) {
      const parsed = parseBytes(relative(ROOT, f), readFileSync(f));
      assert.deepStrictEqual(roundTrip(parsed), parsed, f);
    }
  });

  it('gives back exactly what the parser produced, for generated notes (property)', () => {
    const fragment = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '---\n',
        'type: goal\n',
        'type: session\n',
        'type: mentor\n',
        'type: review\n',
        'mentor: alex\n',
        'goals: [a, b]\n',
        'date: 2026-11-01\n',
        'next: 2026-13-01\n',
        'cadence: weekly\n',
        'cadence: sometimes\n',
        'status: paused\n',
        'horizon: long\n',
        'target: 2027-01-01\n',
        '## Milestones\n',
        '## Feedback\n',
        '- [ ] ',
        '- [x] ',
        '📅 2026-11-02 ',
        '✅ 2026-11-03 ',
        '⏳ 2026-11-04 ',
        '🔁 every week ',
        '⏫ ',
        'due:2026-02-30 ',
        '#goal-a ',
        '[[goal-b]] ',
        '@sam ',
        '\n',
        '\r\n',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const parsed = parseBytes('n.md', new TextEncoder().encode(parts.join('')));
        assert.deepStrictEqual(roundTrip(parsed), parsed);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('refuses malformed entries instead of trusting them', () => {
    const parsed = parseBytes(
      'n.md',
      new TextEncoder().encode('---\ntype: goal\n---\n- [ ] a 📅 2026-12-01\n'),
    );
    const { data: good, strings } = encoded(parsed);
    assert.deepStrictEqual(decodeFile('n.md', good, strings), parsed);
    const bad: unknown[] = [
      'nope',
      [],
      good.slice(0, -1),
      [...good, 1],
      good.map((v) => (typeof v === 'number' ? -5 : v)),
      // A string written out, or a count, where a reference into the table belongs.
      good.map((v) => (typeof v === 'number' && v < 0 ? 'goal' : v)),
      good.map((v) => (typeof v === 'number' && v < 0 ? 0 : v)),
    ];
    for (const data of bad) assert.throws(() => decodeFile('n.md', data, strings));
    // A note type that is not one.
    const gaol = strings.map((s) => (s === 'goal' ? 'gaol' : s));
    assert.throws(() => decodeFile('n.md', good, gaol), /unexpected "gaol"/);
  });

  it('refuses entries that decode but would break the rules or the editor later', () => {
    const session = parseBytes(
      's.md',
      new TextEncoder().encode(
        '---\ntype: session\ndate: 2026-11-01\ngoals: [talk]\n---\n- [ ] a 📅 2026-12-01\n',
      ),
    );
    const { data: good, strings } = encoded(session);
    assert.deepStrictEqual(decodeFile('s.md', good, strings), session);
    /** The table with the string `from` written as `to`. */
    const rewrite = (from: string, to: string) => {
      assert.ok(strings.includes(from), from);
      return strings.map((s) => (s === from ? to : s));
    };
    const talk = -1 - strings.indexOf('talk');
    const noGoal = good.map((v) => (v === talk ? null : v));
    assert.throws(() => decodeFile('s.md', noGoal, strings), /missing goal/);
    assert.throws(
      () => decodeFile('s.md', good, rewrite('2026-12-01', '2026-13-01')),
      /not a date/,
    );
    assert.throws(() => decodeFile('s.md', good, rewrite('2026-11-01', 'soon')), /not a date/);
    const firstRangeNumber = good.findIndex((v, k) => k > 0 && typeof v === 'number' && v > 0);
    const negative = good.map((v, k) => (k === firstRangeNumber ? -1 : v));
    assert.throws(() => decodeFile('s.md', negative, strings));
  });

  it('gives back exactly what the parser produced through a shared string table', () => {
    const table = new StringTable();
    const written = files.map((f) => {
      const parsed = parseBytes(relative(ROOT, f), readFileSync(f));
      return { parsed, data: JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown };
    });
    const strings = JSON.parse(JSON.stringify(table.strings)) as string[];
    assert.equal(new Set(strings).size, strings.length, 'each string once');
    for (const { parsed, data } of written) {
      assert.ok(
        (data as unknown[]).every((v) => typeof v !== 'string' || parsed.problems.length > 0),
        'no string written out, except finding data',
      );
      assert.deepStrictEqual(decodeFile(parsed.uri, data, strings), parsed, parsed.uri);
    }
    // A reference past the table's end is damage, not a string.
    const first = written.find((e) => e.parsed.note)!;
    assert.throws(() => decodeFile(first.parsed.uri, first.data, strings.slice(0, 1)));
    assert.throws(() => decodeFile(first.parsed.uri, first.data, []));
  });

  it('decodes from several tables in turn, each with its own strings at each position', () => {
    // Two caches of the same files written in opposite orders: their tables hold other
    // strings at the same positions, and what one table's strings come to must never be
    // taken for the other's.
    const encodeAll = (order: readonly string[]) => {
      const table = new StringTable();
      const out = order.map((f) => {
        const parsed = parseBytes(relative(ROOT, f), readFileSync(f));
        return { parsed, data: JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown };
      });
      return { out, strings: JSON.parse(JSON.stringify(table.strings)) as string[] };
    };
    const a = encodeAll(files);
    const b = encodeAll([...files].reverse());
    assert.notDeepEqual(a.strings, b.strings);
    for (let k = 0; k < files.length; k++) {
      const fromA = a.out[k]!;
      const fromB = b.out[files.length - 1 - k]!;
      assert.deepStrictEqual(decodeFile(fromA.parsed.uri, fromA.data, a.strings), fromA.parsed);
      // A decode that fails part way leaves nothing behind for the next one.
      const cut = (fromB.data as unknown[]).slice(
        0,
        Math.floor((fromB.data as unknown[]).length / 2),
      );
      if (cut.length > 0) assert.throws(() => decodeFile(fromB.parsed.uri, cut, b.strings));
      assert.deepStrictEqual(decodeFile(fromB.parsed.uri, fromB.data, b.strings), fromB.parsed);
    }
  });

  it('ignores a cache whose line of shared strings is damaged', async () => {
    const files = new (class extends MemoryFiles {
      async stat(): Promise<{ mtime: number; size: number }> {
        return { mtime: 1, size: 1 };
      }
    })();
    files.write('a.md', '---\ntype: goal\n---\n- [ ] a\n');
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    const lines = cache.serialize().split('\n');
    assert.equal(ParseCache.deserialize(lines.join('\n')).size, 1);
    for (const damaged of ['{not json', '[1, 2]', '{"a": 1}'])
      assert.equal(ParseCache.deserialize([lines[0], damaged, lines[2]].join('\n')).size, 0);
  });

  it('makes a damaged cache entry a miss: the file is read and parsed again', async () => {
    const files = new (class extends MemoryFiles {
      reads = 0;
      override async read(uri: string): Promise<Uint8Array> {
        this.reads++;
        return super.read(uri);
      }
      async stat(): Promise<{ mtime: number; size: number }> {
        return { mtime: 1, size: 1 };
      }
    })();
    files.write('a.md', '---\ntype: goal\n---\n- [ ] a\n');
    files.write('b.md', '---\ntype: goal\n---\n- [ ] b\n');
    const cache = new ParseCache();
    await loadNotebook(files, new NoteIndex(), { cache });
    // One line per file after the header and the shared strings: damage the first file's
    // encoding only.
    const lines = cache.serialize().split('\n');
    assert.equal(lines.length, 4);
    lines[2] = lines[2]!.replace(/\]$/, ',"trailing"]');
    files.reads = 0;
    const index = new NoteIndex();
    await loadNotebook(files, index, { cache: ParseCache.deserialize(lines.join('\n')) });
    assert.equal(files.reads, 1, 'only the damaged entry is read again');
    assert.deepEqual([...index.actionItems()].map((i) => i.text).sort(), ['a', 'b']);
  });
});
