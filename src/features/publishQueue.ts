/**
 * Findings to hand to the editor, a slice at a time. After a scan of a large notebook the
 * editor takes about a second for every 50,000 diagnostics; sent in one go, that second
 * holds the extension host, and the views wait for it. The queue sends what fits in one
 * slice at once (the URIs a call names first, so an edit's squiggles never wait behind a
 * scan's) and the rest in later turns, letting the host answer the views in between.
 *
 * A URI's findings are read when its turn comes, never when it was queued, so a slice can
 * never send findings that a later change replaced. No `vscode` import: unit-tested alone.
 */

/** What the queue needs from its owner. */
export interface PublishQueueOptions<F> {
  /** Diagnostics per slice (a URI whose findings are cleared counts as one). */
  readonly slice: number;
  /** The findings `uri` has now. */
  readonly current: (uri: string) => readonly F[];
  /** True when two lists of findings are the same (unchanged URIs are not sent again). */
  readonly same: (a: readonly F[], b: readonly F[]) => boolean;
  /** Sends changed URIs with their findings (an empty list clears the URI). */
  readonly send: (changes: readonly (readonly [string, readonly F[]])[]) => void;
  /**
   * Runs `turn` in a later turn of the event loop; returns a function that cancels it.
   * (Running it at once works, but defeats the purpose.)
   */
  readonly later: (turn: () => void) => () => void;
  /** Called after a turn that left nothing queued. */
  readonly settled: () => void;
}

/** Queued URIs and what was last sent for each. */
export class PublishQueue<F> {
  private readonly queued = new Set<string>();
  /**
   * What was sent per URI, to skip unchanged ones: the owner's own lists (a text
   * fingerprint of each cost about 300 bytes a file, 12 MB at 100,000 notes).
   */
  private readonly sent = new Map<string, readonly F[]>();
  private cancel: (() => void) | undefined;
  /** True while `send` runs: a `publish` it causes waits for a turn of its own. */
  private sending = false;

  constructor(private readonly options: PublishQueueOptions<F>) {}

  /** Findings last sent for `uri`. */
  published(uri: string): readonly F[] {
    return this.sent.get(uri) ?? [];
  }

  /** Number of URIs waiting for a later turn. */
  get waiting(): number {
    return this.queued.size;
  }

  /** Sends the findings of `uris` (those that changed): one slice now, the rest later. */
  publish(uris: Iterable<string>): void {
    if (this.sending) {
      // Called back from `send`: what this turn is sending was read before this change, so
      // the change goes out after it, in a turn of its own.
      for (const uri of uris) this.queued.add(uri);
      this.schedule();
      return;
    }
    const changes: [string, readonly F[]][] = [];
    let room = this.options.slice;
    for (const uri of uris) {
      if (room > 0) {
        this.queued.delete(uri);
        room -= this.take(uri, changes);
      } else {
        this.queued.add(uri);
      }
    }
    this.turn(changes, room);
  }

  /** Stops sending what is still queued. */
  dispose(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.queued.clear();
  }

  private turn(changes: [string, readonly F[]][], room: number): void {
    for (const uri of this.queued) {
      if (room <= 0) break;
      // Deleting the entry being visited is safe: iteration goes on with the next one.
      this.queued.delete(uri);
      room -= this.take(uri, changes);
    }
    try {
      this.sending = true;
      if (changes.length) this.options.send(changes);
    } finally {
      // Even when sending failed: what is queued still goes out, in the next turn.
      this.sending = false;
      if (this.queued.size > 0) this.schedule();
      else {
        // A turn still scheduled would find nothing to send and settle a second time.
        this.cancel?.();
        this.cancel = undefined;
        this.options.settled();
      }
    }
  }

  /** Schedules the next turn, unless one is scheduled. */
  private schedule(): void {
    if (this.cancel) return;
    let ran = false;
    const cancel = this.options.later(() => {
      ran = true;
      this.cancel = undefined;
      this.turn([], this.options.slice);
    });
    // A host whose `later` ran the turn at once left nothing to cancel.
    if (!ran) this.cancel = cancel;
  }

  /** Adds `uri` to `changes` when its findings changed; returns what it costs of a slice. */
  private take(uri: string, changes: [string, readonly F[]][]): number {
    const findings = this.options.current(uri);
    const unchanged = this.options.same(this.sent.get(uri) ?? [], findings);
    // The current list is kept even when equal, so that a list the owner replaced is not
    // held here as well.
    if (findings.length) this.sent.set(uri, findings);
    else this.sent.delete(uri);
    if (unchanged) return 0;
    changes.push([uri, findings]);
    return Math.max(1, findings.length);
  }
}
