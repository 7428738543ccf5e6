import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PublishQueue, type PublishQueueOptions } from '../../src/features/publishQueue';

/**
 * A queue over a table of findings (numbers stand for findings), with turns run by hand;
 * `options` replaces any of the queue's options.
 */
function harness(slice: number, options: Partial<PublishQueueOptions<number>> = {}) {
  const findings = new Map<string, number[]>();
  const sends: [string, number[]][][] = [];
  const turns: (() => void)[] = [];
  let settled = 0;
  const queue = new PublishQueue<number>({
    slice,
    current: (uri) => findings.get(uri) ?? [],
    same: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
    send: (changes) => sends.push(changes.map(([u, f]) => [u, [...f]])),
    later: (turn) => {
      turns.push(turn);
      return () => turns.splice(turns.indexOf(turn), 1);
    },
    settled: () => settled++,
    ...options,
  });
  /** Runs the waiting turns until none is left; returns how many ran. */
  const runTurns = (): number => {
    let n = 0;
    while (turns.length) {
      turns.shift()!();
      n++;
    }
    return n;
  };
  /** What the editor shows after every send so far, by URI. */
  const shown = (): Map<string, number[]> => {
    const out = new Map<string, number[]>();
    for (const send of sends)
      for (const [uri, f] of send) {
        if (f.length) out.set(uri, f);
        else out.delete(uri);
      }
    return out;
  };
  const settledCount = (): number => settled;
  return { queue, findings, sends, turns, runTurns, shown, settledCount };
}

const files = (n: number, each: number): Map<string, number[]> =>
  new Map(
    Array.from({ length: n }, (_, i) => [`f${i}`, Array.from({ length: each }, (_, k) => k)]),
  );

