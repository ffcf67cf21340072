// Finds pod templates and the steps that use them. The token reader reads each call's name,
// arguments and body, because the grammar fails on real Jenkinsfiles (`cloud env.X`,
// `yaml """…""".stripIndent()`, `podRetention onFailure()`, `agent any`); tree-sitter arbitrates
// only where the lexer had to guess whether a `/` starts a string.

import type { Tree } from '../parse/parser.js';
import type { StringQuote } from '../parse/lexer.js';
import { callsIn } from './code-calls.js';
import { runContexts } from './run-context.js';
import type { AgentScope, ContainerStep, Extraction, NodeStep, PodLabelRef, PodTemplate, ShellStep, Span, TemplateOption } from './model.js';
import { MAX_NESTING, TokenReader, type Call, type Value } from './reader.js';
import { innermostContaining } from './spans.js';

/** Read for what step scripts do (scripts/): the steps besides shells whose strings Jenkins checks for secrets, and withCredentials. */
const OTHER_STEPS = ['echo', 'writeFile', 'withCredentials'] as const;
const CALL_NAMES = new Set(['pipeline', 'stage', 'agent', 'kubernetes', 'podTemplate', 'container', 'node', 'sh', 'bat', 'powershell', 'pwsh', ...OTHER_STEPS]);
/** Each call name's slot in Located.up. */
const NAME_SLOT = new Map([...CALL_NAMES].map((name, i) => [name, i]));
/** Scripted templates nest two or three deep in practice; past this, inheritance is not followed. */
export const MAX_TEMPLATE_NESTING = 20;
const SHELL_STEPS = new Set(['sh', 'bat', 'powershell', 'pwsh']);
/** Receivers through which shared-library classes call steps (`steps.podTemplate(…)`). */
export const STEP_RECEIVERS = new Set(['steps', 'script', 'this']);

interface Located {
  call: Call;
  parent?: Located;
  /**
   * The nearest enclosing call of each name (by NAME_SLOT), so that no lookup walks the whole chain
   * of parents. An array: the object spread it was made with cost 2% of a large file's lint.
   */
  up: ReadonlyArray<Located | undefined>;
}

