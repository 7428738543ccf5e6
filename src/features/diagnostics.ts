/**
 * The core's findings as live diagnostics in the Problems panel. An incremental engine
 * recomputes only what a change touches; diagnostics are published per URI, and only for
 * URIs whose findings actually changed (never a clear-all on an edit). The whole set is
 * re-evaluated when the day rolls over or the settings change.
 */
import * as vscode from 'vscode';
import { FindingsEngine, sameFindings, type Finding } from '../core';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../vscode/convert';
import { ruleOptions } from '../vscode/config';
import { diagnosticBatches } from './diagnosticBatches';
import { PublishQueue } from './publishQueue';
import type { FeatureDeps } from './deps';

/** The published findings, for quick fixes and tests. */
export interface DiagnosticsFeature extends vscode.Disposable {
  /** Findings currently handed to the editor for `uri` (what its diagnostics show). */
  findings(uri: string): readonly Finding[];
  /**
   * Fires when every change so far has been handed to the editor: after an edit's own turn,
   * or after the last slice of a large change (an edit during one is announced with it).
   */
  readonly onDidUpdate: vscode.Event<void>;
}

/**
 * Diagnostics handed to the editor in one turn of the extension host; more wait for the
 * next turn (publishQueue.ts). About 0.1 s of the editor's time at 100,000 notes.
 */
const DIAGNOSTICS_PER_TURN = 5000;

/** Changes of at least this many files log when their findings have all been handed over. */
export const LOGGED_CHANGE = 256;

/** Registers the diagnostics collection. */
export function registerDiagnostics(deps: FeatureDeps): DiagnosticsFeature {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const updated = new vscode.EventEmitter<void>();
  let engine: FindingsEngine | undefined;
  /**
   * A change of many files (a scan, a new day, new settings) being handed over, for the
   * log; an edit's few files are not logged. Changes that overlap are logged as one, from
   * the first one's start, with the files of each counted.
   */
  let bulk: { readonly started: number; readonly uris: number } | undefined;
  const queue = new PublishQueue<Finding>({
    slice: DIAGNOSTICS_PER_TURN,
    current: (uri) => engine?.get(uri) ?? [],
    same: sameFindings,
    // Few calls for the whole change: set() per URI sends a message to the editor per URI,
    // which for the thousands of files of a first scan takes longer than the rules; but
    // no more diagnostics per call than the editor passes on (diagnosticBatches.ts).
    send: (changes) => {
      const entries = changes.map(
        ([uri, findings]): [vscode.Uri, vscode.Diagnostic[] | undefined] => [
          vscode.Uri.parse(uri),
          findings.length ? findings.map(toDiagnostic) : undefined,
        ],
      );
      for (const batch of diagnosticBatches(entries)) collection.set(batch);
    },
    later: (turn) => {
      const timer = setTimeout(turn, 0);
      return () => clearTimeout(timer);
    },
    settled: () => {
      if (bulk) {
        deps.logger.info(
          `Findings of ${bulk.uris} files worked out and handed to the editor in ${Date.now() - bulk.started} ms.`,
        );
        bulk = undefined;
      }
      updated.fire();
    },
  });
  /** Hands over the findings of `uris`, worked out from `started` (for the log). */
  const publish = (uris: ReadonlySet<string>, started: number): void => {
    if (uris.size >= LOGGED_CHANGE)
      bulk = { started: bulk?.started ?? started, uris: (bulk?.uris ?? 0) + uris.size };
    queue.publish(uris);
  };
  const reevaluate = (): void => {
    if (!engine) return;
    const started = Date.now();
    publish(engine.reset(deps.clock.today(), ruleOptions(deps.settings())), started);
  };

  const subscriptions = [
    collection,
    updated,
    queue,
    deps.service.onDidChange((uris) => {
      if (!engine) return;
      const started = Date.now();
      publish(engine.update(uris), started);
    }),
    deps.clock.onDidChangeDay(reevaluate),
    deps.onDidChangeSettings(reevaluate),
  ];
  void deps.service.ready().then(() => {
    const started = Date.now();
    engine = new FindingsEngine(
      deps.service.notebook,
      deps.clock.today(),
      ruleOptions(deps.settings()),
    );
    publish(new Set(engine.uris()), started);
  });
  return {
    findings: (uri) => queue.published(uri),
    onDidUpdate: updated.event,
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
