// What every formatter receives: per file, its diagnostics and the texts they point into.

import type { Diagnostic } from '../../core/diagnostic.js';

export interface FileReport {
  /** The path to show: as given on the command line, or relative to the current directory. */
  file: string;
  diagnostics: Diagnostic[];
  /** The file's text, for excerpts. */
  text: string;
}

export interface FormatContext {
  /** Colour escape codes allowed (text format on a terminal, no NO_COLOR). */
  color: boolean;
  /** The summary line (text format, on a terminal). */
  summary: boolean;
  /** The current directory, which relative paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  version: string;
}

/** 1-based line and column of a diagnostic's start and end, as every machine format wants them. */
export function oneBased(d: Diagnostic) {
  return { line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 };
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
