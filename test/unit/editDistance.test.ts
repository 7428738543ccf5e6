import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { editDistance } from '../../src/core/rules/findings';

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
});