export function extract(tree: Tree | undefined, reader: TokenReader): Extraction {
  const calls = findCalls(tree, reader);
  const templates: PodTemplate[] = [];
  const scopes: AgentScope[] = [];
  const byCall = new Map<Call, PodTemplate>();
  const nesting = new Map<PodTemplate, number>();
  const limits: Extraction['limits'] = reader.tooDeep.map((s) => ({ ...s, message: `Nested more than ${MAX_NESTING} levels deep: the linter does not read inside, so nothing in it is checked` }));

  /** The innermost enclosing call with one of these names. */
  const enclosing = (l: Located, names: string[]): Located | undefined => {
    let best: Located | undefined;
    for (const name of names) {
      const u = l.up[NAME_SLOT.get(name)!];
      if (u && (!best || u.call.start > best.call.start)) best = u;
    }
    return best;
  };

  const kubernetesAgents = new Set(calls.filter((c) => c.call.name === 'kubernetes').map((c) => c.parent));
  for (const l of calls) {
    const { call } = l;
    if (call.name === 'agent') {
      const owner = enclosing(l, ['stage', 'pipeline']);
      const span = owner ? owner.call : { start: 0, end: reader.src.length };
      if (!kubernetesAgents.has(l)) scopes.push({ span: { start: span.start, end: span.end } });
      continue;
    }
    if (call.name === 'kubernetes' && l.parent?.call.name === 'agent') {
      const owner = enclosing(l.parent, ['stage', 'pipeline']);
      const scope = owner ? spanOf(owner.call) : { start: 0, end: reader.src.length };
      const t: PodTemplate = { id: templates.length, kind: 'declarative', call, options: declarativeOptions(reader, call), scope };
      templates.push(t);
      byCall.set(call, t);
      scopes.push({ span: scope, template: t });
      continue;
    }
    if (call.name === 'podTemplate' && (call.closure || withoutBody(call))) {
      const outer = enclosing(l, ['podTemplate']);
      const parent = outer && byCall.get(outer.call);
      const depth = parent ? (nesting.get(parent) ?? 0) + 1 : 0;
      const tooDeep = depth > MAX_TEMPLATE_NESTING;
      if (tooDeep && !(parent && nesting.get(parent)! > MAX_TEMPLATE_NESTING)) {
        limits.push({ start: call.nameSpan.start, end: call.nameSpan.end, message: `podTemplate nested more than ${MAX_TEMPLATE_NESTING} levels deep: what it inherits from the templates around it is not followed` });
      }
      const t: PodTemplate = {
        id: templates.length,
        kind: 'scripted',
        call,
        options: scriptedOptions(call),
        scope: call.closure ? spanOf(call.closure) : { start: call.end, end: call.end },
        ...(parent && !tooDeep ? { parent } : {}),
        ...(tooDeep ? { inheritanceNotFollowed: true } : {}),
        ...(call.closure ? {} : { noBody: true }),
      };
      nesting.set(t, depth);
      templates.push(t);
      byCall.set(call, t);
      if (!t.noBody) scopes.push({ span: t.scope, template: t });
    }
  }

  // node(…) inside a podTemplate body runs on that pod only when given POD_LABEL or the template's label.
  const nodes: NodeStep[] = [];
  const nodeCalls = calls.filter((l) => l.call.name === 'node');
  const nodeScopes = innermostScopes(scopes, nodeCalls.map((l) => l.call.start));
  for (const [k, l] of nodeCalls.entries()) {
    const t = nodeScopes[k]?.template;
    const label = argument(l.call, 'label', 0);
    const on = t?.kind === 'scripted' ? runsOn(l.call, t) : undefined;
    nodes.push({ call: l.call, ...(label ? { label } : {}), ...(t?.kind === 'scripted' ? { template: t } : {}), ...(on ? { runsOn: on } : {}) });
    if (!t || t.kind !== 'scripted' || !l.call.closure || on === t) continue;
    scopes.push({ span: spanOf(l.call.closure), ...(on ? { template: on } : {}) });
  }

  const containerCalls = calls.filter((l) => l.call.name === 'container');
  const shellCalls = calls.filter((l) => SHELL_STEPS.has(l.call.name));
  const stepScopes = innermostScopes(scopes, [...containerCalls, ...shellCalls].map((l) => l.call.start));
  const containers: ContainerStep[] = [];
  const containerOf = new Map<Call, ContainerStep>();
  for (const [k, l] of containerCalls.entries()) {
    const name = argument(l.call, 'name', 0);
    const template = stepScopes[k]?.template;
    const step: ContainerStep = { call: l.call, ...(name ? { name } : {}), ...(template ? { template } : {}) };
    containers.push(step);
    containerOf.set(l.call, step);
  }

  const shells: ShellStep[] = [];
  for (const [k, l] of shellCalls.entries()) {
    const script = argument(l.call, 'script', 0);
    const template = stepScopes[containerCalls.length + k]?.template;
    const c = enclosing(l, ['container']);
    shells.push({
      call: l.call,
      step: l.call.name,
      ...(script ? { script } : {}),
      ...(template ? { template } : {}),
      ...(c && containerOf.has(c.call) ? { container: containerOf.get(c.call)! } : {}),
    });
  }

  const variables = collectAssignments(reader);
  return {
    source: reader.src,
    limits,
    comments: reader.comments.map((c) => ({ start: c.start, end: c.end })),
    templates,
    containers,
    shells,
    nodes,
    blocks: calls
      .filter((l) => (l.call.name === 'pipeline' || l.call.name === 'stage') && l.call.closure)
      .map((l) => {
        const name = argument(l.call, 'name', 0);
        return { kind: l.call.name as 'pipeline' | 'stage', call: l.call, ...(name?.kind === 'string' ? { name: name.text.text } : {}) };
      }),
    callsNamed: (name) => calls.filter((l) => l.call.name === name).map((l) => l.call),
    podLabelRefs: podLabelRefs(reader),
    callsIn: (call) => (call.closure ? callsIn(reader, call.closure) : []),
    statements: (call) => (call.closure ? reader.statements(call.closure) : []),
    stringAt: (start, end) => stringAt(reader, start, end),
    resolveVariable(name, offset) {
      const list = variables.get(name);
      if (!list) return undefined;
      let found: Value | undefined;
      for (const a of list) if (a.at < offset) found = a.value;
      return found;
    },
  };
}

