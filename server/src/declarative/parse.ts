// Builds the Declarative model from the Groovy statements, as Jenkins' ModelParser does, reporting
// what it reports while it reads (parse-time errors). The validator (validate.ts) then checks the
// model. Source: pipeline-model-definition/src/main/groovy/…/parser/ModelParser.groovy and
// ASTParserUtils.groovy, jenkinsci/pipeline-model-definition-plugin @ 42c9dc3e.

import type { TokenReader } from '../extract/reader.js';
import { argCount, callOf, lastArg, groovyArgs, GroovyReader, stringLiteral, thisMethodName, type Body, type Entry, type Expr, type GCall, type Span, type Statement } from './groovy.js';
import type { MessageKey } from './messages.js';
import type {
  Agent,
  Block,
  BlockKind,
  ArgList,
  Axis,
  Branch,
  ClosureMap,
  Environment,
  Input,
  Libraries,
  Matrix,
  MethodArg,
  MethodCall,
  Options,
  Pipeline,
  Post,
  SectionRef,
  Stage,
  Stages,
  Step,
  Tools,
  Value,
  When,
  WhenCondition,
} from './model.js';
import { suggest } from '../schema/validate-pod.js';
import { sectionNames } from './sections.js';
import { Problems, type Group, type Problem } from './problems.js';
import { pushAll } from '../core/push-all.js';

/** Agent types that take no parameters (`agent any`); Jenkins falls back on these outside Jenkins too. */
const ZERO_ARG_AGENTS = new Set(['any', 'none']);

export interface Parsed {
  pipeline?: Pipeline;
  problems: Problems;
  blocks: Block[];
  /** Blocks nested too deep to read (JKL005). */
  limits: Span[];
}

/** Finds the pipeline Jenkins would run and reads it; scripted files yield no pipeline. */
export function parseDeclarative(reader: TokenReader): Parsed {
  const g = new GroovyReader(reader);
  const problems = new Problems(reader.src);
  const p = new Parser(g, problems);
  const top = g.statementsIn(0, reader.tokens.length);
  const first = top.find(isPipelineStep);
  if (first) return { pipeline: p.pipeline(first, false), problems, limits: p.limits, blocks: p.blocks };
  // A shared library's `def call(…) { … pipeline { agent …; stages … } … }`.
  const inCall = pipelineInCallMethod(g, top);
  if (inCall) return { pipeline: p.pipeline(inCall, true), problems, limits: p.limits, blocks: p.blocks };
  // Only a file with the word in it can hold a nested pipeline block: most scripted files are not walked.
  if (reader.tokens.some((t) => t.kind === 'ident' && t.text === 'pipeline')) for (const s of top) p.checkNested(s);
  return { problems, limits: p.limits, blocks: p.blocks };
}

/** A `pipeline { }` call on implicit this whose only argument is its closure. */
function isPipelineStep(s: Statement): boolean {
  const c = callOf(s);
  return !!c && thisMethodName(c) === 'pipeline' && argCount(c) === 1 && blockOf(c) !== undefined;
}

/** The last argument of a call on implicit this, when it is a closure (Jenkins' matchBlockStatement). */
function blockOf(c: GCall | undefined): Body | undefined {
  if (!c || thisMethodName(c) === undefined) return undefined;
  const last = lastArg(c);
  return last?.kind === 'closure' ? last.body : undefined;
}

function pipelineInCallMethod(g: GroovyReader, top: Statement[]): Statement | undefined {
  for (const s of top) {
    if (s.expr) continue;
    // `def call(…) { … }` (or a typed one): find `call (` then the body's braces.
    let i = g.reader.indexAt(s.start);
    const end = g.reader.indexAt(s.end - 1);
    while (i >= 0 && i < end && !(g.token(i)?.kind === 'ident' && g.token(i)!.text === 'call' && g.isPunct(i + 1, '('))) i++;
    if (i < 0 || i >= end) continue;
    const bodyOpen = g.reader.closerOf(i + 1) + 1;
    if (!g.isPunct(bodyOpen, '{')) continue;
    const bodyClose = g.reader.closerOf(bodyOpen);
    // PipelineStepFinder visits every statement of the method, however nested.
    for (let k = bodyOpen + 1; k < bodyClose; k++) {
      const t = g.token(k)!;
      if (t.kind !== 'ident' || t.text !== 'pipeline' || g.isPunct(k - 1, '.')) continue;
      const [st] = g.statementsIn(k, bodyClose);
      const block = blockOf(callOf(st));
      if (st && isPipelineStep(st) && block) {
        const names = g.statements(block).map((x) => callOf(x) && thisMethodName(callOf(x)!));
        if (names.includes('agent') && names.includes('stages')) return st;
      }
    }
  }
  return undefined;
}

/** Blocks are read this many levels deep (real pipelines nest a few); deeper ones are not read. */
const MAX_BLOCK_DEPTH = 100;

class Parser {
  private depth = 0;
  /** What was too deeply nested to read. */
  readonly limits: Span[] = [];
  /** Every block read, with what it holds: the editor's context for completion, hover and folding. */
  readonly blocks: Block[] = [];

  constructor(
    private readonly g: GroovyReader,
    private readonly problems: Problems,
  ) {}

  private err(group: Group, at: Span, key: MessageKey, ...args: Array<string | number | readonly string[]>): Problem {
    return this.problems.add(group, at, key, ...args);
  }

