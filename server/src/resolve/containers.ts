// The containers a pod template defines, read into one shape whether they come from pod YAML or
// from containerTemplate(…): name, image, command/args, tty, mounts, env, and where things are.

import type { Loc } from '../core/diagnostic.js';
import { argument } from '../extract/extract.js';
import { sourceRange, touchesPlaceholder, type MappedText } from '../extract/mapped-text.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { Call, Value } from '../extract/reader.js';
import { isCollection, isMap } from 'yaml';
import { keyText } from '../yaml/parse-yaml.js';
import type { PodYaml } from './resolve.js';

export interface Words {
  words: string[];
  loc: Loc;
  /** Some of it is a GString interpolation. */
  interpolated: boolean;
}

export interface Mount {
  name?: string;
  mountPath?: string;
  subPath?: string;
  /** The mountPath holds an interpolation: where it mounts is unknown. */
  pathInterpolated?: true;
  nameLoc: Loc;
}

export interface ContainerDef {
  /** The name, or undefined when it is an interpolation. */
  name?: string;
  nameLoc: Loc;
  image?: { ref: string; loc: Loc; interpolated: boolean };
  /** yaml and containerTemplate come from this file; static from a template of the configured Jenkins. */
  origin: 'yaml' | 'containerTemplate' | 'static';
  /** For YAML containers: the path of the container mapping, e.g. ['spec','containers','0']. */
  yamlPath?: string[];
  command?: Words;
  args?: Words;
  /** The literal `workingDir`; when one is written but cannot be read, `keys` has it and this is absent. */
  workingDir?: string;
  /** `tty: true` / `stdin: true` (YAML) or `ttyEnabled: true` (containerTemplate): keeps `cat` running. */
  tty: boolean;
  /** containerTemplate `shell:`, with its characters' source offsets (escapes make them differ). */
  shell?: { value: string; loc: Loc; text: MappedText };
  /**
   * For a containerTemplate: how it is written — `containerTemplate(name: …, image: …)` (map) or
   * `containerTemplate { name …; image … }` (block) — and the source span of the image's whole value
   * expression (quotes and all), after which a fix may add options.
   */
  written?: { form: 'map' | 'block'; imageValue?: { start: number; end: number } };
  /** The field or option names written for it, null or empty ones included (a fix must not repeat one). */
  keys: Set<string>;
  mounts: Mount[];
  env: string[];
}

type Ranged = { range?: [number, number, number] } | undefined;

function nodeLoc(y: PodYaml, node: Ranged): Loc | undefined {
  if (!node?.range) return undefined;
  const { start, end } = sourceRange(y.text, node.range[0], node.range[1]);
  return { file: y.file, start, end };
}

function interpolated(y: PodYaml, node: Ranged): boolean {
  return !!node?.range && touchesPlaceholder(y.text, node.range[0], node.range[1]);
}

/**
 * The node at `keys` below `node`, as yaml's getIn(keys, true) finds it, without the copy of the
 * path getIn makes at each level (a tenth of what the language server allocated per edit).
 */
function nodeAt(node: unknown, keys: ReadonlyArray<string | number>): Ranged {
  let n = node;
  for (const key of keys) n = child(n, key);
  return n as Ranged;
}

/** One level of nodeAt. */
function child(node: unknown, key: string | number): Ranged {
  return isCollection(node) ? (node.get(key, true) as Ranged) : undefined;
}

