import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { itemDetails, itemLabel, NoteIndex, parseText, readTaskMetadata } from '../../src/core';
import { decodeFile, encodeFile, StringTable } from '../../src/core/index/codec';
import { blankCodeSpans, isOpen, withTaskFields } from '../../src/core/model/actionItems';
import { dateProblem } from '../../src/core/model/dates';
import type { ActionItem } from '../../src/core/model/types';
import {
  flatCopy,
  own,
  ownNarrow,
  sharedDate,
  splitLines,
  squeezeSpaces,
} from '../../src/core/parse/text';
import { readTaskMetadata as referenceTaskMetadata } from './helpers/taskLineReference';

const read = (rest: string) => readTaskMetadata(rest, 4, 6);

describe('task line metadata', () => {
  it("reads the Obsidian Tasks due and done dates, and the due date's exact range", () => {
    const m = read('Draft the summary 📅 2026-11-28 ✅ 2026-11-27');
    assert.equal(m.text, 'Draft the summary');
    assert.equal(m.due, '2026-11-28');
    // "Draft the summary " is 18 chars, the emoji is 2 UTF-16 units, then a space.
    assert.deepEqual(m.dueRange, {
      start: { line: 4, character: 6 + 21 },
      end: { line: 4, character: 6 + 31 },
    });
    assert.equal(m.doneDate, '2026-11-27');
  });

  it('keeps where the first real due date is written, and a due range only with a due date', () => {
    const m = read('Plan 📅 2026-02-30 📅 2026-12-01 📅 2026-12-05');
    assert.equal(m.due, '2026-12-01');
    // "Plan " is 5 chars; the bad date's token (2 + 1 + 10) and a space come first.
    assert.deepEqual(m.dueRange, {
      start: { line: 4, character: 6 + 5 + 14 + 3 },
      end: { line: 4, character: 6 + 5 + 14 + 13 },
    });
    assert.equal(m.badDates.length, 1);
    const done = read('Sent ✅ 2026-11-27');
    assert.equal(done.doneDate, '2026-11-27');
    assert.equal(done.due, undefined);
    assert.equal(done.dueRange, undefined);
  });

  it('reads the ASCII due form but not words that end in due:', () => {
    assert.equal(read('Send it due:2026-11-30').due, '2026-11-30');
    assert.equal(read('Pay the overdue:2026-11-30 bill').due, undefined);
  });

  it('keeps scheduled, start, created, cancelled, priority and recurrence', () => {
    const m = read(
      'Water plants 🔁 every week ⏳ 2026-11-22 🛫 2026-11-20 ➕ 2026-11-01 ⏫ ❌ 2026-11-23',
    );
    assert.equal(m.recurrence, 'every week');
    assert.equal(m.scheduled, '2026-11-22');
    assert.equal(m.start, '2026-11-20');
    assert.equal(m.created, '2026-11-01');
    assert.equal(m.cancelled, '2026-11-23');
    assert.equal(m.priority, 'high');
    assert.equal(m.text, 'Water plants');
  });

  it('accepts the variation selector after the emoji', () => {
    assert.equal(read('Thing 📅\uFE0F 2026-12-01').due, '2026-12-01');
  });

  it('reads the owner but not e-mail addresses', () => {
    assert.equal(read('Introduce me to Sam @alex-rivera').owner, 'alex-rivera');
    assert.equal(read('Write to sam@example.com').owner, undefined);
    assert.equal(read('Ask @sam.lee.').owner, 'sam.lee');
  });

  it('reads nothing inside inline code: dates, tags, owners and links there are words', () => {
    const m = read(
      'Fix the `due:` parser and `📅 2026-01-01` in `#main` for `@sam` [[`x`]] 📅 2026-12-01',
    );
    assert.equal(m.due, '2026-12-01');
    assert.deepEqual(m.badDates, []);
    assert.deepEqual(m.tags, []);
    assert.equal(m.owner, undefined);
    // The trailing link is a link (to a goal `x`), dropped from the words as any other.
    assert.deepEqual(
      m.wikiLinks.map((l) => l.id),
      ['`x`'],
    );
    assert.equal(m.text, 'Fix the `due:` parser and `📅 2026-01-01` in `#main` for `@sam`');
    // A backtick with no closer of its length opens nothing; a backslash makes it literal.
    assert.equal(read('Ask `` why 📅 2026-12-02').due, '2026-12-02');
    assert.equal(read('A \\`x 📅 2026-12-03 `y').due, '2026-12-03');
    assert.equal(blankCodeSpans('a ``b ` c`` d'), 'a ``     `` d');
    assert.equal(blankCodeSpans('no code'), 'no code');
  });

  it('takes as the owner an @person written after the words or first, not one mentioned in them', () => {
    const cases: [string, string | undefined, string][] = [
      ['Thank @sam for the intro 📅 2026-11-20', undefined, 'Thank @sam for the intro'],
      ['Send @alex the draft and cc @sam 📅 2026-11-20', 'sam', 'Send @alex the draft and cc'],
      ['Introduce me to Kim @alex #network @sam', 'alex', 'Introduce me to Kim'],
      ['@alex: introduce me to Kim 📅 2026-11-30', 'alex', 'introduce me to Kim'],
      ['@alex introduce me to Kim', 'alex', 'introduce me to Kim'],
      ['@alex', 'alex', ''],
      ['Reply to @sam.', 'sam', 'Reply to'],
      ['Mail bob@example.com', undefined, 'Mail bob@example.com'],
      // An Obsidian block id ends the line: the owner before it is still the owner.
      ['Send the deck @sam 📅 2026-10-01 ^abc-1', 'sam', 'Send the deck'],
      // A caret word that does not end the line is a word.
      ['Compare x ^2 #math', undefined, 'Compare x ^2'],
      ['Compare x ^2 📅 2026-10-01', undefined, 'Compare x ^2'],
      ['Water the plants 🔁 every week ^id-1', undefined, 'Water the plants'],
      // There the rule's words took the id in: the word before it stays a word.
      ['Plot y = x ^2 🔁 every week ^q2', undefined, 'Plot y = x ^2'],
      ['Ask @sam ^2 🔁 every week ^abc', undefined, 'Ask @sam ^2'],
      ['Ask @sam ^2 🆔 ^abc', undefined, 'Ask @sam ^2'],
    ];
    for (const [line, owner, text] of cases) {
      const m = read(line);
      assert.equal(m.owner, owner, line);
      assert.equal(m.text, text, line);
    }
  });

  it('reads a tag whose letters carry marks whole (#हिंदी-सीखना, as New Goal writes ids)', () => {
    assert.deepEqual(
      read('Practise #हिंदी-सीखना 📅 2026-11-10').tags.map((t) => t.id),
      ['हिंदी-सीखना'],
    );
    assert.equal(read('Practise #हिंदी-सीखना 📅 2026-11-10').text, 'Practise');
  });

  it('reads goal links and tags, skipping numeric tags and URL fragments', () => {
    const m = read(
      'Read [[goals/system-design.md]] and #public-speaking, see http://x.org/#anchor #42',
    );
    assert.deepEqual(
      m.wikiLinks.map((l) => l.id),
      ['system-design'],
    );
    assert.deepEqual(
      m.tags.map((t) => t.id),
      ['public-speaking'],
    );
  });

  it('reports impossible and missing dates at their place', () => {
    const m = read('Book it 📅 2026-02-30 and ✅');
    assert.equal(m.due, undefined);
    assert.equal(m.badDates.length, 2);
    assert.match(m.badDates[0]!.message, /February 2026 has no day 30/);
    assert.deepEqual(m.badDates[0]!.range.start, { line: 4, character: 6 + 11 });
    assert.match(m.badDates[1]!.message, /done date is missing/);
  });

  it('drops trailing owner and links from the text but keeps them mid-sentence', () => {
    assert.equal(
      read('Draft the roadmap summary 📅 2026-11-28 #public-speaking').text,
      'Draft the roadmap summary',
    );
    assert.equal(read('Ask @sam about #testing plans @me').text, 'Ask @sam about #testing plans');
  });
});

