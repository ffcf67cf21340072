// Between the core's shapes and LSP's: URIs and paths, diagnostics.

import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostic.js';

/** The file-system path of a file: URI; undefined for other schemes (untitled:, …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return path.includes(':') && !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path) ? path : pathToFileURL(path).href;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
/** Deprecated options and unused suppressions are shown as such (struck through, faded). */
const TAGS: Record<string, DiagnosticTag[]> = { JKL212: [DiagnosticTag.Deprecated], JKL901: [DiagnosticTag.Unnecessary] };

export function toLsp(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: d.source,
    message: d.message,
    codeDescription: { href: d.href },
    ...(TAGS[d.code] ? { tags: TAGS[d.code] } : {}),
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: pathToUri(r.file), range: r.range }, message: r.message })) } : {}),
  };
}
