// Source: jenkinsci/workflow-cps-plugin @ e007b7ff, plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/DSL.java
// (logInterpolationWarnings: every GString argument of a step is checked against the sensitive variables in scope).

import type { Finding } from '../core/diagnostic.js';
import type { Call } from '../extract/reader.js';
import { interpolations, plainVariable, type Interpolation } from '../scripts/interpolations.js';
import { requote, singleLiteral, type Replacement } from '../scripts/requote.js';
import { secretVariables, type SecretVariable } from '../scripts/secrets.js';
import { Quoting, shellQuoting } from '../scripts/shell-quoting.js';
import { stepStrings, type StepString } from '../scripts/step-strings.js';
import type { Rule, RuleContext } from './rule.js';

/** How each shell reads an environment variable (none for echo and writeFile: no shell reads them). */
const SHELL_REFERENCE: Record<string, ((name: string, braced: boolean) => string) | undefined> = {
  sh: (n, braced) => (braced ? `\${${n}}` : `$${n}`),
  bat: (n) => `%${n}%`,
  powershell: (n, braced) => (braced ? `\${env:${n}}` : `$env:${n}`),
  pwsh: (n, braced) => (braced ? `\${env:${n}}` : `$env:${n}`),
};

/** The secrets an interpolation reads: `TOKEN`, `env.TOKEN`, or either within a larger expression. */
function secretsRead(expression: string, inScope: SecretVariable[]): SecretVariable[] {
  const read: SecretVariable[] = [];
  for (const m of expression.matchAll(/(env\s*\.\s*)?\b([A-Za-z_]\w*)/g)) {
    if (!m[1] && m.index! > 0 && expression[m.index! - 1] === '.') continue; // a property of something else
    const v = inScope.find((s) => s.name === m[2]);
    if (v && !read.includes(v)) read.push(v);
  }
  return read;
}

export const rule: Rule = {
  code: 'JKL601',
  name: 'script-secret-interpolated',
  severity: 'warning',
  summary: 'A secret from withCredentials or credentials() interpolated by Groovy into a step argument (Jenkins: "A secret was passed to … using Groovy String interpolation")',
  fixable: ['safe'],
  check(ctx) {
    const secrets = secretVariables(ctx.extraction, ctx.declarative.pipeline);
    if (!secrets.length) return;
    const source = ctx.extraction.source;
    const scoped = (call: Call) => secrets.filter((v) => v.scope.start < call.start && call.end <= v.scope.end);
    for (const s of stepStrings(ctx.extraction, (call) => scoped(call).length > 0)) {
      if (!s.value.text.placeholders.length) continue;
      const inScope = innermostFirst(scoped(s.call));
      const all = interpolations(s.value.text, source);
      const leaks = all.map((i) => ({ i, read: secretsRead(i.expression, inScope) })).filter((l) => l.read.length);
      if (!leaks.length) continue;
      const fixes = new Fixes(s, all, leaks.map((l) => l.i), inScope, ctx);
      for (const { i, read } of leaks) {
        const names = read.map((v) => v.name);
        const ref = SHELL_REFERENCE[s.step];
        const how = ref ? `; let the shell read it from its environment: '… ${ref(names[0]!, false)} …' (single quotes)` + (s.step === 'sh' ? ` or \\$${names[0]}` : '') : `; do not pass a secret to ${s.step}`;
        ctx.report({
          loc: { file: ctx.file, start: i.from, end: i.to },
          message:
            `Groovy interpolates the secret ${names.join(', ')} into the ${s.step} step's argument, where it shows in the build's recorded step arguments` +
            (ref ? ' and the process list' : '') +
            `. Jenkins warns at run time: "A secret was passed to "${s.step}" using Groovy String interpolation, which is insecure"` +
            how,
          related: read.map((v) => ({ loc: { file: ctx.file, ...v.bound }, message: `${v.name} is bound here (${v.by})` })),
          ...fixes.for(i),
        });
      }
    }
  },
};

/** Innermost scope first, so a name bound in a nested withCredentials is the one found. */
function innermostFirst(vars: SecretVariable[]): SecretVariable[] {
  return [...vars].sort((a, b) => b.scope.start - a.scope.start);
}

