// Where in a Declarative pipeline an offset is: the innermost block around it and what that block
// holds. Shared by completion and hover.

import type { Block } from '../declarative/model.js';

/** The innermost block whose braces enclose the offset. */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let best: Block | undefined;
  for (const b of blocks) {
    if (offset <= b.start || offset >= b.end) continue;
    if (!best || b.end - b.start < best.end - best.start) best = b;
  }
  return best;
}

/** The identifier the offset is on (or just after), with its span. */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w$]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[\w$]/.test(text[end]!)) end++;
  return end > start ? { word: text.slice(start, end), start, end } : undefined;
}