  /**
   * An unknown section name close to a known one, written as that section is (a block; a value for
   * agent and failFast): the problem gets a fix that renames it. `stage('x') { }` where a `stages`
   * block belongs is no typo of `stages`, and gets none.
   */
  private didYouMean(p: Problem, c: GCall, known: readonly string[]): void {
    const name = c.name ?? '';
    const close = suggest(name, known);
    const blockOnly = argCount(c) === 1 && blockOf(c) !== undefined;
    if (!close || close === name || !(blockOnly || close === 'agent' || close === 'failFast')) return;
    p.fix = { title: `Rename to "${close}"`, edits: [{ ...c.nameSpan, newText: close }], safe: false };
  }

  /** Source text of a node as Jenkins quotes it in messages: its lines, trimmed. */
  private src(s: Span): string {
    return quoted(this.g, s);
  }

  /** Where errors about a statement are anchored: its start to the end of its head. */
  private anchor(s: Statement): Span {
    const c = callOf(s);
    return { start: s.start, end: c ? c.headEnd : s.end };
  }

  /** Notes a block for the editor, with its kind (fields written out: a spread per block was slower). */
  private note(kind: BlockKind, b: Body): void {
    this.blocks.push({ kind, open: b.open, close: b.close, start: b.start, end: b.end });
  }

  /** The block a section statement opens (its trailing closure), noted with its kind. */
  private open(kind: BlockKind, s: Statement): Body | undefined {
    const body = blockOf(callOf(s));
    if (body) this.note(kind, body);
    return body;
  }

  /** checkForNestedPipelineStep: a pipeline block inside another block (walked without recursion). */
  checkNested(top: Statement): void {
    const stack = [top];
    while (stack.length) {
      const s = stack.pop()!;
      const c = callOf(s);
      const body = blockOf(c);
      if (!body) continue;
      if (thisMethodName(c!) === 'pipeline') this.err('pipeline', this.anchor(s), 'ModelParser.PipelineBlockNotAtTop', 'pipeline');
      pushAll(stack, this.g.statements(body).reverse());
    }
  }

