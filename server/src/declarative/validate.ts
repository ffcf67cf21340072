// Checks the Declarative model as Jenkins' ModelValidatorImpl and its built-in contributors do
// (BlockedStepsAndMethodCalls, ParametersAndTriggersInOptions, PreserveStashesJobProperty).
// Source: …/validator/ModelValidatorImpl.groovy, …/validator/BlockedStepsAndMethodCalls.java,
// …/validator/ParametersAndTriggersInOptions.java, …/properties/PreserveStashesJobProperty.java,
// jenkinsci/pipeline-model-definition-plugin @ 42c9dc3e440b8e1b52d1859ea60fed20e8b54aa4.
// What Jenkins checks against its installed plugins (step arguments, option/trigger/parameter/tool
// and agent types) is checked against the catalog: certain where the catalog is (a name it knows as
// something else, a near miss of a name it knows, a catalog complete for the configured plugins),
// a warning in Jenkins' words where a plugin the catalog does not cover could define the name.

import type { Catalog } from '../catalog/catalog.js';
import { nearMiss } from '../catalog/near-miss.js';
import { aliasOf, allowedTypes, knownAsAnything, type SectionKind } from './allowed-types.js';
import { invalidAgentParameter, validateArgs } from './describable.js';
import { validateMethodCall, type Parent } from './method-calls.js';
import { render, type MessageKey } from './messages.js';
import type { Agent, Axis, Branch, Environment, Input, Libraries, Matrix, MethodArg, MethodCall, Options, Pipeline, Post, Stage, Stages, Step, Tools, When, WhenCondition } from './model.js';
import { suggest } from '../schema/validate-pod.js';
import { POST_CONDITION_ORDER } from './parse.js';
import type { Problem, Problems } from './problems.js';

const BLOCKED_IN_STEPS: Record<string, MessageKey> = {
  stage: 'BlockedStepsAndMethodCalls.BlockedSteps.Stage',
  properties: 'BlockedStepsAndMethodCalls.BlockedSteps.Properties',
  parallel: 'BlockedStepsAndMethodCalls.BlockedSteps.Parallel',
};
const BLOCKED_IN_METHOD_CALLS: Record<string, MessageKey> = { node: 'BlockedStepsAndMethodCalls.BlockedSteps.Node', ...BLOCKED_IN_STEPS };
/** DeclarativeStageConditionalDescriptor.getAllowedChildrenCount() of the nesting conditions: -1 any number ≥ 1. */
const NESTED_WHEN: Record<string, number> = { allOf: -1, anyOf: -1, not: 1 };
const MAX_SAVED_STASHES = 50;

export function validatePipeline(p: Pipeline, problems: Problems, catalog: Catalog): void {
  new Validator(problems, catalog).pipeline(p);
}

class Validator {
  constructor(
    private readonly problems: Problems,
    private readonly catalog: Catalog,
  ) {}

  private err(group: Parameters<Problems['add']>[0], at: { start: number; end: number }, key: MessageKey, ...args: Array<string | number | readonly string[]>): void {
    this.problems.add(group, at, key, ...args);
  }

  pipeline(p: Pipeline): void {
    if (!p.stages) this.err('pipeline', p.anchor, 'ModelValidatorImpl.RequiredSection', 'stages');
    if (!p.agent) this.err('pipeline', p.anchor, 'ModelValidatorImpl.RequiredSection', 'agent');
    if (p.stages) this.stages(p.stages, false);
    if (p.post) this.post(p.post);
    if (p.environment) this.environment(p.environment);
    if (p.agent) this.agent(p.agent);
    if (p.tools) this.tools(p.tools);
    if (p.options) this.options(p.options);
    if (p.parameters) this.options(p.parameters);
    if (p.triggers) this.options(p.triggers);
    if (p.libraries) this.libraries(p.libraries);
  }

  private stages(s: Stages, withinParallel: boolean): void {
    if (!s.stages.length) this.err('stage', s.anchor, 'ModelValidatorImpl.NoStages');
    for (const n of repeated(s.stages.map((x) => x.name))) this.err('stage', s.anchor, 'ModelValidatorImpl.DuplicateStageName', n);
    for (const stage of s.stages) this.stage(stage, withinParallel);
  }

