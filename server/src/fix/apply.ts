// Applying fixes: the CLI's --fix and the language server's code actions share this.

import type { Diagnostic, TextEdit } from '../core/diagnostic.js';

/** The edits of every fix, per file, dropping any that overlap an edit already taken. */
export function fixEdits(diagnostics: Diagnostic[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const taken = d.fix.edits.map((e) => byFile.get(e.file) ?? []);
    // A fix is applied whole or not at all.
    if (d.fix.edits.some((e, i) => taken[i]!.some((t) => overlaps(t, e)))) continue;
    for (const e of d.fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  }
  return byFile;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end || (a.start === b.start && a.end === b.end);
}

/** Applies non-overlapping edits to a text; `\n` in new text becomes the text's own line ending. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.newText.replace(/\r?\n/g, eol) + out.slice(e.end);
  }
  return out;
}