  /**
   * Reads what nests (stages in stages, block steps, when conditions, agent options) one level
   * deeper; past MAX_BLOCK_DEPTH it is not read, and the span is noted for JKL005.
   */
  private nested<T>(at: Span, read: () => T, skipped: T): T {
    if (this.depth >= MAX_BLOCK_DEPTH) {
      this.limits.push({ start: at.start, end: at.end });
      return skipped;
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** parseMethodName: the name of a call on implicit this, else an error and the name `error`. */
  private methodName(c: GCall, at: Span, group: Group): string {
    const name = thisMethodName(c);
    if (name !== undefined) return name;
    this.err(group, at, c.receiver?.kind === 'var' ? 'ModelParser.ObjectMethodCall' : 'ModelParser.ExpectedSymbol');
    return 'error';
  }

  pipeline(s: Statement, inLibraryCall: boolean): Pipeline {
    const p: Pipeline = { start: s.start, end: s.end, anchor: this.anchor(s), statement: s, sections: [], inLibraryCall };
    const seen = new Set<string>();
    for (const st of this.g.statements(this.open('pipeline', s)!)) {
      const mc = callOf(st);
      const at = this.anchor(st);
      if (!mc) {
        this.err('pipeline', at, 'ModelParser.InvalidSectionDefinition', this.src(st));
        continue;
      }
      const name = this.methodName(mc, at, 'pipeline');
      p.sections.push({ name, anchor: at, span: { start: st.start, end: st.end } });
      if (seen.has(name)) this.err('pipeline', at, 'Parser.MultipleOfSection', name);
      seen.add(name);
      switch (name) {
        case 'stages':
          p.stages = this.stages(st, false);
          break;
        case 'environment':
          p.environment = this.environment(st);
          break;
        case 'post':
          p.post = this.post(st);
          break;
        case 'agent':
          p.agent = this.agent(st);
          break;
        case 'tools':
          p.tools = this.tools(st);
          break;
        case 'options':
          p.options = this.directives(st, 'options', false);
          break;
        case 'parameters':
          p.parameters = this.directives(st, 'parameters', false);
          break;
        case 'triggers':
          p.triggers = this.directives(st, 'triggers', false);
          break;
        case 'libraries':
          p.libraries = this.libraries(st);
          break;
        case 'properties':
          this.err('pipeline', at, 'ModelParser.RenamedProperties');
          break;
        case 'wrappers':
          this.err('pipeline', at, 'Wrappers');
          break;
        case 'jobProperties':
          this.err('pipeline', at, 'ModelParser.RenamedJobProperties');
          break;
        case 'notifications':
          this.err('pipeline', at, 'ModelParser.RenamedNotifications');
          break;
        case 'postBuild':
          this.err('pipeline', at, 'ModelParser.RenamedPostBuild');
          break;
        default:
          this.didYouMean(this.err('pipeline', at, 'Parser.UndefinedSection', name), mc, PIPELINE_SECTIONS);
      }
    }
    return p;
  }

  private stages(s: Statement, parallel: boolean): Stages {
    const r: Stages = { start: s.start, end: s.end, anchor: this.anchor(s), stages: [], parallel };
    const body = this.open(parallel ? 'parallel' : 'stages', s);
    if (!body) {
      this.err('stage', r.anchor, 'ModelParser.ExpectedBlockFor', parallel ? 'parallel' : 'stages');
      return r;
    }
    for (const st of this.g.statements(body)) {
      const stage = this.nested(st, () => this.stage(st), undefined);
      if (stage) r.stages.push(stage);
    }
    return r;
  }

  private stage(s: Statement): Stage | undefined {
    const at = this.anchor(s);
    const c = callOf(s);
    if (!blockOf(c) || thisMethodName(c!) !== 'stage') {
      this.err('stage', at, 'ModelParser.ExpectedStage');
      return undefined;
    }
    const args = groovyArgs(c!);
    const nameExpr = args[0]!;
    const stage: Stage = { start: s.start, end: s.end, anchor: at, name: this.stringLiteral(nameExpr, 'stage'), nameSpan: { start: nameExpr.start, end: nameExpr.end }, branches: [], sections: [] };
    const bodyExpr = args[1];
    if (bodyExpr?.kind !== 'closure') {
      this.err('stage', at, 'ModelParser.StageWithoutBlock');
      return stage;
    }
    const seen = new Set<string>();
    this.note('stage', bodyExpr.body);
    const statements = this.g.statements(bodyExpr.body);
    const bare = this.bareSteps(statements);
    for (const st of statements) {
      const mc = callOf(st);
      const sat = this.anchor(st);
      if (!mc) {
        this.err('stage', at, 'ModelParser.InvalidStageSectionDefinition', this.src(st));
        continue;
      }
      const name = this.methodName(mc, sat, 'stage');
      stage.sections.push({ name, anchor: sat, span: { start: st.start, end: st.end } });
      if (seen.has(name)) this.err('stage', at, 'Parser.MultipleOfSection', name);
      seen.add(name);
      switch (name) {
        case 'agent':
          stage.agent = this.agent(st);
          break;
        case 'when':
          stage.when = this.when(st);
          break;
        case 'steps':
          this.steps(st, stage);
          break;
        case 'post':
          stage.post = this.post(st);
          break;
        case 'options':
          stage.options = this.directives(st, 'options', true);
          break;
        case 'input':
          stage.input = this.input(st);
          break;
        case 'tools':
          stage.tools = this.tools(st);
          break;
        case 'environment':
          stage.environment = this.environment(st);
          break;
        case 'parallel':
          stage.parallel = this.stages(st, true);
          break;
        case 'matrix':
          stage.matrix = this.matrix(st);
          break;
        case 'failFast': {
          const b = this.booleanMethod(mc, 'stage');
          if (b !== undefined) stage.failFast = b;
          break;
        }
        case 'stages':
          stage.stages = this.stages(st, false);
          break;
        default: {
          const p = this.err('stage', at, 'ModelParser.UnknownStageSection', name);
          if (bare?.statements.includes(st)) p.fix = bare.fix;
          else this.didYouMean(p, mc, STAGE_SECTIONS);
        }
      }
    }
    return stage;
  }

  /**
   * Steps written straight into a stage (`stage('x') { sh 'make' }`): when the stage has no steps
   * section and they sit together, a fix wraps them in `steps { }`.
   */
  private bareSteps(statements: Statement[]): { statements: Statement[]; fix: NonNullable<Problem['fix']> } | undefined {
    const names = statements.map((st) => callOf(st) && thisMethodName(callOf(st)!));
    if (names.includes('steps')) return undefined;
    // A stage written inside a stage wants a stages { } block, not steps { }.
    const isBare = (n: string | undefined) => n !== undefined && n !== 'stage' && !STAGE_SECTIONS.includes(n) && !suggest(n, STAGE_SECTIONS);
    const first = names.findIndex(isBare);
    if (first < 0) return undefined;
    let last = first;
    while (last + 1 < names.length && isBare(names[last + 1])) last++;
    if (names.slice(last + 1).some(isBare)) return undefined;
    const run = statements.slice(first, last + 1);
    const start = run[0]!.start;
    const lineStart = Math.max(this.g.reader.src.lastIndexOf('\n', start - 1), this.g.reader.src.lastIndexOf('\r', start - 1)) + 1;
    const indent = /^[ \t]*/.exec(this.g.reader.src.slice(lineStart))![0];
    const step = indent.includes('\t') ? '\t' : '  ';
    return {
      statements: run,
      // Safe: the same statements run, in the block Jenkins requires them in.
      fix: { title: 'Wrap the steps in steps { }', edits: [{ start, end: start, newText: `steps {\n${indent}${step}` }, { start: run[run.length - 1]!.end, end: run[run.length - 1]!.end, newText: `\n${indent}}` }], safe: true },
    };
  }

  /** `steps { … }`: one branch, or the branches of a scripted parallel as its only statement. */
  private steps(s: Statement, stage: Stage): void {
    const body = this.open('steps', s);
    stage.stepsAnchor = this.anchor(s);
    if (!body) {
      // Jenkins' parser dereferences the missing block and fails with a NullPointerException.
      this.problems.addOwn('stage', this.anchor(s), '"steps" needs a block: steps { … }. Jenkins fails to compile the file (NullPointerException in its parser)');
      return;
    }
    const statements = this.g.statements(body);
    if (statements.length === 1) {
      const parallel = this.scriptedParallel(statements[0]!);
      if (parallel) {
        for (const b of parallel.branches) stage.branches.push(this.branch(b.name, b.body));
        if (parallel.failFast !== undefined) stage.failFast = parallel.failFast;
        return;
      }
      if (stage.branches.length) return;
    }
    stage.branches.push(this.branch('default', body, statements));
  }

  /** matchParallel: `parallel(a: { … }, b: { … }, failFast: true)`; undefined when the statement is no parallel call. */
  private scriptedParallel(s: Statement): { branches: Array<{ name: string; body: Body }>; failFast?: boolean } | undefined {
    const c = callOf(s);
    if (!c || thisMethodName(c) !== 'parallel') return undefined;
    const out: { branches: Array<{ name: string; body: Body }>; failFast?: boolean } = { branches: [] };
    // Only named arguments, and nothing else, make branches (a variable or a map literal gives none).
    if (argCount(c) !== 1 || !c.named.length) return out;
    for (const e of c.named) {
      const key = stringLiteral(e.key);
      if (key === 'failFast') {
        if (e.value.kind !== 'bool') this.err('steps', e.key, 'ModelParser.ExpectedBoolean', 'failFast');
        else out.failFast = e.value.value;
      } else if (e.value.kind !== 'closure') this.err('steps', e.key, 'ModelParser.ExpectedClosureOrFailFast');
      else out.branches.push({ name: this.stringLiteral(e.key, 'steps'), body: e.value.body });
    }
    return out;
  }

  private branch(name: string, body: Body, statements = this.g.statements(body)): Branch {
    return { name, start: body.start, end: body.end, steps: statements.map((st) => this.step(st)) };
  }

  private step(s: Statement): Step {
    const anchor = this.anchor(s);
    const c = callOf(s);
    // Written out rather than spread from a common part: one allocation per step of a large file, not three.
    const { start, end } = s;
    if (!c) {
      this.err('steps', anchor, 'ModelParser.ExpectedStep');
      return { start, end, anchor, name: '', args: { kind: 'named', entries: [] } };
    }
    const name = this.methodName(c, anchor, 'steps');
    const block = blockOf(c);
    if (name === 'script' || name === 'expression') {
      if (block) this.note('script', block);
      if (!block) this.err(name === 'script' ? 'steps' : 'when', anchor, 'ModelParser.StepWithoutBlock', name === 'script' ? 'Script' : 'When');
      const args: ArgList = { kind: 'named', entries: [] };
      return block ? { start, end, anchor, name, call: c, args, code: block } : { start, end, anchor, name, call: c, args };
    }
    const args = groovyArgs(c);
    if (block) this.note('steps', block);
    if (block) return { start, end, anchor, name, call: c, args: this.argumentList(args.slice(0, -1)), children: this.nested(block, () => this.g.statements(block).map((st) => this.step(st)), []) };
    return { start, end, anchor, name, call: c, args: this.argumentList(args) };
  }

  /** parseArgumentList: no arguments, one map of named ones, one value, or several. */
  private argumentList(args: Expr[]): ArgList {
    if (!args.length) return { kind: 'named', entries: [] };
    if (args.length === 1) {
      const a = args[0]!;
      if (a.kind === 'map' && !a.entries.some((e) => stringLiteral(e.key) === '$class')) {
        return { kind: 'named', entries: a.entries.map((e) => ({ key: this.key(e.key, 'value'), keySpan: { start: e.key.start, end: e.key.end }, value: this.value(e.value) })) };
      }
      return { kind: 'single', value: this.value(a) };
    }
    return { kind: 'positional', values: args.map((a) => this.value(a)) };
  }

  /** parseArgument: a literal with its Java class, or Jenkins' text for anything else. */
  value(e: Expr): Value {
    switch (e.kind) {
      case 'string':
        return new StringValue(e);
      case 'bool':
        return { start: e.start, end: e.end, expr: e, literal: true, value: e.value, javaClass: 'Boolean' };
      case 'null':
        return { start: e.start, end: e.end, expr: e, literal: true, value: null };
      case 'number': {
        const n = groovyNumber(e.raw);
        if (n && n.javaClass === 'BigInteger') {
          this.err('value', e, 'ModelParser.BigIntegerValue');
          return { start: e.start, end: e.end, expr: e, literal: true, value: -1, javaClass: 'Integer' };
        }
        if (n) return { start: e.start, end: e.end, expr: e, literal: true, value: n.value, javaClass: n.javaClass };
        break;
      }
      case 'gstring':
      case 'map':
        return new SourceValue(e, this.g, false);
      case 'var':
        if (ZERO_ARG_AGENTS.has(e.name)) return { start: e.start, end: e.end, expr: e, literal: true, value: e.name, javaClass: 'String' };
        break;
    }
    if (this.g.reader.src.startsWith('${', e.start)) this.err('value', e, 'ModelParser.BareDollarCurly', this.src(e));
    return new SourceValue(e, this.g, true);
  }

  /** parseStringLiteral: a string constant or bare name; else an error and the name `error`. */
  private stringLiteral(e: Expr, group: Group): string {
    const s = stringLiteral(e);
    if (s !== undefined) return s || 'error';
    this.err(group, e, 'ModelParser.ExpectedStringLiteral');
    return 'error';
  }

  /** parseStringLiteralOrEmpty. */
  private stringLiteralOrEmpty(e: Expr, group: Group): string {
    const s = stringLiteral(e);
    if (s !== undefined) return s;
    this.err(group, e, 'ModelParser.ExpectedStringLiteral');
    return '';
  }

  /** parseKey. */
  private key(e: Expr, group: Group): string {
    return this.stringLiteral(e, group);
  }

  private booleanMethod(c: GCall, group: Group): boolean | undefined {
    const a = groovyArgs(c)[0];
    if (a?.kind !== 'bool') {
      this.err(group, c.nameSpan, 'ModelParser.ExpectedBoolean', c.name ?? 'error');
      return undefined;
    }
    return a.value;
  }

  private environment(s: Statement): Environment {
    const env: Environment = { start: s.start, end: s.end, anchor: this.anchor(s), variables: [] };
    const body = this.open('environment', s);
    if (!body) {
      this.err('environment', env.anchor, 'ModelParser.ExpectedBlockFor', 'environment');
      return env;
    }
    let notAssignments = false;
    // The names of the variables taken so far (a refused value takes none).
    const names = new Set<string>();
    for (const st of this.g.statements(body)) {
      const e = st.expr;
      if (!e) {
        notAssignments = true;
        continue;
      }
      // Assignments to a string or a difference, numbers like 123_ABC: Groovy refuses them (JKL004).
      if (e.kind === 'binary' && e.op === '=' && (e.left.kind === 'string' || e.left.kind === 'binary' || (e.left.kind === 'number' && /^\d[\d_]*_[^\d_]/.test(e.left.raw)))) {
        env.notGroovy = true;
        continue;
      }
      if (e.kind === 'binary' && e.op === '=' && !(e.left.kind === 'number' && !groovyNumber(e.left.raw))) {
        const key = this.key(e.left, 'environment');
        if (names.has(key)) {
          this.err('environment', e.left, 'ModelParser.DuplicateEnvVar', key);
          continue;
        }
        const v = this.environmentValue(e.right);
        if (v) {
          names.add(key);
          env.variables.push({ key, keySpan: { start: e.left.start, end: e.left.end }, value: v });
        }
        continue;
      }
      const text = this.src(e);
      if (text.includes('=')) this.err('environment', e, 'ModelValidatorImpl.InvalidIdentifierInEnv', text.split('=')[0]!.trim());
      else this.err('environment', e, 'ModelParser.InvalidEnvironmentIdentifier', text);
      notAssignments = true;
    }
    if (notAssignments) this.err('environment', env.anchor, 'ModelParser.ExpectedNVPairs');
    return env;
  }

  /** A variable's value: a string, a constant, a call (credentials(…) checked), or a `+` chain of those. */
  private environmentValue(e: Expr): Value | undefined {
    if (isConstant(e) || e.kind === 'gstring') return this.value(e);
    if (e.kind === 'call') {
      const c = e.call;
      if (thisMethodName(c) === 'credentials') {
        for (const a of groovyArgs(c)) if (!isConstant(a) && a.kind !== 'gstring') this.err('environment', e, 'ModelParser.InvalidInternalFunctionArg');
        return { start: e.start, end: e.end, expr: e, literal: false, value: this.src(e) };
      }
      return this.value(e);
    }
    if (e.kind === 'binary') {
      if (e.op !== '+') {
        this.err('environment', e, 'ModelParser.InvalidEnvironmentOperation');
        return undefined;
      }
      return this.concat(e) ? { start: e.start, end: e.end, expr: e, literal: false, value: this.src(e) } : undefined;
    }
    this.err('environment', e, 'ModelParser.InvalidEnvironmentValue');
    return undefined;
  }

  /** envValueForStringConcat: every operand a string or constant, every operator a `+`. */
  private concat(e: Expr & { kind: 'binary' }): boolean {
    let ok = true;
    if (e.left.kind === 'binary') {
      if (e.left.op !== '+') {
        this.err('environment', e.left, 'ModelParser.InvalidEnvironmentOperation');
        return false;
      }
      if (!this.concat(e.left)) return false;
    } else ok = this.concatOperand(e.left) && ok;
    return this.concatOperand(e.right) && ok;
  }

  private concatOperand(e: Expr): boolean {
    if (isConstant(e) || e.kind === 'gstring') {
      this.value(e);
      return true;
    }
    this.err('environment', e, 'ModelParser.InvalidEnvironmentConcatValue');
    return true;
  }

  private agent(s: Statement): Agent {
    const a: Agent = { start: s.start, end: s.end, anchor: this.anchor(s) };
    const c = callOf(s)!;
    const body = this.open('agent', s);
    if (!body) {
      const args = groovyArgs(c);
      if (!args.length) this.err('agent', a.anchor, 'ModelParser.NoArgForAgent');
      else if (args.length > 1) this.err('agent', a.anchor, 'ModelParser.InvalidAgent');
      else {
        const key = this.key(args[0]!, 'agent');
        if (!ZERO_ARG_AGENTS.has(key)) this.err('agent', a.anchor, 'ModelParser.InvalidAgent');
        else a.type = { key, span: { start: args[0]!.start, end: args[0]!.end } };
      }
      return a;
    }
    const statements = this.g.statements(body);
    if (!statements.length) this.err('agent', a.anchor, 'ModelParser.ExpectedAgent');
    else if (statements.length > 1) this.err('agent', a.anchor, 'ModelParser.OneAgentMax');
    else {
      const typeCall = callOf(statements[0]);
      if (!typeCall) this.err('agent', a.anchor, 'ModelParser.ExpectedAgent');
      else {
        const key = typeCall.name ?? this.key({ kind: 'other', ...typeCall.nameSpan }, 'agent');
        const map = this.closureMap(body);
        const v = map.entries.find((x) => x.key === key)?.value;
        // JENKINS-41118: `label { … }` is the `node` agent.
        a.type = { key: key === 'label' && v && 'entries' in v ? 'node' : key, span: typeCall.nameSpan };
        if (v && 'entries' in v) a.options = v;
        else if (v) a.single = v;
      }
    }
    return a;
  }

  /** parseClosureMap: `key value` statements, a closure value read recursively. */
  private closureMap(body: Body): ClosureMap {
    const map: ClosureMap = { start: body.start, end: body.end, entries: [] };
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      if (!c) {
        this.err('agent', body, 'ModelParser.ExpectedMapMethod');
        continue;
      }
      const key = c.name ?? this.key({ kind: 'other', ...c.nameSpan }, 'agent');
      const args = groovyArgs(c);
      if (!args.length) this.err('agent', c.nameSpan, 'ModelParser.NoArgForMapMethodKey', key);
      else if (args.length > 1) this.err('agent', c.nameSpan, 'ModelParser.TooManyArgsForMapMethodKey', key);
      else {
        const a = args[0]!;
        if (a.kind === 'closure') this.note('agentOptions', a.body);
        const value = a.kind === 'closure' ? this.nested(a.body, () => this.closureMap(a.body), undefined) : this.value(a);
        if (value) map.entries.push({ key, keySpan: c.nameSpan, value });
      }
    }
    return map;
  }

  private tools(s: Statement): Tools {
    const t: Tools = { start: s.start, end: s.end, anchor: this.anchor(s), tools: [] };
    const body = this.open('tools', s);
    if (!body) {
      this.err('directive', t.anchor, 'ModelParser.ExpectedBlockFor', 'tools');
      return t;
    }
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      if (!c) {
        this.err('directive', t.anchor, 'ModelParser.ExpectedTool');
        continue;
      }
      const key = c.name ?? this.key({ kind: 'other', ...c.nameSpan }, 'directive');
      const args = groovyArgs(c);
      if (!args.length) this.err('directive', c.nameSpan, 'ModelParser.NoArgForTool', key);
      else if (args.length > 1) this.err('directive', c.nameSpan, 'ModelParser.TooManyArgsForTool', key);
      else t.tools.push({ key, keySpan: c.nameSpan, value: this.value(args[0]!) });
    }
    return t;
  }

