// One YAML syntax mistake, one finding. After its first error the parser goes on reading a
// structure the mistake has already broken, and what it reports next is mostly a consequence (a bad
// indent gives "Sequence item without - indicator" and then "All mapping items must start at the
// same column" on the next, correct, line). So the first error is reported alone, at the line a
// user must edit; the next, if any, shows once this one is fixed.

import type { YAMLError } from 'yaml';
import type { YamlProblem } from './parse-yaml.js';

const PREFIX = 'Pod YAML is not valid YAML: ';

export function syntaxMistake(text: string, errors: readonly YAMLError[]): YamlProblem | undefined {
  if (!errors.length) return undefined;
  // A loop, not Math.min(...): a broken YAML can have more errors than the call stack has room for.
  const start = errors.reduce((min, e) => Math.min(min, e.pos[0]), Infinity);
  const atStart = errors.filter((e) => e.pos[0] === start);
  // A key indented too deep gives two errors at one place; the multi-line key tells where it ends.
  const e = atStart.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY') ?? atStart[0]!;
  const message = firstLine(e.message);
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote && text.lastIndexOf(quote, start) >= 0) {
    // The parser notices at the end of the text; the mistake is the quote that was opened.
    const at = text.lastIndexOf(quote, start);
    return problem(at, at + 1, message);
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY') return multilineKey(text, e.pos[0], e.pos[1], message);
  return problem(start, Math.max(e.pos[1], start + 1), message);
}

/**
 * A plain scalar that runs over lines and then meets `: `. When it began as the value of a key on
 * its first line (`image: maven:3.9` then `     command: [sleep]`, one space too deep), the line to
 * edit is the one indented too deep: its last. Otherwise (`-name: a`, `name:a`, a list written
 * without dashes) the first line is wrong.
 */
function multilineKey(text: string, start: number, end: number, message: string): YamlProblem {
  const lineA = text.lastIndexOf('\n', start - 1) + 1;
  const lineB = text.lastIndexOf('\n', Math.max(start, end - 1) - 1) + 1;
  const prefix = text.slice(lineA, start);
  if (lineB > start && /:\s+$/.test(prefix) && !/^\s*-\S/.test(prefix)) {
    const at = lineB + (/^[ \t]*/.exec(text.slice(lineB))?.[0].length ?? 0);
    return problem(at, at + 1, `this line is indented deeper than the key above it, so YAML reads it as more of that key's value (${message})`);
  }
  const eol = text.indexOf('\n', start);
  return problem(start, eol < 0 ? Math.max(end, start + 1) : Math.max(Math.min(end, eol), start + 1), message);
}

function problem(start: number, end: number, message: string): YamlProblem {
  return { start, end, severity: 'error', message: PREFIX + message };
}

export function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
