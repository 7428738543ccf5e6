/**
 * Pacing long work so the host keeps its turns: the loader, the cache writer and the
 * desktop folder walk run in slices and pause between them.
 */

/** How long a piece of work runs at most before it pauses for the host. */
export const SLICE_MS = 15;

/** Tells when a slice has run out, and pauses on the host's terms. */
export class Pacer {
  private sliceStart = performance.now();

  /**
   * @param pause gives the host its turn; without it the work never pauses.
   * @param sliceMs how long a slice lasts.
   */
  constructor(
    private readonly pause?: () => Promise<void>,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** True when the current slice has run out (never, without a pause). */
  due(): boolean {
    return this.pause !== undefined && performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Pauses, then starts a new slice. */
  async rest(): Promise<void> {
    await this.pause?.();
    this.sliceStart = performance.now();
  }
}