  /** options, triggers and parameters: method calls, no maps, no blocks. */
  private directives(s: Statement, kind: Options['kind'], inStage: boolean): Options {
    const o: Options = { start: s.start, end: s.end, anchor: this.anchor(s), kind, entries: [], inStage };
    const body = this.open(kind === 'options' && inStage ? 'stageOptions' : kind, s);
    if (!body) {
      this.err('directive', o.anchor, 'ModelParser.ExpectedBlockFor', kind);
      return o;
    }
    const label = kind === 'options' ? 'Options' : kind === 'triggers' ? 'Triggers' : 'Build parameters';
    for (const st of this.g.statements(body)) {
      const at = this.anchor(st);
      const c = callOf(st);
      if (!c) {
        if (st.expr?.kind === 'map') this.err('directive', at, 'ModelParser.MapNotAllowed', label);
        else this.err('directive', at, kind === 'options' ? 'ModelParser.ExpectedOption' : kind === 'triggers' ? 'ModelParser.ExpectedTrigger' : 'ModelParser.ExpectedBuildParameter');
        continue;
      }
      if (blockOf(c)) {
        this.err('directive', at, 'ModelParser.CannotHaveBlocks', label);
        continue;
      }
      o.entries.push(this.methodCall(c, at));
    }
    return o;
  }

