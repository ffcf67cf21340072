// A GDSL export of a Jenkins (JENKINS_URL/pipeline-syntax/gdsl): the steps and global variables
// that Jenkins has, read as data, never run. The export is Groovy text written by
// workflow-cps-plugin @ e007b7ff, plugin/src/main/resources/org/jenkinsci/plugins/workflow/cps/
// Snippetizer/gdsl.groovy ("gdsl.groovy" below); every fact about its shape cited here is from it:
//
// - One `method(name: 'step', type: 'Object', …, doc: '…')` per form of a step, then one
//   `property(name: 'env', type: '<class>')` per global variable (GlobalVariable.forJob: `env`,
//   `params`, `docker`, a shared library's `vars/`…), in the script scope's `contributor(ctx) { … }`.
// - Steps that need a workspace (`getRequiredContext()` holds FilePath) are written inside
//   `contributor(nodeCtx) { def call = enclosingCall('node'); if (call) { … } }` instead.
// - `params: [a:'T']` holds the required (constructor) parameters; it is written only when there
//   are at most one, with `body:'Closure'` added for a step that takes a block (then the required
//   parameter's type is written unquoted: `[path:java.lang.String, body:'Closure']`). Its doc starts
//   `Advanced/Deprecated ` for an advanced step.
// - `namedParams: [parameter(name: 'a', type: 'T'), …]` holds every parameter, required ones first,
//   in DescribableModel order; it is written when there are optional ones or more than one required
//   one, with `params: [body:Closure]` for a block. So when only this form exists, at least the
//   first two are required; which further ones are, the export does not say.
// - A type is `Class.getName()` (`java.lang.String`, `int`, `[I`), or the raw type of a
//   parameterized one (`java.util.List`), and any name with a dot outside `java…` is written `Map`
//   (objectTypeToMap): an enum, a describable, a Closure, an array of objects alike.
// - `parallel` is written by hand (its step has no data binding); metastep symbols (`junit`,
//   `archiveArtifacts`: a SimpleBuildStep run by `step`) are left out (the JENKINS-37215 TODO).
// - Steps whose DescribableModel failed are listed last as comments: `// Errors on:` then
//   `// class org.example.FooStep: <message>`.
// Exports before 2023-03 (commit bfec4427) quote the doc with '''…'''; both are read.

import { JenkinsFileError } from './jenkins.js';
import { LineIndex } from './line-index.js';

export interface GdslParam {
  name: string;
  /** As the export writes it: `java.lang.String`, `boolean`, `Map` (any class outside java…). */
  javaType: string;
  /** Undefined where the export does not say (see above). */
  required?: boolean;
}

export interface GdslStep {
  name: string;
  params: GdslParam[];
  takesBlock: boolean;
  /** Written in the `enclosingCall('node')` context: the step needs a workspace. */
  needsNode: boolean;
  /** Undefined when only the namedParams form, which does not say, was written. */
  advanced?: boolean;
  displayName: string;
}

export class GdslExport {
  constructor(
    readonly steps: readonly GdslStep[],
    /** Global variable names (`property(name: …)`). */
    readonly globals: readonly string[],
    /** Binary class names of steps Jenkins could not describe (`// Errors on:`). */
    readonly failedClasses: readonly string[],
  ) {}

  /** What --print-config shows: the names read, not every parameter. */
  toJSON(): object {
    return { steps: this.steps.map((s) => s.name), globals: this.globals, ...(this.failedClasses.length ? { failedClasses: this.failedClasses } : {}) };
  }
}

const ADVANCED = 'Advanced/Deprecated ';

/** Reads a GDSL export; throws JenkinsFileError at the `line:column` of what is not in its format. */
export function readGdslExport(text: string): GdslExport {
  const fail = (offset: number, message: string): never => {
    const p = new LineIndex(text).position(offset);
    throw new JenkinsFileError([{ at: `${p.line + 1}:${p.character + 1}`, message }]);
  };
  const { methods, globals, failedClasses } = new ExportScanner(text, fail).scan();
  if (!methods.length) fail(0, 'is not a GDSL export of Jenkins: it declares no step (method(name: …)); save the one JENKINS_URL/pipeline-syntax/gdsl serves');
  return new GdslExport(stepsOf(methods), globals, failedClasses);
}

interface MethodForm {
  name: string;
  /** `params:` as written, the block's `body` included. */
  params?: Map<string, string>;
  namedParams?: Array<{ name: string; type: string }>;
  doc: string;
  inNode: boolean;
}

