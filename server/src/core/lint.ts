// lint(): the one entry point the CLI and the language server share.
// text ─lex─▶ tokens (─parse─▶ tree, where the lexer guessed) ─extract─▶ templates + steps ─resolve─▶ pods ─rules─▶ findings
//      ─suppressions─▶ diagnostics

import type { Tree } from '../parse/parser.js';
import { parseGroovy } from '../parse/parser.js';
import { syntaxProblems, type SyntaxProblem } from '../parse/syntax.js';
import { catalogFor } from '../catalog/for-jenkins.js';
import { analyzeDeclarative, type Declarative } from '../declarative/index.js';
import { emptyExtraction, extract } from '../extract/extract.js';
import { escapeForString } from '../fix/escape.js';
import { TokenReader } from '../extract/reader.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import { resolvePods, type ResolvedPod } from '../resolve/resolve.js';
import { RULES } from '../rules/index.js';
import { SHELLCHECK_WIKI } from '../shellcheck/findings.js';
import { runShellcheck, type ShellcheckOutcome } from '../shellcheck/run.js';
import { DOCS_BASE, type Rule, type RuleContext } from '../rules/rule.js';
import { applyDirectives, collectDirectives } from '../suppress/directives.js';
import type { Config } from './config.js';
import type { Diagnostic, Finding, Loc, Range, Severity } from './diagnostic.js';
import type { Host } from './host.js';
import { LineIndex } from './line-index.js';
import { isLibraryPath } from './shared-library.js';

/** The largest file for which tree-sitter is asked to arbitrate what the lexer guessed. */
const MAX_TREE_CHARS = 128 * 1024;

export interface LintOptions {
  /** Path (or URI path) of the Jenkinsfile; yamlFile paths resolve from it. */
  file: string;
  host: Host;
  config: Config;
  /**
   * The caller's tree for `text`, asked for only when the lexer had to guess (the language server's
   * incremental parse); otherwise one is made and freed when needed.
   */
  tree?: () => Promise<Tree | undefined>;
  /**
   * Whether ShellCheck may run as part of this lint (as configured, on a host that can run it); the
   * language server says no and runs it after publishing, off the keystroke path.
   */
  shellcheck?: boolean;
}

export interface LintResult {
  /** Diagnostics for the Jenkinsfile and for any yamlFile it reads, Jenkinsfile first. */
  diagnostics: Diagnostic[];
  /** The text of every file a diagnostic points into, for excerpts and fixes. */
  texts: Map<string, string>;
  /** The model the rules saw, for editor features (hover, completion, navigation). */
  analysis: Analysis;
  /** Line/column conversion for each file in `texts`, built once per file. */
  lines(file: string): LineIndex;
  /** What was there to check, so that a report with no findings is not taken for more than it is. */
  checked: { pipelines: number; podTemplates: number };
  /** What ShellCheck said, when it ran (or should have and could not). */
  shellcheck?: ShellcheckOutcome;
}

export interface Analysis {
  extraction: Extraction;
  pods: ResolvedPod[];
  declarative: Declarative;
  /** Where Groovy would refuse to compile the file (JKL004). */
  syntax: SyntaxProblem[];
}

/** The model rules see: templates, steps and resolved pods (also what editor features navigate). */
export async function analyze(text: string, opts: Omit<LintOptions, 'config'> & { config?: Config }): Promise<Analysis> {
  const reader = new TokenReader(text);
  let extraction: Extraction;
  // Past MAX_TREE_CHARS the lexer's guess stands: tree-sitter's error recovery on large broken input
  // takes seconds (measured: 445 KB, 7 s), and the tree only vetoes a guess about a `/`.
  if (!reader.guessed || text.length > MAX_TREE_CHARS) extraction = extract(undefined, reader);
  else if (opts.tree) extraction = extract(await opts.tree(), reader);
  else {
    const tree = await parseGroovy(text);
    try {
      extraction = extract(tree, reader);
    } finally {
      tree?.delete();
    }
  }
  const syntax = syntaxProblems(reader);
  // Where brackets or strings do not close, the structure read from them is not the author's: the
  // Declarative checks say nothing rather than guess.
  const declarative = syntax.some((p) => p.structural) ? { problems: [], limits: [], blocks: [] } : analyzeDeclarative(reader, () => catalogFor(opts.config?.jenkins ?? {}));
  const fromRoot = opts.host.workspacePath?.(opts.file);
  const inLibrary = (fromRoot !== undefined && isLibraryPath(fromRoot)) || !!declarative.pipeline?.inLibraryCall;
  return { extraction, pods: await resolvePods(extraction, opts.file, opts.host, opts.config?.jenkins, inLibrary), declarative, syntax };
}

