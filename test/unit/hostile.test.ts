import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import {
  computeFindings,
  FindingsEngine,
  NoteIndex,
  parseBytes,
  parseText,
  type Finding,
} from '../../src/core';

const HEAD = '---\ntype: session\ndate: 2026-11-01\n---\n';
const EXAMPLE = readFileSync(
  join(process.cwd(), 'examples/notebook/sessions/2026-11-14-alex-rivera.md'),
  'utf8',
);

describe('hostile and broken notes', function () {
  this.timeout(20000);

  const pathological: Record<string, string> = {
    'deeply nested quotes': HEAD + '>'.repeat(20000) + ' - [ ] x\n',
    'deeply nested lists by indentation':
      HEAD + Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i * 2)}- [ ] x`).join('\n'),
    'deeply nested lists on one line': HEAD + '- '.repeat(10000) + '[ ] x\n',
    'deeply nested lists inside a quote':
      HEAD +
      '> ' +
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- [ ] x`).join('\n> '),
    'unclosed brackets': HEAD + '- [ ] ' + '['.repeat(100000) + '\n',
    'unclosed links in a quote': HEAD + '> ' + '[a](b '.repeat(20000) + '\n',
    'a heading with a long run of spaces':
      HEAD + '# a' + ' '.repeat(200000) + 'x\n- [ ] y 📅 2026-11-02\n',
    'a task with a long run of spaces': HEAD + '- [ ] x' + ' '.repeat(200000) + 'y @a #b\n',
    'a front matter line with a long run of spaces':
      '---\ntype: goal\ntitle: a' + ' '.repeat(60000) + 'b\n---\n',
    // About 2 MB, the most a note may have: runs of 2,000 lengths, none closed.
    'a task line of backtick runs of every length, none closed':
      HEAD +
      '- [ ] x ' +
      Array.from({ length: 2000 }, (_, i) => '`'.repeat(i + 1)).join(' ') +
      '\n',
    'many HTML blocks': HEAD + '<div>\n'.repeat(20000) + '- [ ] x\n',
    'a huge front matter': '---\ntype: goal\n' + 'k: v\n'.repeat(20000) + '---\n',
    'an alias bomb':
      '---\ntype: goal\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\n',
  };
  for (const [name, text] of Object.entries(pathological)) {
    it(`reads ${name} without crashing or hanging`, () => {
      const parsed = parseText('x.md', text);
      assert.ok(parsed.note, 'still recognised as a note');
      // Whatever could not be read fully is said, at a place in the file.
      for (const p of parsed.problems) assert.ok(p.range.start.line >= 0 && p.message.length > 0);
    });
  }

  it('says once that front matter nests too deeply, at one depth everywhere', () => {
    // The same answer at every depth past 100 (the front matter's own map is one), whatever
    // the stack left (the CLI, the extension host and a browser run out of it at different
    // depths): one problem, at what goes one level too deep.
    const problems = (yaml: string) =>
      parseText('x.md', `---\ntype: goal\n${yaml}\n---\n`).problems.map((p) => [
        p.range.start.line,
        p.range.start.character,
        p.message,
      ]);
    const tooDeep = 'invalid YAML: it is nested too deeply';
    for (const depth of [100, 1000, 1800, 10000, 30000])
      assert.deepEqual(
        problems(`mentor: ${'['.repeat(depth)}x${']'.repeat(depth)}`),
        [[2, 8 + 99, tooDeep]],
        `${depth}`,
      );
    assert.deepEqual(problems(`x: ${'['.repeat(99)}1${']'.repeat(99)}`), []);
    // Block nesting in the compact form, after an explicit key, and over many lines.
    assert.deepEqual(problems(`x:\n  ${'- '.repeat(5000)}a`), [[3, 2 + 2 * 99, tooDeep]]);
    assert.equal(problems(`x:\n  ? a\n  : ${'- '.repeat(1000)}b`).length, 1);
    const lines = Array.from(
      { length: 16 },
      (_, i) => `${' '.repeat(2 + 129 * i)}${'- '.repeat(64)}k:`,
    ).join('\n');
    assert.deepEqual(
      problems(`x:\n${lines}\n${' '.repeat(2 + 129 * 16)}b`).map((p) => p[2]),
      [tooDeep],
    );
    // Brackets and dashes inside quotes, comments, block scalars and plain words are words;
    // a nesting a person writes reads.
    const fine = parseText(
      'y.md',
      `---\ntype: goal\ntitle: "${'['.repeat(100)}" # ${'{'.repeat(100)}\nlinks: [[a, [b]], {c: [d]}]\n` +
        Array.from({ length: 40 }, (_, i) => `k${i}: score in [0, 1)\n`).join('') +
        `notes: |\n  ${'- '.repeat(120)}\n  end\nw: &w 3\n---\n`,
    );
    assert.deepEqual(fine.problems, []);
    assert.equal(fine.note?.title, '['.repeat(100));
    // Lists left open on many lines are the parser's to report, not a nesting.
    const open = problems(Array.from({ length: 70 }, (_, i) => `k${i}: [a`).join('\n'));
    assert.ok(open.length > 0);
    assert.ok(!open.some((p) => p[2] === tooDeep));
  });

  it('reports a broken YAML line once per place, and at most ten problems', () => {
    const text = `---\ntype: goal\n${'a: [b\n'.repeat(300)}---\n`;
    const { problems } = parseText('x.md', text);
    assert.ok(problems.length >= 1 && problems.length <= 10, `${problems.length} problems`);
    const places = problems.map(
      (p) => `${p.range.start.line}:${p.range.start.character}:${p.message}`,
    );
    assert.equal(new Set(places).size, places.length);
  });

  it('never fills gray-matter’s content-keyed cache', () => {
    for (let i = 0; i < 100; i++) parseText(`n${i}.md`, `---\ntype: goal\ntitle: "x ${i}"\n---\n`);
    assert.equal(Object.keys((matter as unknown as { cache: object }).cache).length, 0);
  });

  it('never throws on arbitrary text or bytes (property)', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '---\n',
        '---js\n',
        'type: goal\n',
        'type: session\n',
        '- [ ] ',
        '- [x] ',
        '📅 ',
        '✅ ',
        'due:',
        '2026-02-30',
        '```\n',
        '> ',
        '<!--',
        '-->',
        '\t',
        '\r\n',
        '\r',
        '\uFEFF',
        '#',
        '[[',
        ']]',
        '@',
        '    ',
        '1. ',
        '* ',
        ': ',
        '[',
        ']',
        '{',
        '}',
        '&a ',
        '*a ',
        '!!js/function ',
        '\u0000',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        parseText('p.md', text);
        parseBytes('p.md', new TextEncoder().encode(text));
      }),
      { seed: 11, numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        parseBytes(
          'b.md',
          new Uint8Array([...new TextEncoder().encode('---\ntype: goal\n---\n'), ...bytes]),
        );
      }),
      { seed: 12, numRuns: 1000 },
    );
  });

  it('keeps the index and findings equal to a fresh parse through random edits (property)', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 30 }),
      insert: fc.constantFrom(
        '',
        '- [ ] new 📅 2026-11-01\n',
        '[x]',
        '\n',
        '---',
        '```\n',
        '#public-speaking',
        '2026-02-30',
        'next: 2026-11-10\n',
        'x',
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const index = new NoteIndex();
        index.setText(
          'mentors/alex-rivera.md',
          '---\ntype: mentor\nname: Alex\ncadence: weekly\n---\n',
        );
        index.setText(
          'goals/public-speaking.md',
          '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n',
        );
        const engine = new FindingsEngine(index, '2026-11-21');
        const uri = 'sessions/s.md';
        let text = EXAMPLE;
        index.setText(uri, text);
        engine.update([uri, 'mentors/alex-rivera.md', 'goals/public-speaking.md']);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          index.setText(uri, text);
          engine.update([uri]);
        }
        const fresh = parseText(uri, text);
        assert.deepEqual(index.file(uri), fresh.note || fresh.problems.length ? fresh : undefined);
        assert.deepEqual(normalise(engine.all()), normalise(computeFindings(index, '2026-11-21')));
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('memory over a long editing session', function () {
  this.timeout(60000);

  it('stays flat through tens of thousands of edits with ever-new words and tags', function () {
    const gc = (globalThis as { gc?: () => void }).gc;
    assert.ok(gc, 'run through the project mocha config, which exposes gc');
    const index = new NoteIndex();
    index.setText(
      'goals/public-speaking.md',
      '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n',
    );
    const engine = new FindingsEngine(index, '2026-11-21');
    const edit = (i: number): void => {
      // Every edit brings a tag and a word never seen before, as typing does.
      const text = `${HEAD}## Action items\n- [ ] draft ${i} #tag-${i} @person-${i % 50} 📅 2026-11-${String((i % 28) + 1).padStart(2, '0')}\n`;
      index.setText(`sessions/s${i % 20}.md`, text);
      engine.update([`sessions/s${i % 20}.md`]);
    };
    for (let i = 0; i < 5000; i++) edit(i);
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 5000; i < 35000; i++) edit(i);
    gc!();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(
      grown < 1024 * 1024,
      `heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB over 30,000 edits`,
    );
  });
});

function normalise(findings: Map<string, Finding[]>): [string, Finding[]][] {
  return [...findings].filter(([, l]) => l.length).sort(([a], [b]) => a.localeCompare(b));
}
