import { strict as assert } from 'node:assert';
import {
  clipText,
  computeFindings,
  freeId,
  NoteIndex,
  parseText,
  slug,
  yamlScalar,
  type Session,
} from '../../src/core';

describe('ids for new notes', () => {
  it('makes an id from a title in any script', () => {
    assert.equal(slug('Present confidently to leadership'), 'present-confidently-to-leadership');
    assert.equal(slug('Ana Núñez'), 'ana-nunez');
    assert.equal(slug('李明'), '李明');
    assert.equal(slug('Ольга Петрова'), 'ольга-петрова');
    assert.equal(slug('Андрей Соловьёв'), 'андрей-соловьёв');
    // Marks stay with their letters, and the result is composed as people type it.
    assert.equal(slug('データ分析 ガイド'), 'データ分析-ガイド');
    assert.equal(slug('हिंदी सीखना'), 'हिंदी-सीखना');
    assert.equal(slug('김민수'), '김민수');
    assert.equal(slug('김민수'), '김민수'.normalize('NFC'));
    assert.equal(slug('தமிழ்'), 'தமிழ்');
    // An emoji's variation selector or keycap is no part of an id.
    assert.equal(slug('I ❤️ design'), 'i-design');
    assert.equal(slug('Ship it ✈️'), 'ship-it');
    assert.equal(slug('Step 1️⃣'), 'step-1');
    // A zero-width non-joiner between letters is a break, as before: not dropped.
    assert.equal(slug('کتاب\u200cها'), 'کتاب-ها');
    assert.equal(slug('  Learn C++!  '), 'learn-c');
    assert.equal(slug('!!!'), '');
    // Cut at 60 characters, never ending in a hyphen.
    const long = slug(`${'a'.repeat(59)} b`);
    assert.equal(long, 'a'.repeat(59));
  });

  it('adds -2, -3… to an id the notebook already has', () => {
    const taken = new Set(['learn-c', 'learn-c-2']);
    assert.equal(
      freeId('learn-c', (id) => taken.has(id)),
      'learn-c-3',
    );
    assert.equal(
      freeId('learn-rust', (id) => taken.has(id)),
      'learn-rust',
    );
  });
});

describe('YAML scalars in notes the extension writes', () => {
  it('stays plain for words and quotes what YAML would read otherwise', () => {
    const cases: [string, boolean, string][] = [
      ['alex-rivera', false, 'alex-rivera'],
      ['Present confidently to leadership', false, 'Present confidently to leadership'],
      ['Learn C#', false, '"Learn C#"'],
      ['notes #1', true, '"notes #1"'],
      ['a, b', true, '"a, b"'],
      ['a, b', false, 'a, b'],
      ['2026', false, '"2026"'],
      ['yes', false, '"yes"'],
      ['Key: value', false, '"Key: value"'],
      ['李明', true, '李明'],
      ['-x', false, '"-x"'],
    ];
    for (const [text, inList, expected] of cases) {
      const written = yamlScalar(text, inList);
      assert.equal(written, expected, text);
      // And it reads back as the same string, alone and in a list.
      const read = parseText(
        'g.md',
        `---\ntype: session\ndate: 2026-11-20\nmentor: ${written}\ngoals: [${written}]\n---\n`,
      );
      assert.deepEqual(read.problems, [], text);
      const note = read.note as Session;
      assert.equal(note.mentor?.value, text);
      if (inList)
        assert.deepEqual(
          note.goals.map((g) => g.value),
          [text],
        );
    }
  });
});

describe('clipped text in messages', () => {
  it('never splits an emoji, and keeps messages short whatever a note writes', () => {
    assert.equal(clipText('short', 60), 'short');
    const clipped = clipText(`${'a'.repeat(58)}🎉 and more`, 60);
    assert.equal(clipped, `${'a'.repeat(58)}…`);
    assert.doesNotThrow(() => encodeURIComponent(clipped));

    const line = `- [ ] ${'x'.repeat(56)}🎉🎉 and more 📅 2026-11-01`;
    const overdue = [
      ...computeFindings(
        indexOf(
          `---\ntype: session\ndate: 2026-10-01\n---\n${line}\n- [ ] y 📅${'📅'.repeat(30000)}\n`,
        ),
        '2026-11-21',
      ).values(),
    ].flat();
    for (const f of overdue) {
      assert.ok(f.message.length <= 400, `${f.code}: ${f.message.length} characters`);
      assert.doesNotThrow(() => encodeURIComponent(f.message), f.code);
    }
    assert.ok(overdue.some((f) => f.code === 'overdue-action-item'));
    assert.ok(overdue.some((f) => f.code === 'invalid-date'));
    // An item of only an owner and a date has no words to quote.
    const bare = [
      ...computeFindings(
        indexOf('---\ntype: session\ndate: 2026-10-01\n---\n- [ ] @sam 📅 2026-11-01\n'),
        '2026-11-21',
      ).values(),
    ]
      .flat()
      .find((f) => f.code === 'overdue-action-item');
    assert.match(bare!.message, /^This item was @sam's to do by 2026-11-01/);
  });
});

function indexOf(text: string): NoteIndex {
  const index = new NoteIndex();
  index.setText('s.md', text);
  return index;
}
