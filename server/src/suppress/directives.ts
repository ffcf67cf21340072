// Inline suppressions, by rule code (any case) or name, with an optional reason after ` -- `:
//   // jenkinsfile-lint-disable-next-line JKL301 container-not-in-pod -- reason   (Groovy, the next line)
//   // jenkinsfile-lint-disable JKL201                                             (Groovy, the whole file)
//   # jenkinsfile-lint-disable-next-line JKL104                                    (inside pod YAML)

import type { Diagnostic, Loc } from '../core/diagnostic.js';
import type { LineIndex } from '../core/line-index.js';
import { sourceRange } from '../extract/mapped-text.js';
import type { Extraction } from '../extract/model.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { findRule, shellcheckCode } from '../rules/lookup.js';

export interface DirectiveCode {
  /** As written. */
  code: string;
  /** The code of the rule it names (or a ShellCheck code, SC2086); undefined when it names none (JKL902). */
  rule?: string;
  loc: Loc;
  used: boolean;
}

export interface Directive {
  kind: 'next-line' | 'file';
  file: string;
  /** 0-based line of the comment in its file. */
  line: number;
  loc: Loc;
  codes: DirectiveCode[];
}

const DIRECTIVE = /(jenkinsfile-lint-disable(?:-next-line)?)(?![\w-])([^\n]*)/;

/** Every directive has this in it. */
const MARK = 'jenkinsfile-lint-disable';

/** Parses one comment's text starting at `offset` in `file`; undefined when it is no directive. */
function parseComment(text: string, at: (i: number) => number, file: string, lines: (file: string) => LineIndex): Directive | undefined {
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const body = m[2]!.replace(/\*\/\s*$/, '');
  const reasonAt = body.search(/\s--(\s|$)/);
  const codesText = reasonAt >= 0 ? body.slice(0, reasonAt) : body;
  const codesStart = m.index + m[1]!.length;
  const codes: DirectiveCode[] = [];
  for (const cm of codesText.matchAll(/[^\s,]+/g)) {
    const s = codesStart + cm.index!;
    const rule = findRule(cm[0])?.code ?? shellcheckCode(cm[0]);
    codes.push({ code: cm[0], ...(rule ? { rule } : {}), loc: { file, start: at(s), end: at(s + cm[0].length - 1) + 1 }, used: false });
  }
  const start = at(m.index);
  return {
    kind: m[1] === MARK ? 'file' : 'next-line',
    file,
    line: lines(file).position(start).line,
    loc: { file, start, end: at(m.index + m[0].length - 1) + 1 },
    codes,
  };
}

/** All directives in the Jenkinsfile's comments and in the comments of the pod YAML it carries or reads. */
export function collectDirectives(ex: Extraction, pods: ResolvedPod[], file: string, lines: (file: string) => LineIndex): Directive[] {
  const out: Directive[] = [];
  // Most files have no directive: one search says so, before any comment is read.
  if (ex.source.includes(MARK)) {
    for (const c of ex.comments) {
      const d = parseComment(ex.source.slice(c.start, c.end), (i) => c.start + i, file, lines);
      if (d) out.push(d);
    }
  }
  const seen = new Set<unknown>();
  for (const pod of pods) {
    const y = pod.yaml;
    if (!y || seen.has(y.text) || !y.text.text.includes(MARK)) continue;
    seen.add(y.text);
    for (const m of y.text.text.matchAll(/#[^\n]*/g)) {
      const d = parseComment(m[0], (i) => sourceRange(y.text, m.index! + i, m.index! + i + 1).start, y.file, lines);
      if (d) out.push(d);
    }
  }
  return out;
}

/** Drops the diagnostics a directive suppresses, marking which directive codes were used. */
export function applyDirectives(diagnostics: Diagnostic[], directives: Directive[], jenkinsfile: string): Diagnostic[] {
  return diagnostics.filter((d) => {
    for (const dir of directives) {
      const applies = dir.kind === 'file' ? dir.file === d.file || dir.file === jenkinsfile : dir.file === d.file && dir.line + 1 === d.range.start.line;
      if (!applies) continue;
      const code = dir.codes.find((c) => c.rule === d.code);
      if (code) {
        code.used = true;
        return false;
      }
    }
    return true;
  });
}
