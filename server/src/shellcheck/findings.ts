// ShellCheck's comments on the scripts, as findings at their exact place in the Jenkinsfile. They keep
// ShellCheck's codes (SC2086) and link to its wiki; those touching a Groovy interpolation are dropped,
// as the value there is unknown.

import type { Finding, Severity } from '../core/diagnostic.js';
import type { ShellcheckComment } from '../core/host.js';
import { sourceRange, touchesPlaceholder } from '../extract/mapped-text.js';
import type { ShellScript } from './scripts.js';

/** Not ShellCheck's to know: Jenkins sets the script's environment (SC2154), and sourced files are not given (SC1091). */
export const SHELLCHECK_EXCLUDED = ['SC2154', 'SC1091'];

export const SHELLCHECK_WIKI = 'https://www.shellcheck.net/wiki/';

const SEVERITY: Record<ShellcheckComment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export function shellcheckFindings(scripts: ShellScript[], comments: ShellcheckComment[][], file: string): Finding[] {
  const out: Finding[] = [];
  scripts.forEach((s, k) => {
    const lines = lineStarts(s.script.text);
    const at = (line: number, column: number) => indexAt(s.script.text, lines, line - 1 - s.lineShift, column - 1);
    for (const c of comments[k] ?? []) {
      if (c.line <= s.lineShift) continue; // on the directive line: not the author's
      const start = at(c.line, c.column);
      const end = Math.max(start, at(c.endLine, c.endColumn));
      if (s.script.placeholders.length && touchesPlaceholder(s.script, start, end)) continue;
      out.push({ code: `SC${c.code}`, loc: { file, ...sourceRange(s.script, start, end) }, message: c.message, severity: SEVERITY[c.level] ?? 'info' });
    }
  });
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The index of a 0-based line and column, ShellCheck counting characters (code points, a tab as one). */
function indexAt(text: string, starts: number[], line: number, column: number): number {
  if (line >= starts.length) return text.length;
  let i = starts[Math.max(0, line)]!;
  const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
  for (let c = 0; c < column && i < lineEnd; c++) i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  return i;
}
