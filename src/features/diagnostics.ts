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
import type { FeatureDeps } from './deps';

/** The published findings, for quick fixes and tests. */
export interface DiagnosticsFeature extends vscode.Disposable {
  /** Findings currently published for `uri`. */
  findings(uri: string): readonly Finding[];
  /** Fires after diagnostics were republished. */
  readonly onDidUpdate: vscode.Event<void>;
}

/** Registers the diagnostics collection. */
export function registerDiagnostics(deps: FeatureDeps): DiagnosticsFeature {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const updated = new vscode.EventEmitter<void>();
  /**
   * What is published per URI, to skip unchanged ones: the engine's own lists (a text
   * fingerprint of each cost about 300 bytes a file, 12 MB at 100,000 notes, and the time
   * to write it for every file of a scan).
   */
  const published = new Map<string, readonly Finding[]>();
  let engine: FindingsEngine | undefined;

  const publish = (uris: Iterable<string>): void => {
    if (!engine) return;
    // Few calls for the whole change: set() per URI sends a message to the editor per URI,
    // which for the thousands of files of a first scan takes longer than the rules; but
    // no more diagnostics per call than the editor passes on (diagnosticBatches.ts).
    const batch: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const uri of uris) {
      const findings = engine.get(uri);
      const unchanged = sameFindings(published.get(uri) ?? [], findings);
      // The current list is kept even when equal, so that a list the engine replaced is
      // not held here as well.
      if (findings.length) published.set(uri, findings);
      else published.delete(uri);
      if (unchanged) continue;
      batch.push([vscode.Uri.parse(uri), findings.length ? findings.map(toDiagnostic) : undefined]);
    }
    for (const entries of diagnosticBatches(batch)) collection.set(entries);
    updated.fire();
  };
  const reevaluate = (): void => {
    if (!engine) return;
    publish(engine.reset(deps.clock.today(), ruleOptions(deps.settings())));
  };

  const subscriptions = [
    collection,
    updated,
    deps.service.onDidChange((uris) => {
      if (engine) publish(engine.update(uris));
    }),
    deps.clock.onDidChangeDay(reevaluate),
    deps.onDidChangeSettings(reevaluate),
  ];
  void deps.service.ready().then(() => {
    engine = new FindingsEngine(
      deps.service.notebook,
      deps.clock.today(),
      ruleOptions(deps.settings()),
    );
    publish(engine.uris());
  });
  return {
    findings: (uri) => engine?.get(uri) ?? [],
    onDidUpdate: updated.event,
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
