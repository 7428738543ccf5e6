import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { editDistance, holdsAnyOf, nearPieces } from '../../src/core/rules/findings';

/** Levenshtein distance, the textbook way. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('edit distance for "did you mean"', () => {
  it('is the Levenshtein distance, capped at the limit (property)', () => {
    const id = fc.stringMatching(/^[a-d-]{0,12}$/);
    fc.assert(
      fc.property(id, id, fc.integer({ min: 1, max: 5 }), (a, b, limit) => {
        assert.equal(editDistance(a, b, limit), Math.min(levenshtein(a, b), limit));
      }),
      { seed: 3, numRuns: 3000 },
    );
    // Rows grow for long ids and are reused for short ones after.
    assert.equal(editDistance('a'.repeat(200), 'a'.repeat(199) + 'b', 3), 1);
    assert.equal(editDistance('talk', 'tlak', 3), 2);
  });

  it('never rules out an id within reach by its pieces (property)', () => {
    const id = fc.stringMatching(/^[a-d-]{4,14}$/);
    fc.assert(
      fc.property(id, id, (a, b) => {
        const pieces = nearPieces(a);
        assert.equal(pieces.join(''), a);
        assert.ok(pieces.every((p) => p.length > 0));
        if (levenshtein(a, b) < 3) assert.ok(holdsAnyOf(b, pieces), `${a} ~ ${b}`);
      }),
      { seed: 5, numRuns: 5000 },
    );
    // Ids two edits away at most, over a wide alphabet (pieces rarely match by chance).
    const edit = fc.record({
      kind: fc.constantFrom('delete', 'insert', 'replace'),
      at: fc.nat(),
      char: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-0123456789'),
    });
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{4,24}$/),
        fc.array(edit, { maxLength: 2 }),
        (a, edits) => {
          let b = a;
          for (const e of edits) {
            const at = e.at % (b.length + 1);
            if (e.kind === 'insert') b = b.slice(0, at) + e.char + b.slice(at);
            else if (at < b.length)
              b = b.slice(0, at) + (e.kind === 'replace' ? e.char : '') + b.slice(at + 1);
          }
          assert.ok(holdsAnyOf(b, nearPieces(a)), `${a} ~ ${b}`);
        },
      ),
      { seed: 7, numRuns: 5000 },
    );
    // Near misses by every kind of edit, at every place.
    const goal = 'public-speaking';
    for (let i = 0; i < goal.length; i++) {
      for (const near of [
        goal.slice(0, i) + goal.slice(i + 1),
        goal.slice(0, i) + 'x' + goal.slice(i + 1),
        goal.slice(0, i) + 'x' + goal.slice(i),
      ])
        assert.ok(holdsAnyOf(goal, nearPieces(near)), near);
    }
  });
});
