// From an extracted pod template to the pod Jenkins would build: its YAML (inline, from a variable, or
// from yamlFile) parsed and validated, plus the containers from YAML and containerTemplates.

import type { Loc } from '../core/diagnostic.js';
import type { JenkinsModel, StaticTemplate } from '../core/jenkins.js';
import type { Host } from '../core/host.js';
import { identityText, sourceRange, touchesPlaceholder, writtenText, type MappedText } from '../extract/mapped-text.js';
export type { ContainerDef } from './containers.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { Value } from '../extract/reader.js';
import { stringSpan, templateContainers, yamlContainers, yamlVolumes, type ContainerDef } from './containers.js';
import { structuralPlaceholder } from './interpolated-structure.js';
import { validatePod, type SchemaIssue } from '../schema/validate-pod.js';
import { parseYaml, type ParsedYaml } from '../yaml/parse-yaml.js';
import { templateVolumes, type TemplateVolumes } from './volumes.js';
import { pushAll } from '../core/push-all.js';

/** The pod YAML's text and the file whose offsets its characters map to. */
export interface PodYaml {
  file: string;
  text: MappedText;
  parsed: ParsedYaml;
  schemaIssues: SchemaIssue[];
}

/** What a pod inherits from: the enclosing podTemplate, or a static template of the configured Jenkins. */
export type PodParent = { kind: 'pod'; pod: ResolvedPod } | { kind: 'static'; template: StaticTemplate; loc: Loc };

export interface ResolvedPod {
  template: PodTemplate;
  yaml?: PodYaml;
  /** Why the pod cannot be read statically (JKL002); nothing else is checked for it. */
  notStatic?: { loc: Loc; what: string; reason?: string };
  /**
   * A yamlFile that cannot be read (JKL003). `callersFile`: shared-library code, whose yamlFile Jenkins
   * reads from the calling job's repository, so it may well be there.
   */
  fileProblem?: { loc: Loc; message: string; callersFile?: boolean };
  /**
   * A yamlFile found only relative to the Jenkinsfile's folder although the repository root is known
   * (JKL003): Jenkins reads it from the root, where it is `fromRoot`. The pod is checked as found.
   */
  yamlFileBesideJenkinsfile?: { loc: Loc; literal: Loc; fromRoot: string };
  /** The pod's own containers: its YAML's, then its containerTemplates'. */
  containers: ContainerDef[];
  /** Names of the pod's own YAML volumes; undefined when one is an interpolation (any mount may name it). */
  volumes: string[] | undefined;
  /** The pod's own `volumes: [secretVolume(…), …]`, which Jenkins mounts in containerTemplate containers only. */
  templateVolumes: TemplateVolumes;
  /**
   * The agent container's name: `jnlp`, or the `agentContainer` option — as written when it holds an
   * interpolation (`agent-${x}`), which no container name equals and a message quotes as it stands.
   */
  agentContainer: string;
  parents: PodParent[];
  /** How this pod's YAML combines with its parents' (`yamlMergeStrategy`; Jenkins' default is override). */
  mergeStrategy: 'merge' | 'override';
  /** The pod may get containers from templates the linter cannot see (inheritFrom, a dynamic parent). */
  invisibleParents: boolean;
}

/** `inLibrary`: the file is shared-library code, run in the calling job's checkout. */
export async function resolvePods(ex: Extraction, file: string, host: Host, jenkins: JenkinsModel = {}, inLibrary = false): Promise<ResolvedPod[]> {
  const out: ResolvedPod[] = [];
  const byTemplate = new Map<PodTemplate, ResolvedPod>();
  for (const t of ex.templates) {
    const pod = await resolvePod(t, ex, file, host, inLibrary);
    linkParents(pod, t.parent ? byTemplate.get(t.parent) : undefined, jenkins, file);
    byTemplate.set(t, pod);
    out.push(pod);
  }
  return out;
}

/**
 * The pod of a YAML file read on its own, not through a Jenkinsfile: as if a template gave this
 * file as its `yamlFile` and nothing else (no options, no containerTemplates, no parents), so
 * what is checked is what the pod itself holds.
 */