/** One step per name, from its one or two forms. */
function stepsOf(methods: MethodForm[]): GdslStep[] {
  const byName = new Map<string, MethodForm[]>();
  for (const m of methods) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  return [...byName].map(([name, forms]) => {
    const short = forms.find((f) => !f.namedParams && f.params);
    const named = forms.find((f) => f.namedParams)?.namedParams;
    const required = short && [...short.params!].filter(([k, type]) => !isBlock(k, type));
    const params: GdslParam[] = named
      ? named.map((p, i) => ({ name: p.name, javaType: p.type, ...(required ? { required: required.some(([k]) => k === p.name) } : i < 2 ? { required: true } : {}) }))
      : required!.map(([k, type]) => ({ name: k, javaType: type, required: true }));
    const doc = (short ?? forms[0]!).doc;
    return {
      name,
      params,
      takesBlock: forms.some((f) => [...(f.params ?? [])].some(([k, type]) => isBlock(k, type))),
      needsNode: forms.some((f) => f.inNode),
      ...(short ? { advanced: doc.startsWith(ADVANCED) } : {}),
      displayName: doc.startsWith(ADVANCED) ? doc.slice(ADVANCED.length) : doc,
    };
  });
}

/** `body: 'Closure'` (or `body:Closure`) marks a step that takes a block; `mail` has a `body` parameter of its own. */
function isBlock(key: string, type: string): boolean {
  return key === 'body' && type === 'Closure';
}

/** A Groovy literal as the export writes one; a bare name (`java.lang.String`, `Closure`) reads as its text. */
type Value = string | Value[] | Map<string, Value> | Call;
interface Call {
  call: string;
  args: Map<string, Value>;
  positional: Value[];
  at: number;
}

const CALLS_READ = new Set(['method', 'property', 'enclosingCall']);
const IDENT = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/y;
/** A primitive array type as Class.getName() writes it, unquoted in a block step's `params`: `[I`. */
const ARRAY_TYPE = /\[+[ZBCSIJFD](?=\s*[,\])])/y;
const NUMBER = /-?\d[\w.]*/y;
/** Blanks, possibly none: `test` always matches and leaves lastIndex after them. */
const BLANKS = /\s*/y;
const ERRORS_ON = '// Errors on:';
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Reads the export's calls over its text: strings, lists, maps and calls, without running any of it. */
class ExportScanner {
  private pos = 0;
  private readonly methods: MethodForm[] = [];
  private readonly globals: string[] = [];
  private readonly failedClasses: string[] = [];

  constructor(
    private readonly text: string,
    private readonly fail: (offset: number, message: string) => never,
  ) {}

  scan(): { methods: MethodForm[]; globals: string[]; failedClasses: string[] } {
    let depth = 0;
    /** The brace depth of the `enclosingCall('node')` contributor, while inside it. */
    let nodeDepth: number | undefined;
    while (this.skipSpace()) {
      const c = this.text[this.pos]!;
      if (c === "'" || c === '"') {
        this.string();
        continue;
      }
      const at = this.pos;
      const name = this.match(IDENT);
      if (name === undefined) {
        if (c === '{') depth++;
        if (c === '}' && --depth < (nodeDepth ?? 0)) nodeDepth = undefined;
        this.pos++;
        continue;
      }
      // The rest of the export's code (`def ctx = context(…)`, `if (call)`) says nothing about steps.
      if (!CALLS_READ.has(name) || !this.skipSpace() || this.text[this.pos] !== '(') continue;
      const call = this.call(name, at);
      if (name === 'method') this.methods.push(this.method(call, nodeDepth !== undefined));
      else if (name === 'property') this.globals.push(this.stringArg(call, 'name'));
      else if (call.positional[0] === 'node') nodeDepth = depth;
    }
    return { methods: this.methods, globals: this.globals, failedClasses: this.failedClasses };
  }

  private method(call: Call, inNode: boolean): MethodForm {
    const params = call.args.get('params');
    const named = call.args.get('namedParams');
    if (params !== undefined && !(params instanceof Map)) this.fail(call.at, 'method(…) params: is not a map');
    if (named !== undefined && !Array.isArray(named)) this.fail(call.at, 'method(…) namedParams: is not a list');
    return {
      name: this.stringArg(call, 'name'),
      ...(params ? { params: new Map([...params].map(([k, v]) => [k, this.typeName(v, call)])) } : {}),
      ...(named
        ? {
            namedParams: named.map((p) => {
              if (typeof p !== 'object' || !('call' in p) || p.call !== 'parameter') return this.fail(call.at, 'method(…) namedParams: holds something other than parameter(…)');
              return { name: this.stringArg(p, 'name'), type: this.stringArg(p, 'type') };
            }),
          }
        : {}),
      doc: typeof call.args.get('doc') === 'string' ? (call.args.get('doc') as string) : '',
      inNode,
    };
  }

