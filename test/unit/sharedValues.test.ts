import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NONE } from '../../src/core/model/notes';
import type { Located, Section } from '../../src/core/model/types';
import {
  sharedIds,
  sharedLocated,
  sharedSection,
  sharedSections,
} from '../../src/core/parse/sharedValues';
import { lineRange, range } from '../../src/core/parse/text';
import { parseText } from '../../src/core/parse/note';
import { decodeFile, encodeFile, StringTable } from '../../src/core/index/codec';

describe('shared values (one object for equal parts of many notes)', () => {
  it('hands out one section object for equal sections, and never mixes unequal ones', () => {
    const a = sharedSection('Action items', 2, 9, 14, true);
    assert.equal(sharedSection('Action items', 2, 9, 14, true), a);
    assert.deepEqual(a, {
      title: 'Action items',
      depth: 2,
      line: 9,
      endLine: 14,
      hasContent: true,
    });
    for (const other of [
      sharedSection('Action items', 2, 9, 14, false),
      sharedSection('Action items', 3, 9, 14, true),
      sharedSection('Action items', 2, 8, 14, true),
      sharedSection('Action items', 2, 9, 15, true),
      sharedSection('Action Items', 2, 9, 14, true),
    ])
      assert.notEqual(other, a);
  });

  it('gives back exactly what was asked for, whatever was asked before (property)', () => {
    const section = fc.record({
      title: fc.constantFrom('Notes', 'Action items', 'Feedback', 'notes', 'N', ''),
      depth: fc.integer({ min: 1, max: 6 }),
      line: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 0, max: 40 }),
      hasContent: fc.boolean(),
    });
    const id = fc.constantFrom('career', 'speaking', 'a\nb', 'a', 'b', 'x'.repeat(80));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            section.map((s) => ({ kind: 'section' as const, ...s })),
            fc
              .array(id, { maxLength: 16, size: 'max' })
              .map((ids) => ({ kind: 'ids' as const, ids })),
            fc
              .tuple(id, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
              .map(([value, line, start]) => ({ kind: 'located' as const, value, line, start })),
          ),
          { maxLength: 60 },
        ),
        (asks) => {
          for (const ask of asks) {
            if (ask.kind === 'section') {
              const { title, depth, line, length, hasContent } = ask;
              const s = sharedSection(title, depth, line, line + length, hasContent);
              assert.deepEqual(s, { title, depth, line, endLine: line + length, hasContent });
              assert.deepEqual(sharedSections([s, s]), [s, s]);
            } else if (ask.kind === 'ids') {
              const ids = [...ask.ids];
              const shared = sharedIds(ids);
              assert.deepEqual(shared, ask.ids);
              // A list with a long id is not shared: it comes back as given.
              if (ids.some((id) => id.length > 64)) assert.equal(shared, ids);
              else {
                ids.push('changed');
                assert.deepEqual(shared, ask.ids, 'a shared list is a copy of the list given');
              }
            } else {
              const at = lineRange(ask.line, ask.start, ask.start + ask.value.length);
              const l = sharedLocated(ask.value, at);
              assert.equal(l.value, ask.value);
              assert.equal(l.range, at);
            }
          }
        },
      ),
    );
  });

  it('shares id lists by their ids, and keeps the empty list and long lists as they are', () => {
    assert.equal(sharedIds(['career']), sharedIds(['career']));
    assert.equal(sharedIds(['a', 'b']), sharedIds(['a', 'b']));
    assert.notEqual(sharedIds(['a', 'b']), sharedIds(['b', 'a']));
    // An id with a line break must not be taken for two ids.
    assert.deepEqual(sharedIds(['a\nb']), ['a\nb']);
    assert.deepEqual(sharedIds(['a', 'b']), ['a', 'b']);
    assert.equal(sharedIds([]), NONE);
    const long = Array.from({ length: 40 }, (_, k) => `goal-${k}`);
    assert.equal(sharedIds(long), long);
  });

  it('shares a located value only at the same range object', () => {
    const at = lineRange(2, 6, 16);
    const date = sharedLocated('2026-11-21', at);
    assert.equal(sharedLocated('2026-11-21', at), date);
    assert.notEqual(sharedLocated('2026-11-22', at), date);
    assert.notEqual(sharedLocated('2026-11-21', lineRange(3, 6, 16)), date);
    // Ranges far down a note are their own objects: equal values there are not merged,
    // and still read right.
    const far = range(900, 0, 900, 10);
    const located: Located<string> = sharedLocated('2026-11-21', far);
    assert.equal(located.range, far);
  });

  it('stays correct when far more values pass than the tables hold', () => {
    const seen: Section[] = [];
    for (let k = 0; k < 50_000; k++)
      seen.push(sharedSection(`S${k % 7000}`, 2, k % 300, 400, k % 2 === 0));
    seen.forEach((s, k) =>
      assert.deepEqual(s, {
        title: `S${k % 7000}`,
        depth: 2,
        line: k % 300,
        endLine: 400,
        hasContent: k % 2 === 0,
      }),
    );
  });

  it('shares section lists that differ only in which sections are empty', () => {
    const lists = new Set<readonly Section[]>();
    for (let k = 0; k < 1000; k++) {
      const variant = [k % 2 === 0, k % 4 < 2, k % 8 < 4];
      const list = ['Notes', 'Action items', 'Feedback'].map((title, i) =>
        sharedSection(title, 2, 6 + 4 * i, 9 + 4 * i, variant[i]!),
      );
      lists.add(sharedSections(list));
    }
    assert.equal(lists.size, 8);
  });

  it('does not share long values (a cache slot would keep them alive)', () => {
    const long = 'x'.repeat(65);
    const at = lineRange(3, 8, 73);
    assert.notEqual(sharedLocated(long, at), sharedLocated(long, at));
    assert.notEqual(sharedSection(long, 2, 5, 9, true), sharedSection(long, 2, 5, 9, true));
    const ids = [long];
    assert.equal(sharedIds(ids), ids);
  });

  it('shares front-matter values read by the full YAML parser too', () => {
    // An escape the fast path leaves alone sends the block to the YAML parser; its one-line
    // ranges are the shared ones, as the fast path's are.
    const note = (n: number) =>
      parseText(
        `file:///n/s${n}.md`,
        `---\ntype: session\ntitle: "Caf\\u00e9 chat"\ndate: 2026-11-0${n}\nmentor: sam\n---\n`,
      );
    const a = note(1);
    const b = note(2);
    assert.equal(a.note!.title, 'Café chat');
    assert.deepEqual(a.problems, []);
    assert.equal(a.note!.mentor, b.note!.mentor);
    assert.equal(a.note!.mentor!.value, 'sam');
  });

  it('lets notes from one template share their sections and section list', () => {
    const note = (n: number) =>
      parseText(
        `file:///n/sessions/s${n}.md`,
        `---\ntype: session\ndate: 2026-11-0${n}\nmentor: sam\ngoals: [speaking]\n---\n## Notes\n\nSpoke about the talk ${n}.\n\n## Action items\n\n- [ ] Draft slides #speaking\n`,
      ).note!;
    const a = note(1);
    const b = note(2);
    assert.equal(a.sections, b.sections);
    assert.equal(a.mentor, b.mentor);
    assert.equal(a.actionItems[0]!.tags, b.actionItems[0]!.tags);
    assert.equal(a.actionItems[0]!.goals, b.actionItems[0]!.goals);
    // A note read back from the cache shares them too (a warm start is as small as a cold one).
    const table = new StringTable();
    const parsed = { uri: a.uri, note: a, problems: NONE };
    const data = JSON.parse(JSON.stringify(encodeFile(parsed, table))) as unknown;
    const strings = JSON.parse(JSON.stringify(table.strings)) as string[];
    const decoded = decodeFile(a.uri, data, strings).note!;
    assert.deepEqual(decoded, a);
    assert.equal(decoded.sections, a.sections);
    assert.equal(decoded.mentor, a.mentor);
    assert.equal(decoded.actionItems[0]!.tags, a.actionItems[0]!.tags);
    assert.deepEqual(
      a.sections.map((s) => [s.title, s.line, s.endLine, s.hasContent]),
      [
        ['Notes', 6, 9, true],
        ['Action items', 10, 13, true],
      ],
    );
  });
});