  private stage(s: Stage, withinParallel: boolean): void {
    if (s.agent) this.agent(s.agent);
    if (s.when) this.when(s.when);
    if (s.post) this.post(s.post);
    if (s.tools) this.tools(s.tools);
    if (s.environment) this.environment(s.environment);
    if (s.options) this.options(s.options);
    if (s.input) this.input(s.input);
    const count = [s.branches.length > 0, !!s.parallel, !!s.matrix, !!s.stages].filter(Boolean).length;
    if (withinParallel && (s.branches.length > 1 || s.parallel || s.matrix)) {
      const at = s.matrix?.anchor ?? s.parallel?.anchor ?? s.stepsAnchor ?? s.anchor;
      this.err('stage', at, 'ModelValidatorImpl.NoNestedWithinNestedStages');
    } else if (count > 1) this.err('stage', s.anchor, 'ModelValidatorImpl.TwoOfStepsStagesParallel', s.name);
    else if (count === 0) this.err('stage', s.anchor, 'ModelValidatorImpl.NothingForStage', s.name);
    else if (s.parallel || s.matrix) {
      if (s.agent) this.err('stage', s.agent.anchor, 'ModelValidatorImpl.AgentInNestedStages', s.name);
      if (s.tools) this.err('stage', s.tools.anchor, 'ModelValidatorImpl.ToolsInNestedStages', s.name);
    }
    for (const b of s.branches) this.branch(b, s.stepsAnchor ?? s.anchor);
    if (s.parallel) this.stages(s.parallel, true);
    if (s.matrix) this.matrix(s.matrix);
    if (s.stages) this.stages(s.stages, withinParallel);
  }

  private branch(b: Branch, anchor: { start: number; end: number }): void {
    if (!b.steps.length) this.err('steps', anchor, 'ModelValidatorImpl.NoSteps');
    for (const step of b.steps) this.step(step);
  }

  private step(s: Step): void {
    const blocked = BLOCKED_IN_STEPS[s.name];
    // The sub-message is an argument, formatted on its own first, as its Messages method does.
    if (blocked) this.err('steps', s.anchor, 'ModelValidatorImpl.BlockedStep', s.name, render(blocked));
    // validateElement(ModelASTStep): `parallel` has no DataBoundConstructor; a script block is Groovy.
    if (s.call && !s.code && s.name !== 'parallel') {
      const entry = this.catalog.stepOrFunction(s.name);
      // stepTakesClosure: only a StepDescriptor takes a block; a meta-step's describable does not.
      if (entry) validateArgs(this.problems, 'arguments', s.anchor, s.name, s.args, entry.params, entry.kind === 'step' && !entry.metaStep && entry.takesBlock === true);
    }
    for (const child of s.children ?? []) this.step(child);
  }

  private post(p: Post): void {
    if (!p.conditions.length) this.err('post', p.anchor, 'ModelValidatorImpl.EmptySection', 'post');
    for (const n of repeated(p.conditions.map((c) => c.name))) this.err('post', p.anchor, 'ModelValidatorImpl.DuplicateBuildCondition', n);
    for (const c of p.conditions) {
      if (!this.catalog.get('post', c.name)) {
        const problem = this.problems.add('post', c.anchor, 'ModelValidatorImpl.InvalidBuildCondition', c.name, POST_CONDITION_ORDER);
        const close = suggest(c.name, POST_CONDITION_ORDER);
        if (close) problem.fix = { title: `Rename to "${close}"`, edits: [{ start: c.anchor.start, end: c.anchor.start + c.name.length, newText: close }], safe: false };
      }
      this.branch(c.branch, c.anchor);
    }
  }

  private environment(e: Environment): void {
    if (!e.variables.length && !e.notGroovy) this.err('environment', e.anchor, 'ModelValidatorImpl.NoEnvVars');
    for (const v of e.variables) if (!validEnvIdentifier(v.key)) this.err('environment', v.keySpan, 'ModelValidatorImpl.InvalidIdentifierInEnv', v.key);
  }