  private stringArg(call: Call, key: string): string {
    const v = call.args.get(key);
    return typeof v === 'string' && v ? v : this.fail(call.at, `${call.call}(…) has no ${key}: '…'`);
  }

  private typeName(v: Value, call: Call): string {
    return typeof v === 'string' ? v : this.fail(call.at, `${call.call}(…) names a parameter type that is not a class name`);
  }

  /** Skips blanks and comments; false at the end, or at `// Errors on:`, after which only those comments follow. */
  private skipSpace(): boolean {
    const t = this.text;
    for (;;) {
      BLANKS.lastIndex = this.pos;
      BLANKS.test(t);
      this.pos = BLANKS.lastIndex;
      if (t.startsWith('//', this.pos)) {
        if (t.startsWith(ERRORS_ON, this.pos)) return this.errorComments(this.pos);
        const end = t.indexOf('\n', this.pos);
        this.pos = end < 0 ? t.length : end;
      } else if (t.startsWith('/*', this.pos)) {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail(this.pos, 'a comment that does not end');
        this.pos = end + 2;
      } else return this.pos < t.length;
    }
  }

  /** `// class org.example.FooStep: message` lines after `// Errors on:` (a message may run over several lines). */
  private errorComments(from: number): false {
    for (const m of this.text.slice(from).matchAll(/^\/\/ (?:class|interface) ([\w$.]+):/gm)) this.failedClasses.push(m[1]!);
    this.pos = this.text.length;
    return false;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** At `(`: the arguments up to the matching `)`. */
  private call(name: string, at: number): Call {
    this.pos++;
    const { named, positional } = this.items(')');
    return { call: name, args: named, positional, at };
  }

  /** Comma-separated `key: value` or plain values up to `close`; a trailing comma is fine. */
  private items(close: ')' | ']'): { named: Map<string, Value>; positional: Value[] } {
    const named = new Map<string, Value>();
    const positional: Value[] = [];
    for (;;) {
      if (!this.skipSpace()) this.fail(this.pos, `a '${close}' is missing`);
      if (this.text[this.pos] === close) {
        this.pos++;
        return { named, positional };
      }
      const start = this.pos;
      const key = this.text[this.pos] === "'" || this.text[this.pos] === '"' ? this.string() : this.match(IDENT);
      this.skipSpace();
      if (key !== undefined && this.text[this.pos] === ':') {
        this.pos++;
        named.set(key, this.value());
      } else {
        this.pos = start;
        positional.push(this.value());
      }
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) this.fail(this.pos, `expected ',' or '${close}'`);
    }
  }

  private value(): Value {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "'" || c === '"') return this.string();
    if (c === '[') {
      const array = this.match(ARRAY_TYPE);
      if (array !== undefined) return array;
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ':') {
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] !== ']') this.fail(this.pos, "expected ']' after '[:'");
        this.pos++;
        return new Map();
      }
      const at = this.pos;
      const { named, positional } = this.items(']');
      if (named.size && positional.length) this.fail(at, 'a list that mixes map entries and values');
      return named.size ? named : positional;
    }
    const at = this.pos;
    const name = this.match(IDENT) ?? this.match(NUMBER);
    if (name === undefined) return this.fail(this.pos, c === undefined ? 'the text ends inside a call' : `unexpected '${c}'`);
    this.skipSpace();
    return this.text[this.pos] === '(' ? this.call(name, at) : name;
  }

  /** A '…', "…", '''…''' or """…""" string, at its quote; `${…}` in a double-quoted one is kept as text. */
  private string(): string {
    const t = this.text;
    const start = this.pos;
    const q = t.startsWith(t[start]!.repeat(3), start) ? t[start]!.repeat(3) : t[start]!;
    this.pos += q.length;
    // Most strings (names, types, display names) hold no escape and no line break: one slice.
    const end = t.indexOf(q, this.pos);
    const plain = end >= 0 ? t.slice(this.pos, end) : '';
    if (end >= 0 && !plain.includes('\\') && (q.length === 3 || !plain.includes('\n'))) {
      this.pos = end + q.length;
      return plain;
    }
    let out = '';
    while (!t.startsWith(q, this.pos)) {
      const c = t[this.pos];
      if (c === undefined || (q.length === 1 && c === '\n')) return this.fail(start, 'a string that does not end');
      if (c === '\\') {
        const e = t[this.pos + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          out += ESCAPES[e] ?? e;
          this.pos += 2;
        }
      } else {
        out += c;
        this.pos++;
      }
    }
    this.pos += q.length;
    return out;
  }
}
