import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { diagnosticBatches, MAX_DIAGNOSTICS_PER_CALL } from '../../src/features/diagnosticBatches';

type Entry = readonly [string, readonly number[] | undefined];

describe('diagnostics split into batches the editor passes on whole', () => {
  it('keeps every entry in order, each batch within the limit unless one entry alone is over it', () => {
    const entry = fc
      .tuple(fc.string({ maxLength: 3 }), fc.option(fc.nat(1300), { nil: undefined }))
      .map(([uri, n]): Entry => [
        uri,
        n === undefined ? undefined : Array.from({ length: n }, (_, i) => i),
      ]);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const batches = diagnosticBatches(entries);
        assert.deepEqual(batches.flat(), entries);
        for (const batch of batches) {
          assert.ok(batch.length > 0);
          const count = batch.reduce((sum, [, d]) => sum + (d?.length ?? 0), 0);
          assert.ok(
            count <= MAX_DIAGNOSTICS_PER_CALL || batch.length === 1,
            `${count} in ${batch.length}`,
          );
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('sends a scan of thousands of files in a few calls, and clears ride along', () => {
    const entries: Entry[] = Array.from({ length: 5000 }, (_, i) => [
      `f${i}`,
      i % 5 === 0 ? undefined : [1],
    ]);
    const batches = diagnosticBatches(entries);
    assert.equal(batches.length, 4); // 4,000 diagnostics, 1,000 a call
    assert.deepEqual(diagnosticBatches([]), []);
  });
});