export async function resolveStandalonePod(file: string, text: string): Promise<ResolvedPod> {
  const nowhere = { start: 0, end: 0 };
  const template: PodTemplate = { id: 0, kind: 'declarative', call: { ...nowhere, name: 'yamlFile', nameSpan: nowhere, args: [], command: true }, options: new Map(), scope: nowhere };
  const yaml = await podYaml(file, identityText(text));
  return { template, yaml, containers: yamlContainers(yaml), volumes: yamlVolumes(yaml), templateVolumes: { list: [], unknowable: false }, agentContainer: 'jnlp', parents: [], mergeStrategy: 'override', invisibleParents: false };
}

/** Inheritance as Jenkins applies it: an explicit inheritFrom list, else (scripted) the enclosing template. */
function linkParents(pod: ResolvedPod, enclosing: ResolvedPod | undefined, jenkins: JenkinsModel, file: string): void {
  const t = pod.template;
  const inheritFrom = t.options.get('inheritFrom')?.value;
  if (inheritFrom) {
    if (inheritFrom.kind !== 'string' || inheritFrom.text.placeholders.length) {
      pod.invisibleParents = true;
      return;
    }
    const loc = { file, ...stringSpan(inheritFrom) };
    for (const name of inheritFrom.text.text.split(/\s+/).filter(Boolean)) {
      // Jenkins ignores names it does not know, so only a configured template list makes them visible.
      if (!jenkins.templates) pod.invisibleParents = true;
      const found = jenkins.templates?.find((s) => s.name === name);
      if (found) pod.parents.push({ kind: 'static', template: found, loc });
    }
    return;
  }
  const label = t.options.get('label')?.value;
  if (t.kind === 'declarative' && label && !pod.yaml && !pod.notStatic && !pod.fileProblem && !pod.containers.length) {
    // A declarative `label` with no pod of its own may select a static template from the cloud.
    const labels = label.kind === 'string' ? label.text.text.split(/\s+/) : [];
    const matches = jenkins.templates?.filter((s) => s.label?.split(/\s+/).some((l) => labels.includes(l)));
    if (!jenkins.templates || label.kind !== 'string') pod.invisibleParents = true;
    else for (const m of matches ?? []) pod.parents.push({ kind: 'static', template: m, loc: { file, start: label.start, end: label.end } });
    return;
  }
  if (t.inheritanceNotFollowed) pod.invisibleParents = true;
  if (t.kind === 'scripted' && enclosing) {
    pod.parents.push({ kind: 'pod', pod: enclosing });
    pod.invisibleParents ||= enclosing.invisibleParents || !!enclosing.notStatic || !!enclosing.fileProblem;
  }
}