  private agent(a: Agent): void {
    if (!a.type) {
      this.err('agent', a.anchor, 'ModelValidatorImpl.NoAgentType', this.agentTypeNames());
      return;
    }
    const name = a.type.key;
    const entry = this.catalog.get('agent', name);
    if (!entry) {
      // A plugin list without kubernetes: JKL209 says so, naming the cause; one finding for one mistake.
      if (name === 'kubernetes') return;
      const names = this.agentTypeNames();
      this.unknownType(a.type.span, name, names, () => this.problems.add('agent', a.type!.span, 'ModelValidatorImpl.InvalidAgentType', name, names));
      return;
    }
    if (!entry.params.length) return; // zeroArgModels: any, none
    const required = entry.params.filter((p) => p.required);
    if (a.options) {
      for (const p of required) if (!a.options.entries.some((e) => e.key === p.name)) this.err('agent', a.type.span, 'ModelValidatorImpl.MissingAgentParameter', name, p.name);
      // The kubernetes agent's options are JKL201's, checked against the same catalog entry.
      if (name !== 'kubernetes') {
        for (const e of a.options.entries) {
          const bad = invalidAgentParameter(e.key, name, entry.params.map((p) => p.name));
          if (bad) this.problems.addMessage('agent', e.keySpan, 'ModelValidatorImpl.InvalidAgentParameter', bad.message, bad.close);
        }
      }
    } else if (required.length > 1) {
      this.err('agent', a.type.span, 'ModelValidatorImpl.MultipleAgentParameters', name, required.map((p) => p.name));
    }
  }

  /** DeclarativeAgentDescriptor.allSorted(): the first symbol of every agent type, sorted. */
  private agentTypeNames(): string[] {
    return this.catalog
      .all('agent')
      .map((e) => e.symbol)
      .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  }

  private tools(t: Tools): void {
    if (!t.tools.length) this.err('directive', t.anchor, 'ModelValidatorImpl.NoTools');
    for (const { key, keySpan } of t.tools) this.sectionType('tool', key, keySpan);
  }

  /** InvalidSectionType for an entry whose type is not among those Jenkins would accept there. */
  private sectionType(kind: SectionKind, name: string, at: { start: number; end: number }): boolean {
    const allowed = allowedTypes(this.catalog, kind);
    if (allowed.includes(name)) return true;
    const label = kind === 'stageOption' ? 'option' : kind;
    this.unknownType(at, name, allowed, () => this.problems.add('directive', at, 'ModelValidatorImpl.InvalidSectionType', label, name, allowed), aliasOf(this.catalog, kind, name));
    return false;
  }

  /**
   * A type name Jenkins would not find: Jenkins' message, with a rename to a near miss. An error when
   * that is certain — the catalog is complete for the configured plugins, the name is a near miss of
   * one it knows, or the catalog knows the name as something else — and otherwise a warning, since a
   * plugin the catalog does not cover may define it. A second @Symbol of a type (`stringParam` for
   * `string`) is not one Jenkins lists (it keys types by the first), but no Jenkins test shows that
   * refused: a warning, with a rename to the first.
   */
  private unknownType(at: { start: number; end: number }, name: string, allowed: readonly string[], add: () => Problem, alias?: string): void {
    const close = alias ?? nearMiss(name, allowed);
    const problem = add();
    if (close) problem.fix = { title: `Rename to "${close}"`, edits: [{ start: at.start, end: at.start + name.length, newText: close }], safe: false };
    if (alias || (!close && !this.catalog.complete && !knownAsAnything(this.catalog, name))) problem.severity = 'warning';
  }