export function yamlContainers(y: PodYaml): ContainerDef[] {
  const spec = (y.parsed.value as { spec?: { containers?: unknown } } | undefined)?.spec;
  const list = Array.isArray(spec?.containers) ? (spec.containers as Array<Record<string, unknown> | null>) : [];
  const doc = y.parsed.doc;
  const out: ContainerDef[] = [];
  list.forEach((c, i) => {
    if (!c || typeof c !== 'object') return;
    const path = ['spec', 'containers', String(i)];
    const node = nodeAt(doc.contents, path);
    const at = (key: string) => child(node, key);
    const nameNode = at('name');
    const nameLoc = nodeLoc(y, nameNode ?? node);
    if (!nameLoc) return;
    const keys = new Set<string>();
    if (!isMap(node)) for (const k of Object.keys(c)) keys.add(k);
    else
      for (const p of node.items) {
        const k = keyText(p.key);
        if (k !== undefined) keys.add(k);
      }
    const def: ContainerDef = { nameLoc, origin: 'yaml', yamlPath: path, tty: c.tty === true || c.stdin === true, mounts: [], env: [], keys };
    if ((typeof c.name === 'string' || typeof c.name === 'number') && !interpolated(y, nameNode)) def.name = String(c.name);
    // A value reached through an alias or a merge key has no node on this path: it is then left out
    // (or, for a mount, pointed at the container), never guessed.
    const imageNode = at('image');
    const imageLoc = nodeLoc(y, imageNode);
    if (c.image !== undefined && imageLoc) def.image = { ref: String(c.image), interpolated: interpolated(y, imageNode), loc: imageLoc };
    if (typeof c.workingDir === 'string' && !interpolated(y, at('workingDir'))) def.workingDir = c.workingDir;
    for (const key of ['command', 'args'] as const) {
      const node = at(key);
      const loc = nodeLoc(y, node);
      const v = c[key];
      if (loc && v !== undefined) def[key] = { words: Array.isArray(v) ? v.map(String) : [String(v)], loc, interpolated: interpolated(y, node) };
    }
    const mounts = Array.isArray(c.volumeMounts) ? (c.volumeMounts as Array<Record<string, unknown> | null>) : [];
    const mountNodes = mounts.length ? at('volumeMounts') : undefined;
    mounts.forEach((m, j) => {
      if (!m) return;
      const mountNode = child(mountNodes, j);
      const n = child(mountNode, 'name') ?? mountNode;
      if (interpolated(y, n)) return;
      const mount: Mount = { nameLoc: nodeLoc(y, n) ?? nameLoc };
      if (typeof m.name === 'string') mount.name = m.name;
      if (typeof m.mountPath === 'string') mount.mountPath = m.mountPath;
      if (typeof m.subPath === 'string') mount.subPath = m.subPath;
      if (interpolated(y, child(mountNode, 'mountPath'))) mount.pathInterpolated = true;
      def.mounts.push(mount);
    });
    if (Array.isArray(c.env)) for (const e of c.env as Array<{ name?: unknown } | null>) if (typeof e?.name === 'string') def.env.push(e.name);
    out.push(def);
  });
  return out;
}

