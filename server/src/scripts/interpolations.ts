// The Groovy interpolations of a GString, as written: `$name`, `$a.b`, `${expression}`.

import type { MappedText } from '../extract/mapped-text.js';

export interface Interpolation {
  /** [start, end) in the string's text (its placeholder). */
  start: number;
  end: number;
  /** [from, to) in the Jenkinsfile: `$` to the end of the name or the closing `}`. */
  from: number;
  to: number;
  /** The Groovy expression: what follows `$`, or what `${…}` holds. */
  expression: string;
  braced: boolean;
}

export function interpolations(mt: MappedText, source: string): Interpolation[] {
  return mt.placeholders.map(([start, end]) => {
    // Each placeholder character stands for the source character it was read from.
    const from = mt.offsets[start]!;
    const to = mt.offsets[end - 1]! + 1;
    const written = source.slice(from, to);
    const braced = written.startsWith('${');
    const expression = braced ? written.slice(2, written.endsWith('}') ? -1 : undefined) : written.slice(1);
    return { start, end, from, to, expression: expression.trim(), braced };
  });
}

/** The environment variable an expression reads when it is only that: `X` or `env.X`. */
export function plainVariable(expression: string): string | undefined {
  return /^(?:env\.)?([A-Za-z_]\w*)$/.exec(expression)?.[1];
}
