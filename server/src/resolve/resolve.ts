// From an extracted pod template to the pod Jenkins would build: its YAML (inline, from a variable, or
// from yamlFile) parsed and validated, plus the containers from YAML and containerTemplates.

import type { Loc } from '../core/diagnostic.js';
import type { Host } from '../core/host.js';
import { argument } from '../extract/extract.js';
import { identityText, sourceRange, touchesPlaceholder, type MappedText } from '../extract/mapped-text.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { Call, Value } from '../extract/reader.js';
import { validatePod, type SchemaIssue } from '../schema/validate-pod.js';
import { parseYaml, type ParsedYaml } from '../yaml/parse-yaml.js';

/** The pod YAML's text and the file whose offsets its characters map to. */
export interface PodYaml {
  file: string;
  text: MappedText;
  parsed: ParsedYaml;
  schemaIssues: SchemaIssue[];
}

export interface ContainerDef {
  /** The name, or undefined when it is an interpolation. */
  name?: string;
  nameLoc: Loc;
  image?: { ref: string; loc: Loc; interpolated: boolean };
  origin: 'yaml' | 'containerTemplate';
  /** For YAML containers: the path of the container mapping, e.g. ['spec','containers','0']. */
  yamlPath?: string[];
}

export interface ResolvedPod {
  template: PodTemplate;
  yaml?: PodYaml;
  /** Why the pod cannot be read statically (JKL002); nothing else is checked for it. */
  notStatic?: { loc: Loc; what: string };
  /** A yamlFile that cannot be read (JKL003). */
  fileProblem?: { loc: Loc; message: string };
  containers: ContainerDef[];
  /** The agent container's name: `jnlp`, or the `agentContainer` option. */
  agentContainer: string;
  /** The pod may get containers from templates the linter cannot see (inheritFrom, a dynamic parent). */
  invisibleParents: boolean;
  parent?: ResolvedPod;
}

export async function resolvePods(ex: Extraction, file: string, host: Host): Promise<ResolvedPod[]> {
  const out: ResolvedPod[] = [];
  const byTemplate = new Map<PodTemplate, ResolvedPod>();
  for (const t of ex.templates) {
    const pod = await resolvePod(t, ex, file, host);
    const parent = t.parent ? byTemplate.get(t.parent) : undefined;
    const inheritFrom = t.options.get('inheritFrom')?.value;
    const explicitParents = inheritFrom !== undefined && !(inheritFrom.kind === 'string' && inheritFrom.text.text.trim() === '');
    // A declarative `label` with no pod of its own may select a static template from the cloud.
    const labelOnly = t.kind === 'declarative' && t.options.has('label') && !pod.yaml && !pod.notStatic && !pod.fileProblem && !pod.containers.length;
    if (explicitParents || labelOnly) pod.invisibleParents = true;
    else if (parent && !inheritFrom) {
      // A nested podTemplate implicitly inherits from the enclosing one (unless inheritFrom '').
      pod.parent = parent;
      pod.invisibleParents ||= parent.invisibleParents || !!parent.notStatic;
    }
    byTemplate.set(t, pod);
    out.push(pod);
  }
  return out;
}

async function resolvePod(t: PodTemplate, ex: Extraction, file: string, host: Host): Promise<ResolvedPod> {
  const agentOpt = t.options.get('agentContainer')?.value;
  const pod: ResolvedPod = {
    template: t,
    containers: [],
    agentContainer: agentOpt?.kind === 'string' ? agentOpt.text.text : 'jnlp',
    invisibleParents: false,
  };
  const yamlFile = t.options.get('yamlFile');
  const yamlOpt = t.options.get('yaml');
  if (yamlFile?.value) {
    const v = resolveValue(yamlFile.value, ex);
    if (v.kind !== 'string' || v.text.placeholders.length) {
      pod.notStatic = { loc: { file, start: yamlFile.value.start, end: yamlFile.value.end }, what: 'yamlFile' };
    } else {
      const read = host.readReferencedFile(v.text.text, file);
      if (read.ok) pod.yaml = await podYaml(read.path, identityText(read.text));
      else pod.fileProblem = { loc: { file, start: yamlFile.value.start, end: yamlFile.value.end }, message: read.message };
    }
  } else if (yamlOpt?.value) {
    const v = resolveValue(yamlOpt.value, ex);
    if (v.kind === 'string') pod.yaml = await podYaml(file, v.text);
    else pod.notStatic = { loc: { file, start: yamlOpt.value.start, end: yamlOpt.value.end }, what: 'yaml' };
  }
  if (pod.yaml) pod.containers.push(...yamlContainers(pod.yaml));
  pod.containers.push(...templateContainers(t, ex, file));
  return pod;
}

