/** Conversions between the core's plain data and VS Code's types. */
import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core';

/** The diagnostics source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'mentoring-notes';

/** A core range as a VS Code range. */
export function toRange(range: Range): vscode.Range {
  return new vscode.Range(
    range.start.line,
    range.start.character,
    range.end.line,
    range.end.character,
  );
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A core finding as a VS Code diagnostic (source `mentoring-notes`, code = rule id). */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    toRange(finding.range),
    finding.message,
    SEVERITIES[finding.severity],
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = finding.code;
  return d;
}