/** The quick fixes for one step string: its quotes switched when only secrets are interpolated, else each reference escaped. */
class Fixes {
  private readonly whole?: Finding['fix'];
  private readonly quoting?: Uint8Array;

  constructor(
    private readonly s: StepString,
    all: Interpolation[],
    leaks: Interpolation[],
    private readonly inScope: SecretVariable[],
    private readonly ctx: RuleContext,
  ) {
    if (!SHELL_REFERENCE[s.step]) return;
    if (s.step === 'sh') this.quoting = shellQuoting(s.value.text.text);
    const lit = singleLiteral(s.value, ctx.extraction);
    const replacements = all.map((i) => (leaks.includes(i) ? this.replacements(i) : undefined));
    if (lit && (lit.quote === '"' || lit.quote === '"""') && replacements.every((r) => r)) {
      const newText = requote(ctx.extraction.source, lit, replacements.flat() as Replacement[]);
      this.whole = { title: 'Use a single-quoted string: the shell reads the secret from its environment', edits: [{ loc: { file: ctx.file, start: lit.start, end: lit.end }, newText, verbatim: true }], safe: true };
    }
  }

  for(i: Interpolation): Pick<Finding, 'fix'> {
    if (this.whole) return { fix: this.whole };
    const rs = this.replacements(i);
    // Written inside the GString, where inSourceForm escapes its `$` and `"`.
    const ref = rs?.find((r) => r.from === i.from);
    return rs && ref ? { fix: { title: `Let the shell expand ${ref.text}`, edits: rs.map((r) => ({ loc: { file: this.ctx.file, start: r.from, end: r.to }, newText: r.text })), safe: true } } : {};
  }

  /**
   * The shell's reference for an interpolation that is only a secret variable: `${TOKEN}`, `$TOKEN`,
   * `${env.TOKEN}` become the shell's `${TOKEN}`/`$TOKEN` (braces keep a name apart from what follows).
   * Inside the script's own single quotes, where the shell expands nothing, those quotes become
   * double quotes when nothing else in them would then expand, and else close and reopen around it.
   */
  private replacements(i: Interpolation): Replacement[] | undefined {
    const name = plainVariable(i.expression);
    const ref = SHELL_REFERENCE[this.s.step];
    if (!name || !ref || !this.inScope.some((v) => v.name === name)) return undefined;
    const text = ref(name, i.braced);
    if (this.quoting?.[i.start] !== Quoting.Single) return [{ from: i.from, to: i.to, text }];
    const quotes = this.singleQuotesAround(i);
    if (!quotes) return [{ from: i.from, to: i.to, text: `'"${text}"'` }];
    const at = (k: number) => this.s.value.text.offsets[k]!;
    return [
      { from: at(quotes[0]), to: at(quotes[0]) + 1, text: '"' },
      { from: i.from, to: i.to, text },
      { from: at(quotes[1]), to: at(quotes[1]) + 1, text: '"' },
    ];
  }

  /** The script's single quotes around an interpolation, when double quotes there would expand only it. */
  private singleQuotesAround(i: Interpolation): [number, number] | undefined {
    const { text, placeholders } = this.s.value.text;
    let open = i.start;
    while (open > 0 && this.quoting![open - 1] === Quoting.Single) open--;
    let close = i.end;
    while (close < text.length && this.quoting![close] === Quoting.Single) close++;
    open--;
    if (text[open] !== "'" || text[close] !== "'" || (open > 0 && text[open - 1] === '$')) return undefined;
    const others = placeholders.some(([s, e]) => s > open && e <= close && s !== i.start);
    const outside = (k: number) => k < i.start || k >= i.end;
    for (let k = open + 1; k < close; k++) if (outside(k) && '$`\\"!'.includes(text[k]!)) return undefined;
    // Neither the mapping nor the source may hide an escape at the quotes: each is one source character.
    const widthOne = (k: number) => !this.s.value.text.widths?.has(k);
    return others || !widthOne(open) || !widthOne(close) ? undefined : [open, close];
  }
}

