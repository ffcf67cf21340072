// Whether a pod's YAML takes part of its structure from a GString interpolation: `yaml "${podYaml}"`,
// `yaml: "${libraryResource 'pod.yaml'}"`, or a `${containers}` line inside the YAML. What such a
// placeholder holds (keys, list items, a whole document) is known only at run time, so the pod is.

import type { MappedText } from '../extract/mapped-text.js';

/**
 * Block scalar header (`key: |`, `- >-`, `|2+`), its comment taken off: the lines below it are text.
 * The indicator must be the whole value, so that `x>2` or a comment ending in `->` opens nothing.
 */
const BLOCK_SCALAR_HEADER = /(?:^|[:?-]\s+)[|>][0-9+-]*$/;
const opensBlockScalar = (line: string) => BLOCK_SCALAR_HEADER.test(line.trim().replace(/(^|\s)#.*$/, '').trimEnd());

/**
 * The first placeholder (its range in `y.text`) that stands alone on its line (only blanks and other
 * placeholders beside it) outside a block scalar: there it is YAML structure, not a value.
 */
export function structuralPlaceholder(y: MappedText): [number, number] | undefined {
  if (!y.placeholders.length) return undefined;
  const lines = y.text.split('\n');
  const isPlaceholder = new Uint8Array(y.text.length);
  for (const [s, e] of y.placeholders) isPlaceholder.fill(1, s, e);
  const above = new Outline();
  let at = 0;
  for (let i = 0; i < lines.length; at += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    let hasPlaceholder = false;
    let alone = true;
    for (let k = 0; k < line.length && alone; k++) {
      if (isPlaceholder[at + k]) hasPlaceholder = true;
      else if (!/\s/.test(line[k]!)) alone = false;
    }
    if (hasPlaceholder && alone && !above.inBlockScalar(indent(line))) return y.placeholders.find(([s]) => s >= at && s <= at + line.length);
    above.add(line);
  }
  return undefined;
}

const indent = (line: string) => line.length - line.trimStart().length;

/**
 * The lines read so far that a later line could nest under: their indents strictly rise, each the
 * nearest line above with less indent than the next, so a line's entries below its indent are its
 * ancestors. One pass with a search per query, where scanning upward from every line was quadratic
 * (a fuzzed block scalar of 19,721 `${x}` lines took 10 s).
 */
class Outline {
  private readonly indents: number[] = [];
  /** Whether this entry or one of its ancestors opens a block scalar: the lines below it are text. */
  private readonly inScalar: boolean[] = [];

  add(line: string): void {
    if (!line.trim()) return;
    const own = indent(line);
    while (this.indents.length && this.indents[this.indents.length - 1]! >= own) {
      this.indents.pop();
      this.inScalar.pop();
    }
    const parentInScalar = this.inScalar.length > 0 && this.inScalar[this.inScalar.length - 1]!;
    this.indents.push(own);
    this.inScalar.push(parentInScalar || opensBlockScalar(line));
  }

  /** Whether a line indented by `own` lies in a block scalar: a less-indented line it nests under opens one. */
  inBlockScalar(own: number): boolean {
    let lo = 0;
    let hi = this.indents.length; // finds the first entry indented `own` or more
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.indents[mid]! < own) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.inScalar[lo - 1]!;
  }
}