function spanOf(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** For each offset, the innermost scope containing it (the smallest; of equal ones, the first found). */
function innermostScopes(scopes: AgentScope[], offsets: number[]): Array<AgentScope | undefined> {
  return innermostContaining(scopes, (s) => s.span, offsets);
}

/**
 * The template, t or one around it, whose pod a node(…) inside t runs on: the one its label names.
 * POD_LABEL names the innermost template without a label of its own (one with a label does not
 * set it); a variable or an interpolation is assumed to name t, the common case.
 */
function runsOn(node: Call, t: PodTemplate): PodTemplate | undefined {
  const arg = argument(node, 'label', 0);
  if (!arg) return undefined;
  if (arg.kind === 'ident' && arg.name === 'POD_LABEL') {
    for (let c: PodTemplate | undefined = t; c; c = c.parent) if (!c.options.has('label')) return c;
    return t; // POD_LABEL is undefined there, which JKL211 reports
  }
  if (arg.kind !== 'string' || arg.text.placeholders.length) return t;
  const wanted = arg.text.text.trim();
  for (let c: PodTemplate | undefined = t; c; c = c.parent) if (labelMayBe(c, wanted)) return c;
  return undefined;
}

/** Can node(wanted) take this template? Its label may list several, space-separated; a dynamic one may be anything. */
function labelMayBe(t: PodTemplate, wanted: string): boolean {
  const label = t.options.get('label')?.value;
  if (!label) return false; // a generated label, which no string written in the file names
  if (label.kind !== 'string' || label.text.placeholders.length) return true;
  return label.text.text.split(/\s+/).includes(wanted);
}

/** `podTemplate(…)` with no body: no closure, and no positional argument that could hold one. */
function withoutBody(call: Call): boolean {
  return call.args.every((a) => a.name || ['string', 'number', 'bool', 'null', 'list', 'map'].includes(a.value.kind));
}

function podLabelRefs(reader: TokenReader): PodLabelRef[] {
  const at: number[] = [];
  reader.tokens.forEach((t, i) => {
    if (t.kind === 'ident' && t.text === 'POD_LABEL') at.push(i);
  });
  const contexts = runContexts(reader, at);
  return at.map((i, k) => {
    const t = reader.tokens[i]!;
    const { deferred, inClosureOf } = contexts[k]!;
    return { start: t.start, end: t.end, ...(inClosureOf ? { inClosureOf } : {}), ...(deferred ? { deferred: true as const } : {}) };
  });
}

/** A call's argument by name, or by position among the unnamed ones. */
export function argument(call: Call, name: string, position: number): Value | undefined {
  const named = call.args.find((a) => a.name?.text === name);
  if (named) return named.value;
  const positional = call.args.filter((a) => !a.name);
  return positional[position]?.value;
}

/** Declarative options: each statement in `kubernetes { … }` is `key value` or `key { … }`. */
function declarativeOptions(reader: TokenReader, call: Call): Map<string, TemplateOption> {
  const options = new Map<string, TemplateOption>();
  if (!call.closure) return options;
  for (const st of reader.statements(call.closure)) {
    const first = st.args[0];
    options.set(st.name, { key: st.name, keySpan: st.nameSpan, call: st, ...(first && !first.name ? { value: first.value } : {}) });
  }
  return options;
}

/** Scripted options: the named arguments of `podTemplate(…)`. */
function scriptedOptions(call: Call): Map<string, TemplateOption> {
  const options = new Map<string, TemplateOption>();
  for (const a of call.args) {
    if (!a.name) continue;
    options.set(a.name.text, { key: a.name.text, keySpan: { start: a.name.start, end: a.name.end }, value: a.value, call });
  }
  return options;
}

/** Where tree-sitter puts text that is not code. */
const NOT_CODE = new Set(['string_literal', 'character_literal', 'string_fragment', 'multiline_string_fragment', 'line_comment', 'block_comment']);

/**
 * Token indexes of candidate call names: every identifier the lexer read with an interesting name.
 * When the lexer had to guess where a string ends, the tree (given then) vetoes the candidates it
 * places inside a string or comment. It vetoes nothing else: in the corpus its only other
 * disagreements were wrong (`agent any` read as a declaration of a variable `any` of type `agent`),
 * and inside ERROR regions it may have no identifier nodes at all.
 */
function candidates(tree: Tree | undefined, reader: TokenReader): number[] {
  const out: number[] = [];
  const notCode = tree ? new NotCode(tree) : undefined;
  reader.tokens.forEach((t, i) => {
    if (t.kind !== 'ident' || !CALL_NAMES.has(t.text)) return;
    if (notCode?.covers(t.start)) return;
    out.push(i);
  });
  return out;
}

/**
 * Where the tree puts strings and comments, collected in one walk of the tree (walking up from each
 * candidate instead costs depth × candidates, cubic time on nested input) and asked by binary search.
 */
class NotCode {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(tree: Tree) {
    const cursor = tree.walk();
    try {
      for (;;) {
        if (NOT_CODE.has(cursor.nodeType)) {
          // Outermost only, in order: what lies inside a string is not code either.
          this.starts.push(cursor.startIndex);
          this.ends.push(cursor.endIndex);
        } else if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
      }
    } finally {
      cursor.delete();
    }
  }

  /** Does a string or comment node cover this offset? */
  covers(offset: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.starts.length > 0 && this.starts[lo]! <= offset && offset < this.ends[lo]!;
  }
}

function findCalls(tree: Tree | undefined, reader: TokenReader): Located[] {
  // Candidates come in token order, so the calls found are sorted by where they start.
  const found: Call[] = [];
  for (const i of candidates(tree, reader)) {
    const prev = reader.tokens[i - 1];
    if (prev?.kind === 'punct' && (prev.text === '.' || prev.text === '?.')) {
      const receiver = reader.tokens[i - 2];
      if (!receiver || receiver.kind !== 'ident' || !STEP_RECEIVERS.has(receiver.text)) continue;
    }
    if (prev?.kind === 'ident' && (prev.text === 'def' || prev.text === 'void')) continue;
    const read = reader.readCall(i);
    if (read) found.push(read.call);
  }
  // Nest by containment: a call belongs to the innermost call whose body contains it.
  const out: Located[] = [];
  const stack: Located[] = [];
  for (const call of found) {
    while (stack.length && !contains(stack[stack.length - 1]!.call, call.start)) stack.pop();
    const parent = stack[stack.length - 1];
    let l: Located;
    if (parent) {
      const up = parent.up.slice();
      up[NAME_SLOT.get(parent.call.name)!] = parent;
      l = { call, parent, up };
    } else l = { call, up: NO_PARENTS };
    out.push(l);
    if (call.closure || call.end > call.nameSpan.end) stack.push(l);
  }
  return out;
}

const NO_PARENTS: ReadonlyArray<Located | undefined> = Array.from(CALL_NAMES, () => undefined);

function contains(call: Call, offset: number): boolean {
  return offset > call.nameSpan.end && offset < call.end;
}

interface Assignment {
  at: number;
  value: Value;
}

/** `def x = …`, `String x = …`, `x = …`: the values assigned to each name, in source order. */
function collectAssignments(reader: TokenReader): Map<string, Assignment[]> {
  const out = new Map<string, Assignment[]>();
  const toks = reader.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const eq = toks[i + 1]!;
    if (t.kind !== 'ident' || eq.kind !== 'punct' || eq.text !== '=') continue;
    const prev = toks[i - 1];
    if (prev?.kind === 'punct' && (prev.text === '.' || prev.text === '?.')) continue;
    const end = reader.statementEnd(i + 2);
    const value = reader.readExpression(i + 2, end);
    if (!value) continue;
    const list = out.get(t.text) ?? [];
    list.push({ at: t.start, value });
    out.set(t.text, list);
  }
  return out;
}

