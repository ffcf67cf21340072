// The Declarative model: a pipeline { } as Jenkins' ModelParser reads it, with the source span of
// every node. The validator, the editor (outline, folding, completion, hover) and the catalog checks
// read it. Field names follow Jenkins' ModelAST classes where they have one.
// Source: jenkinsci/pipeline-model-definition-plugin @ 42c9dc3e, pipeline-model-api/…/ast/*.java.

import type { Body, Expr, GCall, Span, Statement } from './groovy.js';

export type { Span } from './groovy.js';

/**
 * A value as Jenkins' parseArgument reads it: a literal (constant) with its Java class, or not (a
 * GString, a map, any other expression), kept as Jenkins prints it in messages.
 */
export interface Value extends Span {
  literal: boolean;
  /** Literal: the constant (bigint for integers past int range); non-literal: Jenkins' text for it. */
  value: string | number | bigint | boolean | null;
  /** Literal: the Java class Groovy gives it (String, Integer, Long, Double, Boolean); undefined for null. */
  javaClass?: 'String' | 'Integer' | 'Long' | 'BigInteger' | 'Double' | 'Float' | 'Boolean';
  expr: Expr;
}

/** A step's or `when` condition's arguments, in the three shapes Jenkins tells apart. */
export type ArgList =
  | { kind: 'named'; entries: Array<{ key: string; keySpan: Span; value: Value }> }
  | { kind: 'single'; value: Value }
  | { kind: 'positional'; values: Value[] };

/** An entry of options/triggers/parameters, or a call nested in one's arguments. */
export interface MethodCall extends Span {
  name: string;
  nameSpan: Span;
  args: MethodArg[];
}

export type MethodArg = { kind: 'pair'; key: string; keySpan: Span; value: Value | MethodCall; span: Span } | { kind: 'call'; call: MethodCall } | { kind: 'value'; value: Value };

export interface Step extends Span {
  /** Where Jenkins anchors errors: the statement's start to the end of its head (before a closure). */
  anchor: Span;
  name: string;
  /** Absent for a statement that is no call (`def x = 1`, `if …`): Jenkins' "Expected a step". */
  call?: GCall;
  args: ArgList;
  /** A block step's body (`timeout(5) { … }`), read as steps. */
  children?: Step[];
  /** `script { }` / `expression { }`: opaque Groovy. */
  code?: Body;
}

/** A sequence of steps: a `steps` body, a post condition's body, a scripted-parallel branch. */
export interface Branch extends Span {
  name: string;
  steps: Step[];
}

export interface Stages extends Span {
  anchor: Span;
  stages: Stage[];
  /** `parallel { }` rather than `stages { }`. */
  parallel: boolean;
}

export interface Stage extends Span {
  anchor: Span;
  name: string;
  nameSpan: Span;
  agent?: Agent;
  when?: When;
  post?: Post;
  tools?: Tools;
  environment?: Environment;
  options?: Options;
  input?: Input;
  /** From `steps { }`: one branch, or the branches of a scripted `parallel(…)`. */
  branches: Branch[];
  stepsAnchor?: Span;
  parallel?: Stages;
  matrix?: Matrix;
  stages?: Stages;
  failFast?: boolean;
  /** Every section written in it, in order (for the editor). */
  sections: SectionRef[];
}

export interface SectionRef {
  name: string;
  anchor: Span;
  span: Span;
}

export interface Agent extends Span {
  anchor: Span;
  /** `any`, `none`, `docker`, …; `label` becomes `node` when given a block, as in Jenkins. */
  type?: { key: string; span: Span };
  /** `agent { T v }`: the value; `agent { T { k v } }`: the options. */
  single?: Value;
  options?: ClosureMap;
}

export interface ClosureMap extends Span {
  entries: Array<{ key: string; keySpan: Span; value: Value | ClosureMap }>;
}

export interface When extends Span {
  anchor: Span;
  conditions: WhenCondition[];
  beforeAgent?: boolean;
  beforeInput?: boolean;
  beforeOptions?: boolean;
}

export interface WhenCondition extends Span {
  anchor: Span;
  name?: string;
  args?: ArgList;
  children: WhenCondition[];
  /** `expression { … }`: opaque Groovy. */
  code?: Body;
}

export interface Post extends Span {
  anchor: Span;
  conditions: Array<{ name: string; anchor: Span; branch: Branch }>;
}

export interface Environment extends Span {
  anchor: Span;
  variables: Array<{ key: string; keySpan: Span; value: Value }>;
  /** Some statement is no Groovy the compiler accepts (JKL004): it is not counted as missing. */
  notGroovy?: true;
}

export interface Tools extends Span {
  anchor: Span;
  tools: Array<{ key: string; keySpan: Span; value: Value }>;
}

export interface Options extends Span {
  anchor: Span;
  kind: 'options' | 'triggers' | 'parameters';
  entries: MethodCall[];
  inStage: boolean;
}

export interface Input extends Span {
  anchor: Span;
  fields: Map<string, Value>;
  parameters?: Options;
}

export interface Matrix extends Span {
  anchor: Span;
  axes?: { anchor: Span; axes: Axis[] };
  excludes?: { anchor: Span; excludes: Array<{ anchor: Span; axes: Axis[] }> };
  agent?: Agent;
  when?: When;
  post?: Post;
  tools?: Tools;
  environment?: Environment;
  options?: Options;
  input?: Input;
  stages?: Stages;
}

export interface Axis extends Span {
  anchor: Span;
  name?: { key: string; span: Span };
  values: Value[];
  /** `notValues` in an exclude. */
  inverse: boolean;
}

export interface Libraries extends Span {
  anchor: Span;
  libs: Value[];
}

export interface Pipeline extends Span {
  anchor: Span;
  statement: Statement;
  sections: SectionRef[];
  agent?: Agent;
  stages?: Stages;
  environment?: Environment;
  post?: Post;
  tools?: Tools;
  options?: Options;
  parameters?: Options;
  triggers?: Options;
  libraries?: Libraries;
  /** Found inside a shared library's `def call(…)`. */
  inLibraryCall: boolean;
}

/** What a block holds, so an editor knows what may be written there. */
export type BlockKind =
  | 'pipeline'
  | 'stages'
  | 'parallel'
  | 'stage'
  | 'steps'
  | 'script'
  | 'post'
  | 'postCondition'
  | 'when'
  | 'agent'
  | 'agentOptions'
  | 'environment'
  | 'options'
  | 'stageOptions'
  | 'triggers'
  | 'parameters'
  | 'tools'
  | 'input'
  | 'matrix'
  | 'axes'
  | 'axis'
  | 'excludes'
  | 'exclude'
  | 'excludeAxis'
  | 'libraries';

/** A block (its braces included) and what it holds. */
export interface Block extends Body {
  kind: BlockKind;
}
