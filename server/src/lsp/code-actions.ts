// Code actions: every fix the core offers, and "Disable JKLnnn for this line", which inserts the
// suppression comment in the right syntax (`//` in Groovy, `#` inside pod YAML).

import { CodeActionKind, type CodeAction, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Diagnostic } from '../core/diagnostic.js';
import { pathToUri, toLsp } from './convert.js';
import type { Linted } from './linter.js';
import { yamlAt } from './locate.js';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** Actions for the diagnostics of `fileUri` (the Jenkinsfile or a yamlFile it reads) in a range. */
export function codeActions(l: Linted, fileUri: string, filePath: string, range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of l.result.diagnostics) {
    if (d.file !== filePath || !overlaps(d.range, range)) continue;
    if (d.fix) {
      const changes: Record<string, LspTextEdit[]> = {};
      for (const e of d.fix.edits) (changes[pathToUri(e.file)] ??= []).push({ range: e.range, newText: e.newText });
      // Preferred (applied by an editor's auto-fix) only when it cannot change what the file means.
      out.push({ title: d.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [toLsp(d)], isPreferred: d.fix.safe, edit: { changes } });
    }
    out.push(disableForLine(l, d, fileUri));
  }
  return out;
}

function disableForLine(l: Linted, d: Diagnostic, fileUri: string): CodeAction {
  const text = l.result.texts.get(d.file) ?? '';
  const lines = l.result.lines(d.file);
  const lineStart = lines.offset({ line: d.range.start.line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const inYaml = d.file !== l.path || !!yamlAt(l, lineStart + indent.length);
  // A line of a multi-line sh script: a Groovy comment there would be part of the script; ShellCheck reads its own.
  const where = d.file === l.path && d.code.startsWith('SC') ? l.result.analysis.extraction.stringAt(lineStart, lineStart) : 'code';
  const inScript = typeof where === 'object';
  const comment = inScript ? `${indent}# shellcheck disable=${d.code}\n` : `${indent}${inYaml ? '#' : '//'} jenkinsfile-lint-disable-next-line ${d.code}\n`;
  const at = { line: d.range.start.line, character: 0 };
  return {
    title: `Disable ${d.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLsp(d)],
    edit: { changes: { [fileUri]: [{ range: { start: at, end: at }, newText: comment }] } },
  };
}
