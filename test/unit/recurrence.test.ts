import { strict as assert } from 'node:assert';
import {
  blockIdStart,
  nextOccurrence,
  parseRecurrence,
  parseText,
  type ActionItem,
} from '../../src/core';

const TODAY = '2026-11-21';

/** The item on the only task line of a session note made of `line`. */
function itemOf(line: string): ActionItem {
  const note = parseText(
    'file:///s.md',
    `---\ntype: session\ndate: 2026-11-01\n---\n${line}\n`,
  ).note!;
  assert.equal(note.actionItems.length, 1);
  return note.actionItems[0]!;
}

function next(line: string, today = TODAY): string | undefined {
  return nextOccurrence(itemOf(line), line, today)?.line;
}

describe('recurring action items', () => {
  it('reads the rules Obsidian Tasks writes', () => {
    const cases: [string, string, string | undefined][] = [
      ['every day', '2026-11-21', '2026-11-22'],
      ['every week', '2026-11-21', '2026-11-28'],
      ['every 2 weeks', '2026-11-21', '2026-12-05'],
      ['every 3 days', '2026-11-21', '2026-11-24'],
      ['every weekday', '2026-11-20', '2026-11-23'],
      ['every week on Monday', '2026-11-21', '2026-11-23'],
      ['every month on the 1st', '2026-11-21', '2026-12-01'],
      ['every month on the last', '2026-02-03', '2026-02-28'],
      ['every year', '2024-02-29', '2025-02-28'],
      ['Every Month', '2026-01-15', '2026-02-15'],
      // A plain monthly rule stays within the next month, as Obsidian Tasks does.
      ['every month', '2026-01-31', '2026-02-28'],
      ['every 2 months', '2026-12-31', '2027-02-28'],
      ['every January on the 15th', '2026-11-21', '2027-01-15'],
    ];
    for (const [text, from, expected] of cases)
      assert.equal(parseRecurrence(text)?.next(from), expected, text);
    for (const text of ['', 'weekly', 'every fortnight', 'sometimes', 'every'])
      assert.equal(parseRecurrence(text), undefined, text);
    assert.equal(parseRecurrence('every week when done')?.whenDone, true);
    assert.equal(parseRecurrence('every week')?.whenDone, false);
  });

  it('writes the next occurrence with its dates moved on and the done date gone', () => {
    assert.equal(
      next('- [ ] Send the weekly update 📅 2026-11-20 🔁 every week #career @sam'),
      '- [ ] Send the weekly update 📅 2026-11-27 🔁 every week #career @sam',
    );
    // Every date moves by the same days as the first written (due, else scheduled, else start).
    assert.equal(
      next(
        '  - [ ] Review ⏳ 2026-11-18 🛫 2026-11-16 📅 2026-11-20 🔁 every 2 weeks ✅ 2026-11-19',
      ),
      '  - [ ] Review ⏳ 2026-12-02 🛫 2026-11-30 📅 2026-12-04 🔁 every 2 weeks',
    );
    assert.equal(
      next('- [ ] Book the room 🔁 every month on the 1st ⏳ 2026-11-01 ➕ 2026-10-01'),
      '- [ ] Book the room 🔁 every month on the 1st ⏳ 2026-12-01 ➕ 2026-11-21',
    );
    assert.equal(
      next('- [ ] ASCII form due:2026-11-20 🔁 every day'),
      '- [ ] ASCII form due:2026-11-21 🔁 every day',
    );
  });

  it('counts from the day it was done for "when done"', () => {
    assert.equal(
      next('- [ ] Water the plants 📅 2026-11-01 🔁 every week when done', '2026-11-21'),
      '- [ ] Water the plants 📅 2026-11-28 🔁 every week when done',
    );
  });

  it('keeps a recurring item without dates recurring, and leaves other items alone', () => {
    assert.equal(
      next('- [ ] Ask for feedback 🔁 every week'),
      '- [ ] Ask for feedback 🔁 every week',
    );
    assert.equal(next('- [ ] Not recurring 📅 2026-11-20'), undefined);
    assert.equal(next('- [ ] Unreadable rule 📅 2026-11-20 🔁 now and then'), undefined);
    const item = itemOf('- [ ] Send it 📅 2026-11-20 🔁 every week');
    assert.equal(
      nextOccurrence(item, '- [ ] Send it 📅 2026-11-20 🔁 every week', TODAY)?.due,
      '2026-11-27',
    );
  });

  it('reads the rule up to the tags, owner and links after it', () => {
    const line = '- [ ] Water the plants 📅 2026-11-01 🔁 every week when done #career @sam [[g]]';
    assert.equal(itemOf(line).recurrence, 'every week when done');
    assert.equal(
      next(line),
      '- [ ] Water the plants 📅 2026-11-28 🔁 every week when done #career @sam [[g]]',
    );
  });

  it('takes a done date out with any blank before it, a no-break space too', () => {
    assert.equal(
      next('- [ ] a\u00a0✅ 2026-01-02 🔁 every week 📅 2026-01-01'),
      '- [ ] a 🔁 every week 📅 2026-01-08',
    );
  });

  it('moves the dates the parser reads, never the words written in inline code', () => {
    assert.equal(
      next(
        '- [ ] Explain the `✅ 2026-01-01` and `due:2026-01-02` markers 🔁 every week 📅 2026-11-20 ✅ 2026-11-21',
      ),
      '- [ ] Explain the `✅ 2026-01-01` and `due:2026-01-02` markers 🔁 every week 📅 2026-11-27',
    );
  });

  it('writes the next occurrence of a line with long code or runs of blanks at once', () => {
    const code = 'x'.repeat(200_000);
    const blanks = ' '.repeat(200_000);
    assert.equal(
      next(`- [ ] a \`${code}\` 🔁 every week 📅 2026-11-20 ✅ 2026-11-21`),
      `- [ ] a \`${code}\` 🔁 every week 📅 2026-11-27`,
    );
    assert.equal(
      next(`- [ ] a${blanks}b 🔁 every week 📅 2026-11-20${blanks}^id-1`),
      `- [ ] a${blanks}b 🔁 every week 📅 2026-11-27`,
    );
    assert.equal(blockIdStart(`x${blanks}y`), -1);
    assert.equal(blockIdStart('x ^a1  '), 1);
  });

  it('gives the next occurrence no block id: links to it stay with the done one', () => {
    assert.equal(
      next('- [ ] Weekly update 📅 2026-11-20 🔁 every week ^update-1'),
      '- [ ] Weekly update 📅 2026-11-27 🔁 every week',
    );
  });

  it('refuses what a date cannot follow, and reads a rule with an hour as the next day', () => {
    for (const text of [
      'every hour',
      'every 2 minutes',
      'every 10000 years',
      'every 9999999 months',
    ])
      assert.equal(parseRecurrence(text)?.next('2026-11-21'), undefined, text);
    assert.equal(parseRecurrence('every day at 13')?.next('2026-11-21'), '2026-11-22');
  });

  it('runs a rule "until" a day through that whole day, in any time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        const rule = parseRecurrence('every day until December 1, 2026')!;
        assert.equal(rule.next('2026-11-30'), '2026-12-01', tz);
        assert.equal(rule.next('2026-12-01'), undefined, tz);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('reads a rule padded with a long run of spaces at once', () => {
    // A pattern that backtracked over the spaces took seconds on this (a crafted note).
    const line = `- [ ] x 📅 2026-11-20 🔁 every${' '.repeat(200_000)}x`;
    assert.equal(next(line), undefined);
    assert.equal(parseRecurrence(`every week${' '.repeat(200_000)}when done`)?.whenDone, true);
  });
});