  /** parseMethodCall: an options/triggers/parameters entry or a call nested in one. */
  private methodCall(c: GCall, at: Span): MethodCall {
    const name = this.methodName(c, at, 'directive');
    const m: MethodCall = { name, start: at.start, end: at.end, nameSpan: c.nameSpan, args: [] };
    const pair = (e: Entry): MethodArg | undefined => {
      const key = this.key(e.key, 'directive');
      const keySpan = { start: e.key.start, end: e.key.end };
      if (e.value.kind === 'closure') {
        this.err('directive', e, 'ModelParser.MethodCallWithClosure');
        return undefined;
      }
      const value = e.value.kind === 'call' ? this.methodCall(e.value.call, { start: e.value.start, end: e.value.call.headEnd }) : this.value(e.value);
      return { kind: 'pair', key, keySpan, value, span: { start: e.start, end: e.end } };
    };
    for (const a of groovyArgs(c)) {
      if (a.kind === 'map') {
        for (const e of a.entries) {
          const p = pair(e);
          if (p) m.args.push(p);
        }
      } else if (a.kind === 'closure') this.err('directive', at, 'ModelParser.MethodCallWithClosure');
      else if (a.kind === 'call') m.args.push({ kind: 'call', call: this.methodCall(a.call, { start: a.start, end: a.call.headEnd }) });
      else m.args.push({ kind: 'value', value: this.value(a) });
    }
    return m;
  }