async function resolvePod(t: PodTemplate, ex: Extraction, file: string, host: Host, inLibrary: boolean): Promise<ResolvedPod> {
  const agentOpt = t.options.get('agentContainer')?.value;
  const strategy = t.options.get('yamlMergeStrategy')?.value;
  const pod: ResolvedPod = {
    template: t,
    containers: [],
    volumes: [],
    templateVolumes: templateVolumes(t, file),
    agentContainer: agentOpt?.kind !== 'string' ? 'jnlp' : agentOpt.text.placeholders.length ? writtenText(ex.source, agentOpt.text, 0, agentOpt.text.text.length) : agentOpt.text.text,
    parents: [],
    mergeStrategy: strategy?.kind === 'call' && strategy.call.name === 'merge' ? 'merge' : 'override',
    invisibleParents: false,
  };
  // Only the declarative agent has yamlFile; podTemplate ignores it as an unknown parameter (JKL201).
  const yamlFile = t.kind === 'declarative' ? t.options.get('yamlFile') : undefined;
  const yamlOpt = t.options.get('yaml');
  if (yamlFile?.value) {
    const v = resolveValue(yamlFile.value, ex);
    const loc = { file, start: yamlFile.value.start, end: yamlFile.value.end };
    if (v.kind !== 'string' || v.text.placeholders.length) {
      pod.notStatic = { loc, what: 'yamlFile' };
    } else {
      const read = host.readReferencedFile(v.text.text, file, inLibrary);
      if (read.ok) {
        pod.yaml = await podYaml(read.path, identityText(read.text));
        if (read.fromRoot !== undefined) pod.yamlFileBesideJenkinsfile = { loc, literal: { file, ...stringSpan(v) }, fromRoot: read.fromRoot };
      } else if (read.reason === 'untrusted') pod.notStatic = { loc, what: 'yamlFile', reason: read.message };
      else pod.fileProblem = { loc, message: read.message, ...(inLibrary && read.reason === 'missing' ? { callersFile: true } : {}) };
    }
  } else if (yamlOpt?.value) {
    const v = resolveValue(yamlOpt.value, ex);
    const structural = v.kind === 'string' ? structuralPlaceholder(v.text) : undefined;
    if (v.kind === 'string' && !structural) pod.yaml = await podYaml(file, v.text);
    else if (v.kind === 'string' && structural && v.text.text.slice(0, structural[0]).trim()) pod.notStatic = interpolationInside(v.text, structural, ex, file);
    else pod.notStatic = { loc: { file, start: yamlOpt.value.start, end: yamlOpt.value.end }, what: 'yaml' };
  }
  if (pod.yaml) {
    pushAll(pod.containers, yamlContainers(pod.yaml));
    pod.volumes = yamlVolumes(pod.yaml);
  }
  pushAll(pod.containers, templateContainers(t, ex, file));
  return pod;
}

/** An interpolation inside the YAML that stands for part of its structure: pointed at, not the whole string. */
function interpolationInside(text: MappedText, [start, end]: [number, number], ex: Extraction, file: string): ResolvedPod['notStatic'] {
  const loc = { file, ...sourceRange(text, start, end) };
  return { loc, what: 'yaml', reason: `Pod yaml takes part of its structure (keys or list items) from \`${ex.source.slice(loc.start, loc.end)}\`, which is only known at run time` };
}

/**
 * Parsed YAML and its schema issues depend on the YAML text alone, so they are memoized by it: while
 * someone types in one stage of a 1,000-line Jenkinsfile, the other pods are not parsed again.
 * Bounded by the bytes of YAML it holds (a parsed document takes ~25 times its text), least recently
 * used first out; a text over a quarter of the budget is not kept at all. Nothing downstream mutates
 * these objects.
 */
const yamlCache = new Map<string, { parsed: ParsedYaml; schemaIssues: SchemaIssue[] }>();
export const YAML_CACHE_CHARS = 1 << 20;
let cachedChars = 0;
/** The last text too large for the memo: one large pod written several times in a file is parsed once. */
let lastLarge: { key: string; hit: { parsed: ParsedYaml; schemaIssues: SchemaIssue[] } } | undefined;

/** Empties the memo, so that a benchmark pass over files it has seen parses their pods again. */
export function forgetPodYamls(): void {
  yamlCache.clear();
  cachedChars = 0;
  lastLarge = undefined;
}

async function podYaml(file: string, text: MappedText): Promise<PodYaml> {
  const key = text.text;
  if (lastLarge?.key === key) return { file, text, ...lastLarge.hit };
  let hit = yamlCache.get(key);
  if (hit) yamlCache.delete(key);
  else {
    const parsed = parseYaml(key);
    const schemaIssues = parsed.problems.some((p) => p.severity === 'error') ? [] : await validatePod(parsed.value);
    hit = { parsed, schemaIssues };
    if (key.length > YAML_CACHE_CHARS / 4) {
      lastLarge = { key, hit };
      return { file, text, ...hit };
    }
    cachedChars += key.length;
    for (const old of yamlCache.keys()) {
      if (cachedChars <= YAML_CACHE_CHARS) break;
      yamlCache.delete(old);
      cachedChars -= old.length;
    }
  }
  yamlCache.set(key, hit);
  return { file, text, ...hit };
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