  private options(o: Options): void {
    const label = o.kind === 'options' ? 'options' : o.kind;
    if (!o.entries.length) {
      this.err('directive', o.anchor, 'ModelValidatorImpl.EmptySection', label);
      return;
    }
    if (o.kind !== 'parameters') {
      const key = o.kind === 'options' ? 'ModelValidatorImpl.DuplicateOptionName' : 'ModelValidatorImpl.DuplicateTriggerName';
      for (const n of repeated(o.entries.map((x) => x.name))) this.err('directive', o.anchor, key, n);
    }
    const parent: Parent = o.kind === 'options' ? 'option' : o.kind === 'triggers' ? 'trigger' : 'parameter';
    const kind: SectionKind = o.kind === 'options' ? (o.inStage ? 'stageOption' : 'option') : parent;
    for (const m of o.entries) {
      // ParametersAndTriggersInOptions says more than the InvalidSectionType Jenkins adds for these.
      const rejected = o.kind === 'options' && (m.name === 'parameters' || m.name === 'triggers');
      if (!rejected) this.sectionType(kind, m.name, m.nameSpan);
      if (o.kind === 'options') this.option(m);
      validateMethodCall(this.problems, this.catalog, m, parent);
      this.methodCall(m);
    }
  }

  private option(m: MethodCall): void {
    if (m.args.some((a) => a.kind === 'pair') && !m.args.every((a) => a.kind === 'pair')) this.err('arguments', m, 'ModelValidatorImpl.MixedNamedAndUnnamedParameters');
    if (m.name === 'parameters') this.err('directive', m, 'ParametersAndTriggersInOptions.RejectParameters');
    if (m.name === 'triggers') this.err('directive', m, 'ParametersAndTriggersInOptions.RejectTriggers');
    if (m.name === 'preserveStashes') {
      for (const a of m.args) {
        if (a.kind === 'pair' && a.key === 'buildCount' && !('args' in a.value) && a.value.javaClass === 'Integer') {
          const n = a.value.value as number;
          if (n < 1 || n > MAX_SAVED_STASHES) this.err('directive', m, 'PreserveStashesJobProperty.ValidatorImpl.InvalidBuildCount', MAX_SAVED_STASHES);
        }
      }
    }
  }

  /** Method calls (entries and nested calls): the steps that can never be called as an argument; nested calls against the catalog. */
  private methodCall(m: MethodCall): void {
    const blocked = BLOCKED_IN_METHOD_CALLS[m.name];
    if (blocked) this.err('directive', m, 'ModelValidatorImpl.BlockedStep', m.name, render(blocked));
    for (const a of m.args) {
      const nested = nestedCall(a);
      if (!nested) continue;
      validateMethodCall(this.problems, this.catalog, nested, undefined);
      this.methodCall(nested);
    }
  }

  private libraries(l: Libraries): void {
    if (!l.libs.length) this.err('directive', l.anchor, 'ModelValidatorImpl.EmptySection', 'libraries');
  }

  private input(i: Input): void {
    if (!i.fields.has('message')) this.err('directive', i.anchor, 'ModelValidatorImpl.MissingInputMessage');
    if (i.parameters) this.options(i.parameters);
  }

  private when(w: When): void {
    if (!w.conditions.length) this.err('when', w.anchor, 'ModelValidatorImpl.EmptyWhen');
    for (const c of w.conditions) this.whenCondition(c);
  }

  private whenCondition(c: WhenCondition): void {
    if (c.name === undefined || c.code) return;
    const entry = this.catalog.get('when', c.name);
    if (!entry) {
      const names = this.catalog
        .all('when')
        .map((e) => e.symbol)
        .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      const problem = this.problems.add('when', c.anchor, 'ModelValidatorImpl.UnknownWhenConditional', c.name, names.join(', '));
      const close = suggest(c.name, names);
      if (close) problem.fix = { title: `Rename to "${close}"`, edits: [{ start: c.anchor.start, end: c.anchor.start + c.name.length, newText: close }], safe: false };
    } else if (c.name in NESTED_WHEN) {
      const allowed = NESTED_WHEN[c.name]!;
      if (c.args) this.err('when', c.anchor, 'ModelValidatorImpl.NestedWhenNoArgs', c.name);
      else if (allowed < 0 && !c.children.length) this.err('when', c.anchor, 'ModelValidatorImpl.NestedWhenWithoutChildren', c.name);
      else if (allowed > 0 && c.children.length !== allowed) this.err('when', c.anchor, 'ModelValidatorImpl.NestedWhenWrongChildrenCount', c.name, allowed);
    } else if (c.children.length) this.err('when', c.anchor, 'ModelValidatorImpl.NoNestedWhenAllowed', c.name);
    else validateArgs(this.problems, 'when', c.anchor, c.name, c.args ?? { kind: 'named', entries: [] }, entry.params);
    for (const child of c.children) this.whenCondition(child);
  }

