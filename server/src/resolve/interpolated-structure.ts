// Whether a pod's YAML takes part of its structure from a GString interpolation: `yaml "${podYaml}"`,
// `yaml: "${libraryResource 'pod.yaml'}"`, or a `${containers}` line inside the YAML. What such a
// placeholder holds (keys, list items, a whole document) is known only at run time, so the pod is.

import type { MappedText } from '../extract/mapped-text.js';

/** Block scalar header (`key: |`, `- >-`, `|2+`, with a comment): the lines below it are text. */
const BLOCK_SCALAR_HEADER = /[|>][0-9+-]*\s*(#.*)?$/;

/**
 * The first placeholder (its range in `y.text`) that stands alone on its line (only blanks and other
 * placeholders beside it) outside a block scalar: there it is YAML structure, not a value.
 */
export function structuralPlaceholder(y: MappedText): [number, number] | undefined {
  if (!y.placeholders.length) return undefined;
  const lines = y.text.split('\n');
  const isPlaceholder = new Uint8Array(y.text.length);
  for (const [s, e] of y.placeholders) isPlaceholder.fill(1, s, e);
  let at = 0;
  for (let i = 0; i < lines.length; at += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    let hasPlaceholder = false;
    let alone = true;
    for (let k = 0; k < line.length && alone; k++) {
      if (isPlaceholder[at + k]) hasPlaceholder = true;
      else if (!/\s/.test(line[k]!)) alone = false;
    }
    if (hasPlaceholder && alone && !inBlockScalar(lines, i)) return y.placeholders.find(([s]) => s >= at && s <= at + line.length);
  }
  return undefined;
}

/** Whether line `i` lies in a block scalar: the nearest less-indented line above it opens one. */
function inBlockScalar(lines: string[], i: number): boolean {
  const indent = (l: string) => l.length - l.trimStart().length;
  const own = indent(lines[i]!);
  for (let k = i - 1; k >= 0; k--) {
    const l = lines[k]!;
    if (!l.trim() || indent(l) >= own) continue;
    return BLOCK_SCALAR_HEADER.test(l.trimEnd());
  }
  return false;
}
