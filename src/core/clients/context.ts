/** What every part of the parser shares: the source text and the diagnostics collected so far. */
import type { Diagnostic, Severity, Span, TextEdit } from './model';
import type { SourceText } from './source';

export interface Ctx {
  src: SourceText;
  diags: Diagnostic[];
}

export function diag(ctx: Ctx, span: Span, severity: Severity, code: string, message: string, fix?: { title: string; edits: TextEdit[] }): void {
  ctx.diags.push({ span, severity, code, message, ...(fix ? { fix } : {}) });
}