describe('task line metadata, tuned for speed', () => {
  it('reads every line exactly as the straightforward reader does (property)', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('Draft', 'the', 'talk', 'x', '', ' ', '  ', '\t') },
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          '📅',
          '📆',
          '🗓',
          '✅',
          '⏳',
          '⌛',
          '🛫',
          '➕',
          '❌',
          '\uFE0F',
          '🔺',
          '⏫',
          '🔼',
          '🔽',
          '⏬',
          '🔁',
          '🆔',
          '⛔',
          'due:',
          'xdue:',
          '2026-11-28',
          '2026-02-30',
          '2026-1-5',
          'every week',
          '@sam',
          'a@b.c',
          '@',
          '#goal-a',
          '#12',
          '#',
          '[[goal-b]]',
          '[[goals/c.md|C]]',
          '[[',
          ']]',
          '\u2028',
          '\u00a0',
          '`',
          '``',
          '\\`',
          '`code`',
          '^abc-1',
          '^',
          '^2',
          '🔁 every week',
          '🆔',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(40), (parts, column) => {
        const rest = parts.join(' ');
        assert.deepStrictEqual(
          definedOnly(readTaskMetadata(rest, 3, column)),
          definedOnly(referenceTaskMetadata(rest, 3, column)),
        );
      }),
      { seed: 5, numRuns: 5000 },
    );
  });
});