/** See Extraction.stringAt. */
function stringAt(reader: TokenReader, start: number, end: number): 'code' | 'straddles' | { quote: StringQuote } {
  const toks = reader.tokens;
  // The last token starting at or before `start`.
  let lo = 0;
  let hi = toks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (toks[mid]!.start <= start) lo = mid;
    else hi = mid - 1;
  }
  const t = toks[lo];
  if (t?.kind === 'string' && t.start < start && start < t.end) {
    const open = t.quote!.length;
    const close = t.unterminated ? 0 : t.quote === '$/' ? 2 : t.quote!.length;
    return start >= t.start + open && end <= t.end - close ? { quote: t.quote! } : 'straddles';
  }
  // In code (an insertion just before a string included): no string may begin inside the edited range.
  const next = toks[t && t.start < start ? lo + 1 : lo];
  return next?.kind === 'string' && next.start < end ? 'straddles' : 'code';
}

/** The extraction of a file that is not read (over the size limit): nothing but the limits. */
export function emptyExtraction(source: string, limits: Extraction['limits']): Extraction {
  return {
    source,
    limits,
    comments: [],
    templates: [],
    containers: [],
    shells: [],
    nodes: [],
    blocks: [],
    podLabelRefs: [],
    callsIn: () => [],
    callsNamed: () => [],
    resolveVariable: () => undefined,
    statements: () => [],
    stringAt: () => 'straddles',
  };
}
