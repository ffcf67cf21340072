// Offset ↔ line/column conversion for one text.

import type { Position } from './diagnostic.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  /** Lines end at LF, CRLF or a lone CR, as LSP counts them (and Groovy), so positions agree with the editor's. */
  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Line feeds only (the usual case): found by indexOf, not by reading every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offset(p: Position): number {
    const start = this.starts[Math.max(0, Math.min(p.line, this.starts.length - 1))]!;
    return Math.min(start + Math.max(0, p.character), this.text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