/** `value` without its undefined fields (the reference leaves absent fields out). */
function definedOnly(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

describe('item details (tooltips)', () => {
  const itemOf = (line: string) => {
    const text = `---\ntype: session\ndate: 2026-11-20\nmentor: alex\ngoals: [speaking]\n---\n${line}\n`;
    const item = parseText('file:///n/s.md', text).note?.actionItems[0];
    assert.ok(item, 'the line is an action item');
    return item;
  };

  it('lists every fact on the line in a fixed order, without the emoji', () => {
    const item = itemOf(
      '- [x] Water plants [[writing]] #weekly @sam 🔁 every week ⏫ ❌ 2026-11-23 ✅ 2026-11-21 ➕ 2026-11-01 🛫 2026-11-20 ⏳ 2026-11-22 📅 2026-11-24',
    );
    assert.equal(item.text, 'Water plants');
    assert.deepEqual(itemDetails(item), [
      'Due: 2026-11-24',
      'Scheduled: 2026-11-22',
      'Starts: 2026-11-20',
      'Created: 2026-11-01',
      'Done: 2026-11-21',
      'Cancelled: 2026-11-23',
      'Repeats: every week',
      'Priority: high',
      'Owner: @sam',
      // The note's goal: [[writing]] names no goal here (no notebook knows one).
      'Goals: speaking',
      'Tags: #weekly',
    ]);
  });

  it('lists a tag as a goal when the notebook says it names one, and labels items without words', () => {
    const index = new NoteIndex();
    index.setText('file:///n/speaking.md', '---\ntype: goal\nid: speaking\n---\n');
    const file = index.setText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-11-20\n---\n- [ ] Practise #speaking #weekly\n- [ ] [[speaking]] #weekly 📅 2026-11-30\n- [ ] 📅 2026-12-01\n- [x] ✅ 2026-11-20\n',
    );
    const [tagged, linked, dated, empty] = file.note!.actionItems;
    assert.deepEqual(itemDetails(tagged!, index.goalsOfItem(tagged!)), [
      'Owner: you',
      'Goals: speaking',
      'Tags: #weekly',
    ]);
    assert.deepEqual(itemDetails(tagged!), ['Owner: you', 'Tags: #speaking #weekly']);
    assert.deepEqual(
      [tagged, linked, dated, empty].map((i) => itemLabel(i!)),
      ['Practise', '[[speaking]]', 'Due 2026-12-01', '(item without words)'],
    );
  });

  it('says the mentee owns an item without an owner, and nothing about what is absent', () => {
    assert.deepEqual(itemDetails(itemOf('- [ ] Read the chapter #speaking')), [
      'Owner: you',
      'Goals: speaking',
    ]);
  });
});

describe('stored copies of strings', () => {
  it('are equal to what they copy, one-byte words cut from a line with an emoji included', () => {
    const narrow = fc.string({
      unit: fc.constantFrom(...'ab "\\\u00e9\u00ff\t'),
      minLength: 13,
      maxLength: 60,
    });
    fc.assert(
      fc.property(narrow, (words) => {
        // The words share a two-byte parent, as an item's words do with its emoji date.
        const line = `- [ ] ${words} 📅 2026-11-30`;
        const cut = line.slice(6, 6 + words.length);
        assert.equal(ownNarrow(cut), words);
        assert.equal(own(cut), words);
      }),
      { numRuns: 500 },
    );
  });

  it('are equal to what they copy, whatever the characters (lone surrogates, emoji, quotes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(20), (s, cut) => {
        // Cut from a longer string, as the parser does.
        const part = `${s}🎯"\\`.slice(Math.min(cut, s.length));
        assert.equal(own(part), part);
        assert.equal(ownNarrow(part), part);
        // And joined from pieces, as a host builds a URI from a folder and a name.
        const joined = `${s}/${part}`;
        assert.equal(flatCopy(joined), joined);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('text helpers tuned for speed', () => {
  it('squeeze spaces exactly as the regular expression does, for every whitespace character', () => {
    // Every character \s matches, a few that look alike but are not, and anything else.
    const unit = fc.oneof(
      fc.constantFrom(
        ...' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
      ),
      fc.constantFrom(...'ab\u200b\u180e\u0085\u2060'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        assert.equal(squeezeSpaces(s), s.replace(/\s+/g, ' ').trim(), JSON.stringify(s));
      }),
      { seed: 3, numRuns: 5000 },
    );
    const plain = 'already one space between words';
    assert.equal(squeezeSpaces(plain), plain);
  });

  it('split lines at \\r\\n, \\r and \\n, as editors do, with or without carriage returns', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '\r', '\u2028', 'é'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (s) => {
        assert.deepEqual(splitLines(s), s.split(/\r\n|\r|\n/), JSON.stringify(s));
      }),
      { seed: 4, numRuns: 3000 },
    );
  });

  it('read dates as the calendar does, the first time and from memory', () => {
    const date = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
      fc.constantFrom(
        '2024-02-29',
        '2023-02-29',
        '1900-02-29',
        '2000-02-29',
        '2026-1-05',
        '',
        '２０２６-01-01',
        '2026/01/01',
        '2026-01-0a',
        '+026-01-01',
      ),
      fc.string({ maxLength: 11 }),
    );
    fc.assert(
      fc.property(date, (s) => {
        const expected = dateProblem(s) === undefined ? s : undefined;
        assert.equal(sharedDate(s), expected, s);
        assert.equal(sharedDate(s), expected, `${s} (again)`);
      }),
      { seed: 9, numRuns: 5000 },
    );
    // More distinct dates than the table keeps: it restarts, and answers stay right.
    const day = new Date(Date.UTC(1800, 0, 1));
    for (let k = 0; k < 70_000; k++, day.setUTCDate(day.getUTCDate() + 1)) {
      const s = day.toISOString().slice(0, 10);
      assert.equal(sharedDate(s), s);
    }
    assert.equal(sharedDate('1800-01-01'), '1800-01-01');
    assert.equal(sharedDate('1900-02-29'), undefined);
  });
});

