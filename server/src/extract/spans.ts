// Spans of source: which of many nested spans is the innermost around each of many offsets, and
// whether a span holds any of many offsets — in n log n, where a scan per offset would be n².

import type { Span } from './model.js';

/**
 * For each offset, the innermost span with start ≤ offset < end (the smallest; of equal ones, the
 * first in `spans`). One sweep: the spans are bracket spans, so they nest, and a stack of the open
 * ones answers each offset in turn.
 */
export function innermostContaining<T>(items: readonly T[], span: (t: T) => Span, offsets: readonly number[]): Array<T | undefined> {
  const order = items.map((item, i) => ({ item, s: span(item), i })).sort((a, b) => a.s.start - b.s.start || b.s.end - a.s.end || b.i - a.i);
  const queries = offsets.map((o, i) => ({ o, i })).sort((a, b) => a.o - b.o);
  const out = new Array<T | undefined>(offsets.length);
  const open: Array<{ item: T; s: Span }> = [];
  const popClosedAt = (offset: number) => {
    while (open.length && open[open.length - 1]!.s.end <= offset) open.pop();
  };
  let next = 0;
  for (const q of queries) {
    while (next < order.length && order[next]!.s.start <= q.o) {
      const o = order[next++]!;
      popClosedAt(o.s.start);
      open.push(o);
    }
    popClosedAt(q.o);
    out[q.i] = open[open.length - 1]?.item;
  }
  return out;
}

/** Offsets sorted once, then asked whether any lies strictly inside a span: a binary search each. */
export class OffsetSet {
  private readonly sorted: number[];
  constructor(offsets: Iterable<number>) {
    this.sorted = [...offsets].sort((a, b) => a - b);
  }
  /** Is there an offset o with start < o < end? */
  anyInside(s: Span): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! <= s.start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo]! < s.end;
  }
}