/** Names of the volumes the pod YAML declares; undefined when a name holds an interpolation, which may be any name. */
export function yamlVolumes(y: PodYaml): string[] | undefined {
  const volumes = (y.parsed.value as { spec?: { volumes?: unknown } } | undefined)?.spec?.volumes;
  if (!Array.isArray(volumes)) return [];
  const names: string[] = [];
  for (let i = 0; i < volumes.length; i++) {
    const name = (volumes[i] as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') continue;
    if (interpolated(y, nodeAt(y.parsed.doc.contents, ['spec', 'volumes', i, 'name']))) return undefined;
    names.push(name);
  }
  return names;
}

/** Containers from `containers: [containerTemplate(…)]`, `containerTemplates […]` or a declarative `containerTemplate { … }`. */
export function templateContainers(t: PodTemplate, ex: Extraction, file: string): ContainerDef[] {
  return containerTemplateCalls(t).map((call) => templateContainer(call, ex, file));
}

/** The containerTemplate(…) calls of a template, in the order written. */
export function containerTemplateCalls(t: PodTemplate): Call[] {
  const calls: Call[] = [];
  const collect = (v: Value | undefined) => {
    if (!v) return;
    if (v.kind === 'list') v.items.forEach(collect);
    else if (v.kind === 'call' && v.call.name === 'containerTemplate') calls.push(v.call);
  };
  collect(t.options.get('containers')?.value);
  collect(t.options.get('containerTemplates')?.value);
  const single = t.options.get('containerTemplate');
  if (single?.call && single.call.name === 'containerTemplate') calls.push(single.call);
  collect(single?.value);
  return calls;
}

/** A containerTemplate's option by name, written `key: value` (map) or `key value` (block). */
export function containerTemplateOption(call: Call, ex: Extraction): (key: string) => Value | undefined {
  const block = call.closure ? blockOptions(call, ex) : undefined;
  return (key) => (block ? block.get(key) : argument(call, key, -1));
}

function templateContainer(call: Call, ex: Extraction, file: string): ContainerDef {
  const block = call.closure ? blockOptions(call, ex) : undefined;
  const get = containerTemplateOption(call, ex);
  const name = get('name');
  const image = get('image');
  const def: ContainerDef = {
    nameLoc: name ? { file, ...stringSpan(name) } : { file, start: call.nameSpan.start, end: call.nameSpan.end },
    origin: 'containerTemplate',
    tty: isTrue(get('ttyEnabled')),
    mounts: [],
    env: [],
    written: { form: block ? 'block' : 'map', ...(image ? { imageValue: { start: image.start, end: image.end } } : {}) },
    keys: new Set(block ? block.keys() : call.args.flatMap((a) => (a.name ? [a.name.text] : []))),
  };
  if (name?.kind === 'string' && !name.text.placeholders.length) def.name = name.text.text;
  if (image?.kind === 'string') def.image = { ref: image.text.text, interpolated: image.text.placeholders.length > 0, loc: { file, ...stringSpan(image) } };
  // An image from a variable or a call is an image all the same, only not known (Jenkins rejects a blank one).
  else if (image && isExpression(image)) def.image = { ref: expressionText(image), interpolated: true, loc: { file, start: image.start, end: image.end } };
  for (const key of ['command', 'args'] as const) {
    const v = get(key);
    // Jenkins splits these strings like a shell command line; an empty one means "not set".
    if (v?.kind === 'string' && v.text.text.trim()) def[key] = { words: v.text.text.trim().split(/\s+/), loc: { file, ...stringSpan(v) }, interpolated: v.text.placeholders.length > 0 };
    else if (v && isExpression(v)) def[key] = { words: [], loc: { file, start: v.start, end: v.end }, interpolated: true };
  }
  const workingDir = get('workingDir');
  if (workingDir?.kind === 'string' && !workingDir.text.placeholders.length) def.workingDir = workingDir.text.text;
  const shell = get('shell');
  if (shell?.kind === 'string') def.shell = { value: shell.text.text, loc: { file, ...stringSpan(shell) }, text: shell.text };
  return def;
}

/** A value only known when the pipeline runs: a variable, a call, an expression. */
function isExpression(v: Value): boolean {
  return v.kind === 'ident' || v.kind === 'call' || v.kind === 'dynamic';
}

function expressionText(v: Value): string {
  return v.kind === 'ident' ? v.name : v.kind === 'call' ? `${v.call.name}(…)` : '${…}';
}

function isTrue(v: Value | undefined): boolean {
  return (v?.kind === 'bool' && v.raw === 'true') || (v?.kind === 'string' && v.text.text === 'true');
}

/** The content span of a string value (inside its quotes), or the value's span otherwise. */
export function stringSpan(v: Value): { start: number; end: number } {
  if (v.kind === 'string' && v.text.text.length) return sourceRange(v.text, 0, v.text.text.length);
  return { start: v.start, end: v.end };
}

/** `containerTemplate { name 'x'; image 'y' }`: the block's statements as key → value. */
function blockOptions(call: Call, ex: Extraction): Map<string, Value> {
  const m = new Map<string, Value>();
  for (const st of ex.statements(call)) {
    const first = st.args[0];
    if (first && !first.name) m.set(st.name, first.value);
  }
  return m;
}