  private libraries(s: Statement): Libraries {
    const l: Libraries = { start: s.start, end: s.end, anchor: this.anchor(s), libs: [] };
    const body = this.open('libraries', s);
    if (!body) {
      this.err('directive', l.anchor, 'ModelParser.ExpectedBlockFor', 'libraries');
      return l;
    }
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      const at = this.anchor(st);
      if (!c || c.name !== 'lib') {
        this.err('directive', l.anchor, 'ModelParser.ExpectedLibrary', this.src(st));
        continue;
      }
      if (blockOf(c)) {
        this.err('directive', at, 'ModelParser.CannotHaveBlocks', 'Libraries');
        continue;
      }
      const m = this.methodCall(c, at);
      const only = m.args[0];
      if (m.args.length !== 1 || only?.kind !== 'value') this.err('directive', at, 'ModelParser.ExpectedLibrary', this.src({ start: c.start, end: c.end }));
      else l.libs.push(only.value);
    }
    return l;
  }

  private input(s: Statement): Input {
    const input: Input = { start: s.start, end: s.end, anchor: this.anchor(s), fields: new Map() };
    const body = this.open('input', s);
    if (!body) {
      this.err('directive', input.anchor, 'ModelParser.ExpectedBlockFor', 'input');
      return input;
    }
    const seen = new Set<string>();
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      if (!c) {
        this.err('directive', input.anchor, 'ModelParser.InvalidSectionDefinition', this.src(st));
        continue;
      }
      const name = this.methodName(c, this.anchor(st), 'directive');
      if (seen.has(name)) this.err('directive', input.anchor, 'Parser.MultipleOfSection', name);
      seen.add(name);
      const args = groovyArgs(c);
      if (!args.length) this.err('directive', c.nameSpan, 'ModelParser.NoArgForField', name);
      else if (args.length > 1) this.err('directive', c.nameSpan, 'ModelParser.TooManyArgsForField', name);
      else if (name === 'parameters') input.parameters = this.directives(st, 'parameters', true);
      else if (['message', 'id', 'ok', 'submitter', 'submitterParameter'].includes(name)) input.fields.set(name, this.value(args[0]!));
      else this.err('directive', c.nameSpan, 'ModelParser.InvalidInputField', name);
    }
    return input;
  }

  private when(s: Statement): When {
    const w: When = { start: s.start, end: s.end, anchor: this.anchor(s), conditions: [] };
    const body = this.open('when', s);
    if (!body) {
      this.problems.addOwn('when', w.anchor, '"when" needs a block: when { … }. Jenkins fails to compile the file (NullPointerException in its parser)');
      return w;
    }
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      if (!c) {
        this.err('when', w.anchor, 'ModelParser.ExpectedWhen');
        continue;
      }
      const name = thisMethodName(c);
      if (name === 'beforeAgent' || name === 'beforeInput' || name === 'beforeOptions') {
        const b = this.booleanMethod(c, 'when');
        if (b !== undefined) w[name] = b;
      } else w.conditions.push(this.whenCondition(st));
    }
    return w;
  }

  private whenCondition(s: Statement): WhenCondition {
    const anchor = this.anchor(s);
    const c = callOf(s);
    const base = { start: s.start, end: s.end, anchor, children: [] as WhenCondition[] };
    if (!c) {
      this.err('when', anchor, 'ModelParser.ExpectedWhen');
      return base;
    }
    const name = this.methodName(c, anchor, 'when');
    const block = blockOf(c);
    if (name === 'expression') {
      if (block) this.note('script', block);
      if (!block) this.err('when', anchor, 'ModelParser.StepWithoutBlock', 'When');
      return { ...base, name, ...(block ? { code: block } : {}) };
    }
    const args = groovyArgs(c);
    if (block) {
      this.note('when', block);
      const rest = args.slice(0, -1);
      return { ...base, name, ...(rest.length ? { args: this.argumentList(rest) } : {}), children: this.nested(block, () => this.g.statements(block).map((st) => this.whenCondition(st)), []) };
    }
    return { ...base, name, args: this.argumentList(args) };
  }

  private post(s: Statement): Post {
    const p: Post = { start: s.start, end: s.end, anchor: this.anchor(s), conditions: [] };
    const body = this.open('post', s);
    if (!body) {
      this.err('post', p.anchor, 'ModelParser.ExpectedBlock');
      return p;
    }
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      const block = blockOf(c);
      const at = this.anchor(st);
      if (!block) {
        this.err('post', at, 'ModelParser.InvalidBuildCondition', POST_CONDITION_ORDER);
        continue;
      }
      this.note('postCondition', block);
      p.conditions.push({ name: c!.name!, anchor: at, branch: this.branch('default', block) });
    }
    return p;
  }

  private matrix(s: Statement): Matrix {
    const m: Matrix = { start: s.start, end: s.end, anchor: this.anchor(s) };
    const body = this.open('matrix', s);
    if (!body) {
      this.err('matrix', m.anchor, 'ModelParser.ExpectedBlockFor', 'matrix');
      return m;
    }
    const seen = new Set<string>();
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      const at = this.anchor(st);
      if (!c) {
        // Jenkins quotes the whole matrix here, not the statement.
        this.err('matrix', at, 'ModelParser.InvalidSectionDefinition', this.src(s));
        continue;
      }
      const name = this.methodName(c, at, 'matrix');
      if (seen.has(name)) this.err('matrix', at, 'Parser.MultipleOfSection', name);
      seen.add(name);
      switch (name) {
        case 'axes':
          m.axes = this.axes(st);
          break;
        case 'excludes':
          m.excludes = this.excludes(st);
          break;
        case 'agent':
          m.agent = this.agent(st);
          break;
        case 'when':
          m.when = this.when(st);
          break;
        case 'post':
          m.post = this.post(st);
          break;
        case 'options':
          m.options = this.directives(st, 'options', true);
          break;
        case 'input':
          m.input = this.input(st);
          break;
        case 'tools':
          m.tools = this.tools(st);
          break;
        case 'environment':
          m.environment = this.environment(st);
          break;
        case 'stages':
          m.stages = this.stages(st, false);
          break;
        default:
          this.didYouMean(this.err('matrix', at, 'Parser.UndefinedSection', name), c, MATRIX_SECTIONS);
      }
    }
    return m;
  }

  private axes(s: Statement): { anchor: Span; axes: Axis[] } {
    const r = { anchor: this.anchor(s), axes: [] as Axis[] };
    const body = this.open('axes', s);
    if (!body) this.err('matrix', r.anchor, 'ModelParser.ExpectedBlockFor', 'axes');
    else for (const st of this.g.statements(body)) r.axes.push(this.axis(st, false));
    return r;
  }

  private excludes(s: Statement): { anchor: Span; excludes: Array<{ anchor: Span; axes: Axis[] }> } {
    const r = { anchor: this.anchor(s), excludes: [] as Array<{ anchor: Span; axes: Axis[] }> };
    const body = this.open('excludes', s);
    if (!body) {
      this.err('matrix', r.anchor, 'ModelParser.ExpectedBlockFor', 'excludes');
      return r;
    }
    for (const st of this.g.statements(body)) {
      const exclude = { anchor: this.anchor(st), axes: [] as Axis[] };
      const inner = blockOf(callOf(st));
      if (inner) this.note('exclude', inner);
      if (!inner) this.err('matrix', exclude.anchor, 'ModelParser.ExpectedBlockFor', 'exclude');
      else for (const a of this.g.statements(inner)) exclude.axes.push(this.axis(a, true));
      r.excludes.push(exclude);
    }
    return r;
  }

  /** parseAxis / parseExcludeAxis. */
  private axis(s: Statement, exclude: boolean): Axis {
    const a: Axis = { start: s.start, end: s.end, anchor: this.anchor(s), values: [], inverse: false };
    const body = this.open(exclude ? 'excludeAxis' : 'axis', s);
    if (!body) {
      this.err('matrix', a.anchor, 'ModelParser.ExpectedBlockFor', 'axis');
      return a;
    }
    const seen = new Set<string>();
    for (const st of this.g.statements(body)) {
      const c = callOf(st);
      const at = this.anchor(st);
      if (!c) {
        this.err('matrix', at, 'ModelParser.InvalidSectionDefinition', this.src(s));
        continue;
      }
      const m = this.methodCall(c, at);
      if (seen.has(m.name)) this.err('matrix', at, 'Parser.MultipleOfSection', m.name);
      seen.add(m.name);
      const args = groovyArgs(c);
      const values = () => m.args.flatMap((x) => (x.kind === 'value' ? [x.value] : []));
      if (m.name === 'name') {
        if (!args.length) this.err('matrix', at, 'ModelParser.NoArgForField', 'name');
        else if (args.length > 1) this.err('matrix', at, 'ModelParser.TooManyArgsForField', 'name');
        else a.name = { key: this.stringLiteralOrEmpty(args[0]!, 'matrix'), span: { start: args[0]!.start, end: args[0]!.end } };
      } else if (m.name === 'values' || (exclude && m.name === 'notValues')) {
        if (exclude && seen.has(m.name === 'values' ? 'notValues' : 'values')) this.err('matrix', at, 'ModelParser.MatrixExcludeAxisValuesOrNotValues');
        if (m.name === 'notValues') a.inverse = true;
        pushAll(a.values, values());
      } else this.err('matrix', at, 'Parser.UndefinedSection', m.name);
    }
    return a;
  }
}

