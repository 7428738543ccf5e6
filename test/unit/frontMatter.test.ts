import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  readFrontMatter,
  readSimpleFields,
  readYamlFields,
} from '../../src/core/parse/frontMatter';

/** The full parser's fields for a block of lines (line 0 of `block` is the note's line 1). */
function slow(block: string[]) {
  const r = readYamlFields(block.join('\n'));
  return 'fields' in r ? r.fields : undefined;
}

function fast(block: string[]) {
  return readSimpleFields(['---', ...block, '---'], 1, block.length + 1)?.fields;
}

describe('front matter', () => {
  it('reads the usual notes through the fast path exactly as the YAML parser does', () => {
    const block = [
      'type: session',
      'date: 2026-11-21',
      'mentor: alex-rivera',
      '# a comment',
      '',
      'goals: [public-speaking, tech-lead]',
      'next: 2026-12-05   # agreed at the end',
      'title: "Quoted: with colon"',
      "channel: 'video call'",
      'quoted: "Call with sam \\"estimates\\" \\\\ a\\/b\\tc\\nd"  # escapes',
      'empty:',
      'list: []',
      'duration: 45',
      'block:',
      '  - alpha',
      '  - beta-2',
      'after: x',
    ];
    const f = fast(block);
    assert.ok(f, 'the fast path should take this block');
    assert.deepEqual(f, slow(block));
    assert.equal(f.get('quoted')?.value, 'Call with sam "estimates" \\ a/b\tc\nd');
  });

  it('leaves anything unusual to the YAML parser', () => {
    for (const line of [
      'n: 4.2',
      'b: true',
      'l:\n  - 1',
      'l:\n  - a\n    - b',
      'x: ~',
      'nested:\n  a: 1',
      'a: &anchor x',
      'q: "hex \\x41"',
      'q: "unicode \\u00e9"',
      'q: "line \\\nfolded"',
      'q: "unterminated \\"',
      "q: 'it''s'",
      'k: v: w',
      'tab:\tx',
      'nbsp: "x"\u00a0',
      'ideographic: "x"\u3000',
      'bom: plain\ufeff',
      'list: [a\u00a0, b]',
      'l: [a, [b]]',
      'l: [1, 2]',
      'dup: a\ndup: b',
      '- item',
      'u: http://example.com',
    ]) {
      assert.equal(fast(line.split('\n')), undefined, line);
    }
  });

  it('agrees with the YAML parser on generated blocks (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9 .,()'-]{0,12}[a-z0-9]$/);
    const value = fc.oneof(
      word,
      fc.constantFrom(
        '2026-11-21',
        '2026-02-30',
        'yes',
        'no',
        'null',
        '12',
        '1.5',
        '-x',
        'a #b',
        '',
        ' x',
        'x ',
        'a:b',
        '[a,b]',
        '[ a , b ]',
        '[]',
        '"q"',
        "'s'",
        '"a # b"',
        '[a, 1]',
        '"say \\"hi\\""',
        '"a\\\\b"',
        '"x\\/y\\tz\\n"',
        '"\\"',
        '"\\x41"',
        '"\\u00e9"',
        '"end\\""',
        '"x"\u00a0',
        'plain\u3000',
        '[a\u00a0, b]',
        'a\ufeff',
      ),
      fc.array(word, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    );
    const key = fc.constantFrom('type', 'date', 'goals', 'title', 'next', 'mentor', 'x-y', '_z');
    const line = fc.oneof(
      fc
        .tuple(key, value, fc.constantFrom('', '  # note', ' '))
        .map(([k, v, c]) => `${k}: ${v}${c}`),
      fc.constantFrom(
        '',
        '# comment',
        'k:',
        '  - item',
        '  - other-item',
        '    - deeper',
        '- top',
        '  - 12',
        '  -',
        'n: 42',
        'n: -7',
        'n: 007',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (block) => {
        const f = fast(block);
        if (f) assert.deepEqual(f, slow(block), block.join('\n'));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('reports unterminated and non-YAML front matter', () => {
    assert.match(readFrontMatter(['---', 'type: goal']).problems[0]!.message, /never closed/);
    assert.match(
      readFrontMatter(['---toml', 'type = "goal"', '---']).problems[0]!.message,
      /"toml" is not supported/,
    );
    assert.equal(readFrontMatter(['# no front matter']).present, false);
  });
});