describe('publish queue (diagnostics a slice at a time)', () => {
  it('sends a small change in the same turn, in one call, and says it settled', () => {
    const h = harness(100);
    for (const [u, f] of files(5, 3)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    assert.equal(h.sends.length, 1);
    assert.equal(h.sends[0]!.length, 5);
    assert.equal(h.turns.length, 0);
    assert.equal(h.settledCount(), 1);
  });

  it('sends a large change a slice per turn, every URI once, settling only at the end', () => {
    const h = harness(10);
    for (const [u, f] of files(25, 2)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    // 10 diagnostics now: five files of two.
    assert.equal(h.sends.length, 1);
    assert.equal(h.sends[0]!.length, 5);
    assert.equal(h.queue.waiting, 20);
    assert.equal(h.settledCount(), 0);
    assert.equal(h.runTurns(), 4);
    assert.deepEqual(
      h.sends.map((s) => s.length),
      [5, 5, 5, 5, 5],
    );
    assert.deepEqual(h.shown(), h.findings);
    assert.equal(h.settledCount(), 1);
  });

  it("sends an edit's URIs at once, ahead of a scan still being sent", () => {
    const h = harness(10);
    for (const [u, f] of files(30, 2)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    h.findings.set('f29', [7]);
    h.findings.set('new', [8]);
    h.queue.publish(['f29', 'new']);
    assert.deepEqual(h.sends[1]!.slice(0, 2), [
      ['f29', [7]],
      ['new', [8]],
    ]);
    h.runTurns();
    // f29 went out with its edit, and not again with the scan.
    assert.equal(h.sends.flat().filter(([u]) => u === 'f29').length, 1);
    assert.deepEqual(h.shown(), h.findings);
  });

  it('reads findings when their turn comes, never stale ones from when they were queued', () => {
    const h = harness(4);
    for (const [u, f] of files(10, 2)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    h.findings.set('f9', [42]);
    h.findings.delete('f8');
    h.runTurns();
    const shown = h.shown();
    assert.deepEqual(shown.get('f9'), [42]);
    // f8 was never shown, and has nothing now: nothing is sent for it.
    assert.equal(shown.has('f8'), false);
    assert.equal(h.sends.flat().filter(([u]) => u === 'f8').length, 0);
  });

  it('sends nothing for unchanged findings, and clears a URI whose findings went', () => {
    const h = harness(100);
    h.findings.set('a', [1]);
    h.findings.set('b', [2]);
    h.queue.publish(['a', 'b']);
    h.findings.delete('b');
    h.queue.publish(['a', 'b']);
    assert.deepEqual(h.sends[1], [['b', []]]);
    assert.deepEqual(h.queue.published('a'), [1]);
    assert.deepEqual(h.queue.published('b'), []);
    h.queue.publish(['a', 'b']);
    assert.equal(h.sends.length, 2);
    assert.equal(h.settledCount(), 3);
  });

  it('settles once when an edit takes the last of a scan before its turn', () => {
    const h = harness(4);
    for (const [u, f] of files(6, 1)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    assert.equal(h.queue.waiting, 2);
    h.queue.publish(['f4', 'f5']);
    assert.equal(h.settledCount(), 1);
    // The turn scheduled for them was cancelled: nothing left to run, no second settle.
    assert.equal(h.runTurns(), 0);
    assert.equal(h.settledCount(), 1);
  });

  it('sends a change made while sending after what was being sent, never before it', () => {
    let reentered = false;
    const h = harness(10, {
      send: (changes) => {
        for (const [u, f] of changes) h.findings.set(`shown:${u}`, [...f]);
        if (!reentered) {
          // A listener of the editor's diagnostics changes the note at once.
          reentered = true;
          h.findings.set('a', [2]);
          h.queue.publish(['a']);
        }
      },
    });
    h.findings.set('a', [1]);
    h.queue.publish(['a']);
    h.runTurns();
    assert.deepEqual(h.findings.get('shown:a'), [2]);
    assert.deepEqual(h.queue.published('a'), [2]);
  });

  it('goes on with the next turn when sending throws', () => {
    let fail = true;
    const sent: string[] = [];
    const h = harness(1, {
      current: () => [1],
      send: (changes) => {
        if (fail) {
          fail = false;
          throw new Error('the editor refused');
        }
        sent.push(...changes.map(([u]) => u));
      },
    });
    assert.throws(() => h.queue.publish(['a', 'b', 'c']), /refused/);
    h.runTurns();
    assert.deepEqual(sent, ['b', 'c']);
  });

  it('works with a host that runs a later turn at once', () => {
    const sent: string[] = [];
    const h = harness(1, {
      current: () => [1],
      send: (changes) => sent.push(...changes.map(([u]) => u)),
      later: (turn) => {
        turn();
        return () => {};
      },
    });
    h.queue.publish(['a', 'b', 'c']);
    assert.deepEqual(sent, ['a', 'b', 'c']);
    assert.equal(h.queue.waiting, 0);
    h.queue.publish(['d', 'e']);
    assert.deepEqual(sent, ['a', 'b', 'c', 'd', 'e']);
  });

  it('stops sending when disposed', () => {
    const h = harness(2);
    for (const [u, f] of files(10, 1)) h.findings.set(u, f);
    h.queue.publish(h.findings.keys());
    h.queue.dispose();
    assert.equal(h.turns.length, 0);
    assert.equal(h.queue.waiting, 0);
  });

  it('ends showing exactly the current findings, whatever the changes and slices (property)', () => {
    const uri = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('change' as const),
        uri,
        findings: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('publish' as const), uris: fc.array(uri, { maxLength: 8 }) }),
      fc.record({ kind: fc.constant('turn' as const) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { maxLength: 40 }),
        (slice, steps) => {
          const h = harness(slice);
          const changed = new Set<string>();
          for (const s of steps) {
            if (s.kind === 'change') {
              if (s.findings.length) h.findings.set(s.uri, s.findings);
              else h.findings.delete(s.uri);
              changed.add(s.uri);
            } else if (s.kind === 'publish') {
              h.queue.publish(s.uris);
            } else {
              h.turns.shift()?.();
            }
          }
          // The owner publishes every URI it changed (as the engine reports them).
          h.queue.publish(changed);
          h.runTurns();
          assert.deepEqual(h.shown(), h.findings);
          assert.equal(h.queue.waiting, 0);
          for (const send of h.sends) {
            const size = send.reduce((n, [, f]) => n + Math.max(1, f.length), 0);
            // A slice may end on a URI that takes it past the limit, never by more than that URI.
            assert.ok(size <= slice + 4, `a send of ${size} with slices of ${slice}`);
          }
        },
      ),
    );
  });
});
