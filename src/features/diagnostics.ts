/**
 * The core's findings as live diagnostics in the Problems panel. Recomputed when notes
 * change, settings change or the day rolls over; published only for the URIs whose
 * diagnostics actually changed (never a clear-all on an edit).
 */
import * as vscode from 'vscode';
import { computeFindings, type Finding } from '../core';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../vscode/convert';
import { ruleOptions } from '../vscode/config';
import type { FeatureDeps } from './deps';

/** The published findings, for quick fixes and the status bar. */
export interface DiagnosticsFeature extends vscode.Disposable {
  /** Findings currently published, by URI. */
  findings(uri: string): readonly Finding[];
  /** Fires after diagnostics were republished. */
  readonly onDidUpdate: vscode.Event<void>;
}

/** Registers the diagnostics collection. */
export function registerDiagnostics(deps: FeatureDeps): DiagnosticsFeature {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const updated = new vscode.EventEmitter<void>();
  let published = new Map<string, { key: string; findings: Finding[] }>();

  const update = (): void => {
    const fresh = computeFindings(
      deps.service.notebook,
      deps.clock.today(),
      ruleOptions(deps.settings()),
    );
    const next = new Map<string, { key: string; findings: Finding[] }>();
    for (const [uri, findings] of fresh) next.set(uri, { key: JSON.stringify(findings), findings });
    for (const [uri, entry] of next) {
      if (published.get(uri)?.key !== entry.key)
        collection.set(vscode.Uri.parse(uri), entry.findings.map(toDiagnostic));
    }
    for (const uri of published.keys())
      if (!next.has(uri)) collection.delete(vscode.Uri.parse(uri));
    published = next;
    updated.fire();
  };

  const subscriptions = [
    collection,
    updated,
    deps.service.onDidChange(update),
    deps.clock.onDidChangeDay(update),
    deps.onDidChangeSettings(update),
  ];
  void deps.service.ready().then(update);
  return {
    findings: (uri) => published.get(uri)?.findings ?? [],
    onDidUpdate: updated.event,
    dispose: () => subscriptions.forEach((s) => s.dispose()),
  };
}