const PIPELINE_SECTIONS = sectionNames('pipeline');
const STAGE_SECTIONS = sectionNames('stage');
const MATRIX_SECTIONS = sectionNames('matrix');

/** BuildCondition.getOrderedConditionNames(): by ordinal, as Jenkins lists them in messages. */
export const POST_CONDITION_ORDER = ['always', 'changed', 'fixed', 'regression', 'aborted', 'success', 'unsuccessful', 'unstable', 'failure', 'notBuilt', 'cleanup'] as const;

function isConstant(e: Expr): boolean {
  return e.kind === 'string' || e.kind === 'number' || e.kind === 'bool' || e.kind === 'null';
}

/**
 * A Groovy number literal's value and Java class: integers are Integer, Long or BigInteger by size
 * (or by suffix); decimals are BigDecimal, which Jenkins turns into a double. Undefined when the
 * token is no number Groovy would read (`1BAR`).
 */
export function groovyNumber(raw: string): Pick<Value, 'value' | 'javaClass'> | undefined {
  const negative = raw.startsWith('-');
  const body = (negative ? raw.slice(1) : raw).replace(/_/g, '');
  const int = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([lLiIgG])?$/.exec(body);
  if (int) {
    const digits = int[1]!;
    const big = BigInt(digits.length > 1 && digits[0] === '0' && /^[0-7]+$/.test(digits.slice(1)) ? '0o' + digits.slice(1) : digits) * (negative ? -1n : 1n);
    const suffix = int[2]?.toLowerCase();
    if (suffix === 'g' || big > 9223372036854775807n || big < -9223372036854775808n) return { value: big, javaClass: 'BigInteger' };
    if (suffix === 'l' || big > 2147483647n || big < -2147483648n) return { value: big, javaClass: 'Long' };
    return { value: Number(big), javaClass: 'Integer' };
  }
  const dec = /^(\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)([dDfFgG])?$/.exec(body);
  if (dec) {
    const v = Number(dec[1]) * (negative ? -1 : 1);
    return { value: v, javaClass: dec[2]?.toLowerCase() === 'f' ? 'Float' : 'Double' };
  }
  return undefined;
}

