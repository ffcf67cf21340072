// What the extractor finds in a Jenkinsfile: pod templates, where they apply, and the steps that use them.

import type { StringQuote } from '../parse/lexer.js';
import type { Call, Value } from './reader.js';

export interface Span {
  start: number;
  end: number;
}

export interface TemplateOption {
  key: string;
  keySpan: Span;
  /** The first argument (declarative `key value`, scripted `key: value`); absent for a bare block. */
  value?: Value;
  /** The statement or argument that set it. */
  call?: Call;
}

export interface PodTemplate {
  id: number;
  /** `agent { kubernetes { … } }` or the scripted `podTemplate(…)` step. */
  kind: 'declarative' | 'scripted';
  call: Call;
  /** Options by name; the last one written wins, as in Groovy. */
  options: Map<string, TemplateOption>;
  /** Where the steps run on this pod: a stage, the pipeline, or the podTemplate body. */
  scope: Span;
  /** The enclosing scripted template, which a nested template implicitly inherits from. */
  parent?: PodTemplate;
  /** Nested past MAX_TEMPLATE_NESTING: it inherits from templates around it that are not followed. */
  inheritanceNotFollowed?: true;
  /** `podTemplate(…)` called without a body, which Jenkins refuses: nothing runs on it (its scope is empty). */
  noBody?: true;
}

/** A region where steps run on some agent: a pod template's, or another agent (template undefined). */
export interface AgentScope {
  span: Span;
  template?: PodTemplate;
}

export interface ContainerStep {
  call: Call;
  /** The container name as written (a string value, or dynamic). */
  name?: Value;
  template?: PodTemplate;
}

export interface ShellStep {
  call: Call;
  /** `sh`, `bat`, `powershell`, `pwsh`. */
  step: string;
  script?: Value;
  template?: PodTemplate;
  /** The innermost enclosing container() step, if any. */
  container?: ContainerStep;
}

/** A `node(…)` block; `template` is the innermost scripted podTemplate around it, if any. */
export interface NodeStep {
  call: Call;
  label?: Value;
  template?: PodTemplate;
  /** The template around it whose pod it runs on (its label, or POD_LABEL), if any. */
  runsOn?: PodTemplate;
}

/** A call written in code: `name(…)`, `name {…}`, or on a receiver, `x.name(…)`. */
export interface CodeCall {
  name: string;
  nameSpan: Span;
  /** The head of the chain it is called on (`lib` in `lib.build()`); `name` absent when that is no identifier (`'a'.trim()`). */
  receiver?: { name?: string };
}

/** A use of the identifier POD_LABEL. */
export interface PodLabelRef extends Span {
  /** In code that runs when called, not where written: a method or class body, a closure kept in a variable or collection. */
  deferred?: true;
  /** The innermost call whose closure holds it (`stage`, a method of the user's that may run its closure in a podTemplate). */
  inClosureOf?: ClosureOf;
}

/** A call whose closure holds some code, and the next such call around it: shared by all the code inside. */
export interface ClosureOf {
  call: CodeCall;
  outer?: ClosureOf;
}

export interface Extraction {
  /** The Jenkinsfile text. */
  source: string;
  /** Constructs too deep or too large to read, with what was left unchecked (JKL005). */
  limits: Array<Span & { message: string }>;
  /** Every Groovy comment (line or block), for suppression directives. */
  comments: Span[];
  templates: PodTemplate[];
  containers: ContainerStep[];
  shells: ShellStep[];
  nodes: NodeStep[];
  /** `pipeline { }` and `stage('name') { }` blocks, for an editor's outline. */
  blocks: Array<{ kind: 'pipeline' | 'stage'; call: Call; name?: string }>;
  /** The calls of `echo`, `writeFile` or `withCredentials` (in the order written), for what step scripts do. */
  callsNamed(name: 'echo' | 'writeFile' | 'withCredentials'): Call[];
  /** Every use of the identifier POD_LABEL in code (not in strings or comments). */
  podLabelRefs: PodLabelRef[];
  /** The calls written inside a call's block, at any depth, in order (Groovy keywords such as `if (…)` left out). */
  callsIn(call: Call): CodeCall[];
  /** Resolves a Groovy identifier used at `offset` to the string value assigned to it before, if static. */
  resolveVariable(name: string, offset: number): Value | undefined;
  /**
   * Whether source [start, end) lies in code, inside one string's content (then which form of
   * string), or straddles a string's edge.
   */
  stringAt(start: number, end: number): 'code' | 'straddles' | { quote: StringQuote };
  /** The statements of a call's block, e.g. a declarative `containerTemplate { … }`. */
  statements(call: Call): Call[];
}
