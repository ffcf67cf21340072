// Folding ranges: the blocks of a Declarative pipeline, the stages and pod templates of a scripted
// one, pod YAML written in the file, and comments over several lines.

import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Linted } from './linter.js';

export function foldingRanges(l: Linted): FoldingRange[] {
  const lines = l.result.lines(l.path);
  const out = new Map<string, FoldingRange>();
  // A block folds from the line of its `{` to the line before its `}`, which stays in view.
  const add = (start: number, end: number, kind?: FoldingRangeKind, keepLast = true) => {
    const startLine = lines.position(start).line;
    const endLine = lines.position(end).line - (keepLast ? 1 : 0);
    if (endLine > startLine) out.set(`${startLine}:${endLine}`, { startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const { declarative, extraction, pods } = l.result.analysis;
  for (const b of declarative.blocks) add(b.start, b.end);
  for (const b of extraction.blocks) if (b.call.closure) add(b.call.closure.start, b.call.closure.end);
  for (const t of extraction.templates) if (t.call.closure) add(t.call.closure.start, t.call.closure.end);
  for (const p of pods) {
    const y = p.yaml;
    if (y && y.file === l.path && y.text.text.length) add(y.text.offsets[0]!, y.text.offsets[y.text.offsets.length - 1]!, FoldingRangeKind.Region, false);
  }
  for (const c of extraction.comments) add(c.start, c.end, FoldingRangeKind.Comment, false);
  return [...out.values()].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}