export type { SectionRef };

/**
 * A string constant's value, decoded only when asked: most values are only checked for their type.
 * A class, so that the getter is the prototype's, not a closure made for every value.
 */
class StringValue implements Value {
  readonly literal = true;
  readonly javaClass = 'String';
  readonly start: number;
  readonly end: number;

  constructor(readonly expr: Expr & { kind: 'string' }) {
    this.start = expr.start;
    this.end = expr.end;
  }

  get value(): string {
    return this.expr.text.text;
  }
}

/** Source text of a node as Jenkins quotes it in messages: its lines, trimmed. */
function quoted(g: GroovyReader, s: Span): string {
  return g.text(s).replace(/\r\n?/g, '\n').trim();
}

/**
 * A value Jenkins reads as its source text: a GString or map as written, anything else as
 * `${…}`. The text is made when first read: most values are never quoted in a message.
 */
class SourceValue implements Value {
  readonly literal = false;
  readonly start: number;
  readonly end: number;
  private text?: string;

  constructor(
    readonly expr: Expr,
    private readonly g: GroovyReader,
    private readonly wrapped: boolean,
  ) {
    this.start = expr.start;
    this.end = expr.end;
  }

  get value(): string {
    return (this.text ??= this.wrapped ? '${' + quoted(this.g, this.expr) + '}' : quoted(this.g, this.expr));
  }
}
