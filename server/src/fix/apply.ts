// Applying fixes: the CLI's --fix and the language server's code actions share this.

import type { Diagnostic, TextEdit } from '../core/diagnostic.js';

/**
 * The edits of every safe fix (every fix with `unsafe`), per file, dropping any fix that overlaps an
 * edit already taken; `fixes` counts the fixes taken by the file of their first edit.
 */
export function fixEdits(diagnostics: Diagnostic[], unsafe = false): { byFile: Map<string, TextEdit[]>; fixes: Map<string, number> } {
  const byFile = new Map<string, TextEdit[]>();
  const fixes = new Map<string, number>();
  for (const d of diagnostics) {
    if (!d.fix || !(d.fix.safe || unsafe)) continue;
    const taken = d.fix.edits.map((e) => byFile.get(e.file) ?? []);
    // A fix is applied whole or not at all.
    if (d.fix.edits.some((e, i) => taken[i]!.some((t) => overlaps(t, e)))) continue;
    for (const e of d.fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    fixes.set(d.fix.edits[0]!.file, (fixes.get(d.fix.edits[0]!.file) ?? 0) + 1);
  }
  return { byFile, fixes };
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end || (a.start === b.start && a.end === b.end);
}

/**
 * Applies non-overlapping edits to a text. A line break in new text is written as the line break of
 * the line it lands on, so one CRLF line in an LF file does not spread.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const eol = lineBreakAt(text, e.start);
    out = out.slice(0, e.start) + e.newText.replace(/\r\n|\r|\n/g, eol) + out.slice(e.end);
  }
  return out;
}

/** The line break that ends the line holding `offset`; on a last line without one, the previous line's. */
export function lineBreakAt(text: string, offset: number): string {
  const after = /\r\n|\r|\n/g;
  after.lastIndex = offset;
  const m = after.exec(text);
  if (m) return m[0];
  const before = /(\r\n|\r|\n)[^\r\n]*$/.exec(text.slice(0, offset));
  return before?.[1] ?? '\n';
}
