import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  compareItems,
  compareUris,
  parseText,
  type ActionItem,
  type LocalDate,
} from '../../src/core';
import { OpenItems } from '../../src/core/index/openItems';

/** Open items of a note: a few, with due dates, tags and goals drawn from small sets. */
function itemsOf(uri: string, seed: number): readonly ActionItem[] {
  const lines = [0, 1, 2].map((k) => {
    const n = (seed * 7 + k * 13) % 29;
    const due = n % 4 === 0 ? '' : ` 📅 2026-11-${String(10 + (n % 15)).padStart(2, '0')}`;
    return `- [ ] item ${n} #t${n % 3} [[g${n % 5}]]${due}`;
  });
  const text = `---\ntype: session\ngoals: [g${seed % 5}]\n---\n${lines.slice(0, 1 + (seed % 3)).join('\n')}\n`;
  return parseText(uri, text).note!.actionItems;
}

describe('open items (kept in order as notes change)', () => {
  it('equal a sort of the notes held, through random adds, removes, re-adds and rare reads', () => {
    const op = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          uri: fc.nat(299),
          seed: fc.nat(50),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({ kind: fc.constant('remove' as const), uri: fc.nat(299) }),
      },
      // The same items stored again, as the warm-start cache hands back the same parse.
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('again' as const), uri: fc.nat(299) }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 3000, maxLength: 6000 }), (ops) => {
        const open = new OpenItems();
        const held = new Map<string, readonly ActionItem[]>();
        const check = (): void => {
          const all = [...held.values()].flat();
          assert.deepEqual(open.sorted(), [...all].sort(compareItems));
          for (const date of ['2026-11-12', '2026-11-20', '2026-12-01'] as LocalDate[])
            assert.equal(
              open.countDueBefore(date),
              all.filter((i) => i.due && i.due < date).length,
            );
          for (const id of ['g0', 'g3', 't1'])
            assert.deepEqual(
              new Set(open.naming(id)),
              new Set(all.filter((i) => i.goals.includes(id) || i.links.some((l) => l.id === id))),
            );
        };
        let reads = 0;
        for (const o of ops) {
          const uri = `file:///n/${o.kind === 'read' ? 0 : o.uri}.md`;
          if (o.kind === 'add') {
            open.remove(uri);
            const items = itemsOf(uri, o.seed);
            open.add(uri, items);
            held.set(uri, items);
          } else if (o.kind === 'remove') {
            open.remove(uri);
            held.delete(uri);
          } else if (o.kind === 'again') {
            const items = held.get(uri);
            if (!items) continue;
            open.remove(uri);
            open.add(uri, items);
          } else if (reads++ % 150 === 149) check(); // rarely: most changes pile up unread
        }
        check();
      }),
      { seed: 11, numRuns: 8, endOnFailure: true },
    );
  });
});

describe('the order of files', () => {
  it('lists file names as a file list does, without regard to the case of ASCII letters', () => {
    const uris = [
      'file:///n/Bob.md',
      'file:///n/alex.md',
      'file:///n/carol.md',
      'file:///n/_inbox.md',
    ];
    assert.deepEqual(uris.sort(compareUris), [
      'file:///n/_inbox.md',
      'file:///n/alex.md',
      'file:///n/Bob.md',
      'file:///n/carol.md',
    ]);
    const item = (uri: string) =>
      parseText(uri, '---\ntype: session\n---\n- [ ] Call 📅 2026-11-30\n').note!.actionItems[0]!;
    const items = [item('file:///n/Bob.md'), item('file:///n/alex.md')].sort(compareItems);
    assert.deepEqual(
      items.map((i) => i.uri),
      ['file:///n/alex.md', 'file:///n/Bob.md'],
    );
  });

  it('is a total order: the case-folded order, ties by code units', () => {
    const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const reference = (a: string, b: string): number => {
      const fa = fold(a);
      const fb = fold(b);
      if (fa !== fb) return fa < fb ? -1 : 1;
      return a < b ? -1 : a > b ? 1 : 0;
    };
    const name = fc.stringMatching(/^[aAbB_é0-9.]{0,6}$/);
    fc.assert(
      fc.property(name, name, (a, b) => {
        assert.equal(Math.sign(compareUris(a, b)), reference(a, b));
        assert.equal(Math.sign(compareUris(a, b)) + Math.sign(compareUris(b, a)), 0);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
