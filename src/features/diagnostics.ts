/**
 * The core's findings as live diagnostics in the Problems panel. An incremental engine
 * recomputes only what a change touches; diagnostics are published per URI, and only for
 * URIs whose findings actually changed (never a clear-all on an edit). The whole set is
 * re-evaluated when the day rolls over or the settings change.
 */
import * as vscode from 'vscode';
import { FindingsEngine, type Finding } from '../core';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../vscode/convert';
import { ruleOptions } from '../vscode/config';
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
  /** A cheap fingerprint of what is published per URI, to skip unchanged ones. */
  const published = new Map<string, string>();
  let engine: FindingsEngine | undefined;

  const publish = (uris: Iterable<string>): void => {
    if (!engine) return;
    // One batch for the whole change: set() per URI sends a message to the editor per URI,
    // which for the thousands of files of a first scan takes longer than the rules.
    const batch: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const uri of uris) {
      const findings = engine.get(uri);
      const key = findings.length ? JSON.stringify(findings) : '';
      if ((published.get(uri) ?? '') === key) continue;
      if (key) {
        published.set(uri, key);
        batch.push([vscode.Uri.parse(uri), findings.map(toDiagnostic)]);
      } else {
        published.delete(uri);
        batch.push([vscode.Uri.parse(uri), undefined]);
      }
    }
    if (batch.length) collection.set(batch);
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