  private matrix(m: Matrix): void {
    if (!m.axes) this.err('matrix', m.anchor, 'ModelValidatorImpl.RequiredSection', 'axes');
    if (!m.stages) this.err('matrix', m.anchor, 'ModelValidatorImpl.RequiredSection', 'stages');
    if (m.agent) this.agent(m.agent);
    if (m.when) this.when(m.when);
    if (m.post) this.post(m.post);
    if (m.tools) this.tools(m.tools);
    if (m.environment) this.environment(m.environment);
    if (m.options) this.options(m.options);
    if (m.input) this.input(m.input);
    if (m.axes) this.axes(m.axes.anchor, m.axes.axes, 'ModelValidatorImpl.NoAxes');
    if (m.excludes) {
      if (!m.excludes.excludes.length) this.err('matrix', m.excludes.anchor, 'ModelValidatorImpl.NoExcludes');
      for (const e of m.excludes.excludes) this.axes(e.anchor, e.axes, 'ModelValidatorImpl.NoAxes');
    }
    if (m.stages) this.stages(m.stages, true);
  }

  private axes(anchor: { start: number; end: number }, axes: Axis[], empty: MessageKey): void {
    if (!axes.length) this.err('matrix', anchor, empty);
    // Each repeated name once, at its first axis.
    const firsts = new Map<string, Axis>();
    for (const a of axes) if (a.name && a.name.key !== '' && !firsts.has(a.name.key)) firsts.set(a.name.key, a);
    for (const n of repeated(axes.flatMap((a) => (a.name && a.name.key !== '' ? [a.name.key] : [])))) this.err('matrix', firsts.get(n)!.name!.span, 'ModelValidatorImpl.DuplicateAxisName', n);
    for (const a of axes) this.axis(a);
  }

  private axis(a: Axis): void {
    if (!a.name) this.err('matrix', a.anchor, 'ModelValidatorImpl.RequiredSection', 'name');
    else if (!validEnvIdentifier(a.name.key)) this.err('matrix', a.name.span, 'ModelValidatorImpl.InvalidIdentifierInEnv', a.name.key);
    if (!a.values.length) this.err('matrix', a.anchor, 'ModelValidatorImpl.RequiredSection', 'values');
    // Equal values: the same value of the same kind; each repeated one once, at its first occurrence.
    const keyOf = (v: (typeof a.values)[number]) => `${v.literal}\0${v.javaClass}\0${String(v.value)}`;
    const firsts = new Map<string, (typeof a.values)[number]>();
    for (const v of a.values) if (!firsts.has(keyOf(v))) firsts.set(keyOf(v), v);
    for (const k of repeated(a.values.map(keyOf))) this.err('matrix', firsts.get(k)!, 'ModelValidatorImpl.DuplicateAxisValue', String(firsts.get(k)!.value));
    for (const v of a.values) if (!v.literal) this.err('matrix', v, 'ModelParser.ExpectedStringLiteralButGot', String(v.value));
  }
}

/** The names that occur more than once, each once, in the order they first repeat. */
function repeated(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) out.add(n);
    seen.add(n);
  }
  return [...out];
}

/** Utils.validEnvIdentifier: a Java identifier that is only letters, digits and underscores. */
export function validEnvIdentifier(s: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(s);
}

function nestedCall(a: MethodArg): MethodCall | undefined {
  if (a.kind === 'call') return a.call;
  if (a.kind === 'pair' && 'args' in a.value) return a.value;
  return undefined;
}