async function podYaml(file: string, text: MappedText): Promise<PodYaml> {
  const parsed = parseYaml(text.text);
  const schemaIssues = parsed.problems.some((p) => p.severity === 'error') ? [] : await validatePod(parsed.value);
  return { file, text, parsed, schemaIssues };
}

/** Follows a Groovy variable to the string assigned to it (`def podYaml = '''…'''; yaml podYaml`). */
export function resolveValue(v: Value, ex: Extraction, depth = 0): Value {
  if (v.kind === 'ident' && depth < 8) {
    const assigned = ex.resolveVariable(v.name, v.start);
    if (assigned) return resolveValue(assigned, ex, depth + 1);
  }
  return v;
}

/** Loc of [start, end) of a pod's YAML text, or undefined when it touches an interpolation. */
export function yamlLoc(y: PodYaml, start: number, end: number): Loc | undefined {
  const t = y.text.text;
  // Node ranges may run over the line break after them; an error at the very end points back at the last character.
  while (end > start + 1 && /\s/.test(t[end - 1] ?? '')) end--;
  if (start >= t.length && t.length) {
    start = t.trimEnd().length - 1;
    end = start + 1;
  }
  if (touchesPlaceholder(y.text, start, end)) return undefined;
  return { file: y.file, ...sourceRange(y.text, start, end) };
}

function yamlContainers(y: PodYaml): ContainerDef[] {
  const out: ContainerDef[] = [];
  const spec = (y.parsed.value as { spec?: { containers?: unknown } } | undefined)?.spec;
  const list = Array.isArray(spec?.containers) ? (spec.containers as unknown[]) : [];
  const doc = y.parsed.doc;
  list.forEach((c, i) => {
    const path = ['spec', 'containers', String(i)];
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const nameNode = doc.getIn([...path, 'name'], true) as { range?: [number, number, number] } | undefined;
    const at = nameNode?.range ?? node?.range;
    if (!at) return;
    const nameLoc = yamlLoc(y, at[0], at[1]);
    const name = (c as { name?: unknown })?.name;
    const imageNode = doc.getIn([...path, 'image'], true) as { range?: [number, number, number] } | undefined;
    const image = (c as { image?: unknown })?.image;
    const def: ContainerDef = {
      nameLoc: nameLoc ?? { file: y.file, ...sourceRange(y.text, at[0], at[0]) },
      origin: 'yaml',
      yamlPath: path,
      ...(typeof name === 'string' && nameLoc ? { name } : typeof name === 'number' ? { name: String(name) } : {}),
    };
    if (imageNode?.range && image !== undefined && image !== null) {
      const [s, e] = imageNode.range;
      def.image = {
        ref: String(image),
        interpolated: touchesPlaceholder(y.text, s, e),
        loc: { file: y.file, ...sourceRange(y.text, s, e) },
      };
    }
    out.push(def);
  });
  return out;
}

/** Containers from `containers: [containerTemplate(…)]`, `containerTemplates […]` or a declarative `containerTemplate { … }`. */
function templateContainers(t: PodTemplate, ex: Extraction, file: string): ContainerDef[] {
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
  const out: ContainerDef[] = [];
  for (const call of calls) {
    const opts = call.closure ? blockOptions(call, ex) : undefined;
    const get = (key: string) => (opts ? opts.get(key) : argument(call, key, -1));
    const name = get('name');
    const image = get('image');
    const nameLoc: Loc = name ? { file, ...stringSpan(name) } : { file, start: call.nameSpan.start, end: call.nameSpan.end };
    const def: ContainerDef = { nameLoc, origin: 'containerTemplate' };
    if (name?.kind === 'string' && !name.text.placeholders.length) def.name = name.text.text;
    if (image?.kind === 'string') def.image = { ref: image.text.text, interpolated: image.text.placeholders.length > 0, loc: { file, ...stringSpan(image) } };
    out.push(def);
  }
  return out;
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

