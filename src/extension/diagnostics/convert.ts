/** Core diagnostics → VS Code diagnostics (positions come from the same text the core parsed). */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Span } from '../../core/clients/model';

export const DIAGNOSTIC_SOURCE = 'Client Pulse';

export function rangeOf(span: Span): vscode.Range {
  return new vscode.Range(span.startLine, span.startColumn, span.endLine, span.endColumn);
}

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(d: CoreDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(rangeOf(d.span), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  out.code = d.code;
  return out;
}
