/**
 * The reference for the benchmark's correctness check: `src/core/parse/blocks` with the
 * fast scanner taken out, so every note body goes through the full unified/remark parse.
 * `scripts/bench.mjs` builds a second copy of the core (out/bench/reference-core.js) in
 * which `note.ts` imports this module instead of `./blocks`; everything else is the same
 * code, so any difference in action items or findings comes from the fast path.
 */
import type { BlockScan } from '../../src/core/parse/blocks';
import type * as blocks from '../../src/core/parse/blocks';
import { remarkBlocks } from '../../src/core/parse/remarkBlocks';

export * from '../../src/core/parse/blocks';

/** Every body through remark (the lines and start line are not needed: remark reads `text`). */
export function scanBlocks(_lines: readonly string[], _from: number, text: string): BlockScan {
  return remarkBlocks(text);
}

// Fails type-checking if the real scanBlocks changes signature and this shim falls behind.
const _sameSignature: typeof blocks.scanBlocks = scanBlocks;
void _sameSignature;