/**
 * The largest Jenkinsfile linted (a large real one is 100 KB). Past it only JKL005 is reported: time
 * and memory stay bounded whatever the input.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export async function lint(text: string, opts: LintOptions): Promise<LintResult> {
  // A UTF-16 unit comes from at least one byte, so this never refuses a file under the byte limit.
  if (text.length > MAX_FILE_BYTES) return lintOversized(text, text.length, 'characters', opts);
  const analysis = await analyze(text, opts);
  const shellcheck = opts.shellcheck === false ? undefined : await runShellcheck(analysis.extraction, analysis.pods, opts.file, opts.host, opts.config);
  return check(text, analysis, opts, shellcheck);
}

/** The result for a file over MAX_FILE_BYTES (`size` in `unit`); `text` is what is known of it, maybe nothing. */
export function lintOversized(text: string, size: number, unit: string, opts: LintOptions): Promise<LintResult> {
  const limit = { start: 0, end: 0, message: `This file is not checked: it is ${thousands(size)} ${unit}, over the limit of ${thousands(MAX_FILE_BYTES)}` };
  return Promise.resolve(check(text, withoutGroovy(emptyExtraction(text, [limit]), []), opts));
}

/** The analysis of input with no Groovy to read: an oversized file, or a pod YAML on its own. */
export function withoutGroovy(extraction: Extraction, pods: ResolvedPod[]): Analysis {
  return { extraction, pods, declarative: { problems: [], limits: [], blocks: [] }, syntax: [] };
}