describe('the Obsidian Tasks fields of an item', () => {
  const items = (): readonly ActionItem[] =>
    parseText(
      'file:///n/s.md',
      '---\ntype: session\ndate: 2026-11-20\n---\n## Action items\n\n- [ ] Plain 📅 2026-11-30\n- [ ] Planned ⏳ 2026-11-22 🔼\n- [ ] Cancelled ❌ 2026-11-21\n',
    ).note!.actionItems;
  const TASK_KEYS = ['scheduled', 'start', 'created', 'cancelled', 'priority', 'recurrence'];

  it('are keys only of items that write one, and then all six, last', () => {
    const [plain, planned, cancelled] = items();
    for (const key of TASK_KEYS) assert.ok(!(key in plain!), key);
    assert.deepEqual(Object.keys(planned!).slice(-6), TASK_KEYS);
    assert.deepEqual(Object.keys(cancelled!), Object.keys(planned!));
    assert.equal(planned!.scheduled, '2026-11-22');
    assert.equal(planned!.priority, 'medium');
    assert.equal(planned!.cancelled, undefined);
    assert.equal(cancelled!.cancelled, '2026-11-21');
    assert.deepEqual(
      items().map((i) => isOpen(i)),
      [true, true, false],
    );
  });

  it("are the last keys of an item that writes one, after all of a plain item's", () => {
    const [plain, planned] = items();
    assert.deepEqual(Object.keys(planned!), [...Object.keys(plain!), ...TASK_KEYS]);
  });

  it('leave items two layouts in all, parsed or read back from the cache', () => {
    // The engine's own test of one hidden class (mocha runs node with allow-natives-syntax):
    // items copied with a spread each had a layout of their own, and every rule slowed down.
    // eslint-disable-next-line no-new-func -- V8's intrinsic is not JavaScript syntax
    const sameLayout = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: object,
      b: object,
    ) => boolean;
    const text =
      '---\ntype: session\ndate: 2026-11-20\nmentor: alex\n---\n## Action items\n\n' +
      '- [ ] One 📅 2026-11-30 #a\n- [x] Two ✅ 2026-11-21 [[g]]\n- [ ] Three ⏳ 2026-11-22 🔼\n' +
      '- [ ] Four 🔁 every week\n- [ ] Five ❌ 2026-11-21 @sam\n';
    const parsed = parseText('file:///n/s.md', text);
    const table = new StringTable();
    const data = JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown;
    const strings = JSON.parse(JSON.stringify(table.strings)) as string[];
    const decoded = decodeFile(parsed.uri, data, strings);
    const all = [...parsed.note!.actionItems, ...decoded.note!.actionItems];
    const plain = all.filter((i) => !('scheduled' in i));
    const tasks = all.filter((i) => 'scheduled' in i);
    assert.equal(plain.length, 4);
    assert.equal(tasks.length, 6);
    for (const i of plain) assert.ok(sameLayout(i, plain[0]!), i.text);
    for (const i of tasks) assert.ok(sameLayout(i, tasks[0]!), i.text);
  });

  it('read back from the cache exactly as parsed', () => {
    const table = new StringTable();
    const parsed = parseText(
      'file:///n/s.md',
      '---\ntype: session\n---\n- [ ] Plain\n- [ ] Repeats 🔁 every week ➕ 2026-11-01 🛫 2026-11-02\n',
    );
    const data = JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown;
    const strings = JSON.parse(JSON.stringify(table.strings)) as string[];
    assert.deepStrictEqual(decodeFile(parsed.uri, data, strings), parsed);
  });

  it('leave an item without any as it is', () => {
    const [plain] = items();
    assert.equal(withTaskFields(plain!, {}), plain);
  });
});