function thousands(n: number): string {
  // Not toLocaleString: that starts ICU, 15 ms of a cold start.
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The findings of every rule on an analysis, with ShellCheck's when it ran. */
export function check(text: string, analysis: Analysis, opts: LintOptions, shellcheck?: ShellcheckOutcome): LintResult {
  const { extraction, pods } = analysis;
  const texts = new Map<string, string>([[opts.file, text]]);
  for (const p of pods) if (p.yaml && p.yaml.file !== opts.file) texts.set(p.yaml.file, p.yaml.text.text);
  const indexes = new Map<string, LineIndex>();
  const lines = (f: string) => {
    let idx = indexes.get(f);
    if (!idx) indexes.set(f, (idx = new LineIndex(texts.get(f) ?? '')));
    return idx;
  };
  const directives = collectDirectives(extraction, pods, opts.file, lines);
  const shellcheckRan = !!shellcheck && !shellcheck.error;
  const run = (phase: Rule['phase']) => runRules(rulesOn(opts.config, phase), { extraction, pods, declarative: analysis.declarative, syntax: analysis.syntax, directives, shellcheckRan, textOf: (f) => texts.get(f) }, opts);
  const scripts = (shellcheck?.findings ?? []).filter((f) => opts.config.rules[f.code] !== 'off');
  const kept = applyDirectives(toDiagnostics([...run(undefined), ...scripts], lines, opts.config), directives, opts.file);
  const diagnostics = [...kept, ...toDiagnostics(run('suppressions'), lines, opts.config)];
  // One pod per pod template (and one for a pod YAML file linted on its own).
  const checked = { pipelines: extraction.blocks.filter((b) => b.kind === 'pipeline').length, podTemplates: pods.length };
  return { diagnostics: sortDiagnostics(diagnostics, [...texts.keys()]), texts, analysis, lines, checked, ...(shellcheck ? { shellcheck } : {}) };
}

const enabled = new WeakMap<Config['rules'], Map<Rule['phase'], Rule[]>>();
/** The rules of a phase the configuration leaves on (kept per configuration: a lookup per rule per file was 1% of a lint). */
function rulesOn(config: Config, phase: Rule['phase']): Rule[] {
  let byPhase = enabled.get(config.rules);
  if (!byPhase) enabled.set(config.rules, (byPhase = new Map()));
  let rules = byPhase.get(phase);
  if (!rules) byPhase.set(phase, (rules = RULES.filter((r) => r.phase === phase && config.rules[r.code] !== 'off')));
  return rules;
}

function runRules(rules: Rule[], model: Pick<RuleContext, 'extraction' | 'pods' | 'declarative' | 'syntax' | 'directives' | 'shellcheckRan' | 'textOf'>, opts: LintOptions): Finding[] {
  const findings: Finding[] = [];
  const byTemplate = new Map<PodTemplate, ResolvedPod>(model.pods.map((p) => [p.template, p]));
  let current: Rule | undefined;
  // One context for all rules (a fresh spread object per rule measured a fifth of the corpus lint time).
  const ctx: RuleContext = {
    extraction: model.extraction,
    pods: model.pods,
    declarative: model.declarative,
    syntax: model.syntax,
    directives: model.directives,
    shellcheckRan: model.shellcheckRan,
    textOf: model.textOf,
    libraryGlobals: () => opts.host.libraryGlobals?.(opts.file) ?? [],
    file: opts.file,
    podOf: (t) => byTemplate.get(t),
    config: opts.config,
    report: (f) => {
      // A finding must say where it is; one that does not is the rule's bug, reported as such.
      if (!f.loc || f.related?.some((r) => !r.loc) || f.fix?.edits.some((e) => !e.loc)) throw new Error('reported a finding without a location');
      const { fix, ...rest } = f;
      const written = fix && inSourceForm(fix, model.extraction, opts.file);
      findings.push({ ...rest, ...(written ? { fix: written } : {}), code: current!.code });
    },
  };
  for (const rule of rules) {
    current = rule;
    try {
      rule.check(ctx);
    } catch (e) {
      // A crashing rule must not take the others down.
      findings.push({
        code: rule.code,
        severity: 'error',
        loc: { file: opts.file, start: 0, end: 0 },
        message: `Internal error in rule ${rule.code} (${rule.name}): ${(e as Error).message}; please report this`,
      });
    }
  }
  return findings;
}

/**
 * A fix as it must be written in the Jenkinsfile: text that lands inside a Groovy string is escaped
 * for that string's form. A fix with an edit that straddles a string's edge is dropped: it cannot
 * be written safely.
 */
function inSourceForm(fix: NonNullable<Finding['fix']>, ex: Extraction, file: string): Finding['fix'] | undefined {
  const edits = [];
  for (const e of fix.edits) {
    if (e.loc.file !== file || e.verbatim) {
      edits.push(e);
      continue;
    }
    const where = ex.stringAt(e.loc.start, e.loc.end);
    if (where === 'straddles') return undefined;
    edits.push(where === 'code' ? e : { ...e, newText: escapeForString(where.quote, e.newText) });
  }
  return { ...fix, edits };
}

let defaults: Map<string, Severity> | undefined;
/** A rule's own severity (built once: per lint it was a tenth of a small file's time). */
function defaultSeverity(code: string): Severity {
  defaults ??= new Map(RULES.map((r) => [r.code, r.severity]));
  return defaults.get(code) ?? 'error';
}

function toDiagnostics(findings: Finding[], lines: (file: string) => LineIndex, config: Config): Diagnostic[] {
  const range = (loc: Loc): Range => {
    const idx = lines(loc.file);
    return { start: idx.position(loc.start), end: idx.position(loc.end) };
  };
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const key = `${f.code}\0${f.loc.file}\0${f.loc.start}\0${f.loc.end}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const configured = config.rules[f.code];
    const severity = configured && configured !== 'off' ? configured : (f.severity ?? defaultSeverity(f.code));
    out.push({
      code: f.code,
      source: 'jenkinsfile-lint',
      severity,
      message: f.message,
      file: f.loc.file,
      range: range(f.loc),
      href: f.code.startsWith('SC') ? `${SHELLCHECK_WIKI}${f.code}` : `${DOCS_BASE}${f.code}.md`,
      ...(f.related?.length ? { related: f.related.map((r) => ({ file: r.loc.file, range: range(r.loc), message: r.message })) } : {}),
      ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => ({ file: e.loc.file, start: e.loc.start, end: e.loc.end, range: range(e.loc), newText: e.newText })), safe: f.fix.safe } } : {}),
    });
  }
  return out;
}

function sortDiagnostics(diags: Diagnostic[], fileOrder: string[]): Diagnostic[] {
  return diags.sort(
    (a, b) =>
      fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      // Plain code-unit order: localeCompare would start ICU's collator (~15 ms of a cold start).
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

