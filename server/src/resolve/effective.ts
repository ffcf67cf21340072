// Questions rules ask of a resolved pod: which containers it has once inheritance is applied, and
// in which container a step runs.

import type { ContainerStep, ShellStep } from '../extract/model.js';
import type { ContainerDef, ResolvedPod } from './resolve.js';
import { normalizePath, type TemplateVolumes } from './volumes.js';
import { pushAll } from '../core/push-all.js';

/** Where Jenkins puts the workspace when no container says (kubernetes-plugin ContainerTemplate.DEFAULT_WORKING_DIR). */
const DEFAULT_WORKING_DIR = '/home/jenkins/agent';

/**
 * The pod's containers as Jenkins builds them: inheritance applied (the pod's own first; under
 * `override()`, Jenkins' default, a pod with YAML of its own drops its parents' YAML containers), a
 * YAML container and a containerTemplate of the same name combined into one, and the mounts Jenkins
 * adds: the template's volumes in containerTemplate containers, the workspace at each workingDir.
 */
export function effectiveContainers(pod: ResolvedPod): ContainerDef[] {
  return indexOf(pod).all;
}

/** What rules ask of a pod's containers, computed once per pod: rules ask once per step that uses it. */
interface ContainerIndex {
  all: ContainerDef[];
  /** The container of each name (the pod's own before inherited ones). */
  byName: Map<string, ContainerDef>;
  /** Defined names plus the agent container Jenkins adds. */
  names: string[];
  unknowable: boolean;
  volumes: TemplateVolumes;
}

const indexes = new WeakMap<ResolvedPod, ContainerIndex>();

function indexOf(pod: ResolvedPod): ContainerIndex {
  let index = indexes.get(pod);
  if (!index) {
    const volumes = inheritedVolumes(pod);
    const all = withMounts(combineSameName(definitions(pod)), volumes, pod.agentContainer);
    const byName = new Map<string, ContainerDef>();
    for (const c of all) if (c.name !== undefined && !byName.has(c.name)) byName.set(c.name, c);
    const names = [...new Set([...byName.keys(), pod.agentContainer])];
    const unknowable =
      !!(pod.notStatic || pod.fileProblem || pod.invisibleParents) || !!pod.yaml?.parsed.problems.some((p) => p.severity === 'error') || all.some((c) => c.name === undefined);
    indexes.set(pod, (index = { all, byName, names, unknowable, volumes }));
  }
  return index;
}

/** Every container definition the pod gets, as written: its own, then its parents'. */
function definitions(pod: ResolvedPod): ContainerDef[] {
  const out = [...pod.containers];
  const dropParentYaml = !!pod.yaml && pod.mergeStrategy === 'override';
  for (const parent of pod.parents) {
    if (parent.kind === 'static') {
      pushAll(out, parent.template.containers.map((name): ContainerDef => ({ name, nameLoc: parent.loc, origin: 'static', tty: false, mounts: [], env: [], keys: new Set() })));
    } else {
      pushAll(out, definitions(parent.pod).filter((c) => !(dropParentYaml && c.origin === 'yaml')));
    }
  }
  return out;
}

/**
 * Jenkins keys containers by name: the first YAML container and the first containerTemplate of a
 * name (the pod's own before inherited ones) become one container, where the template's fields win
 * when set (PodTemplateUtils.combine(Container, Container)). Other definitions stay as they are.
 */
function combineSameName(defs: ContainerDef[]): ContainerDef[] {
  // Indexed once: a pod may hold thousands of containers, and each asks for its namesakes.
  const firsts = new Map<string, ContainerDef>();
  for (const d of defs) {
    const key = `${d.origin}\0${d.name}`;
    if (d.name !== undefined && !firsts.has(key)) firsts.set(key, d);
  }
  const first = (origin: ContainerDef['origin'], name: string) => firsts.get(`${origin}\0${name}`);
  const out: ContainerDef[] = [];
  const combined = new Set<string>();
  for (const d of defs) {
    const name = d.name;
    if (name === undefined || d.origin === 'static') {
      out.push(d);
      continue;
    }
    const yaml = first('yaml', name);
    const template = first('containerTemplate', name);
    if (!yaml || !template) out.push(d);
    else if (!combined.has(name)) {
      combined.add(name);
      out.push(combine(yaml, template));
    }
  }
  return out;
}

function combine(yaml: ContainerDef, template: ContainerDef): ContainerDef {
  return {
    ...yaml,
    ...template,
    // Jenkins takes the template's tty even when false; counting YAML's too keeps `cat` with YAML
    // `tty: true` from being reported on that reading of the code alone.
    tty: template.tty || yaml.tty,
    // The template's own mounts (its volumes) are added later and win by mountPath.
    mounts: yaml.mounts,
    env: [...new Set([...yaml.env, ...template.env])],
  };
}

/**
 * Adds the mounts Jenkins adds: the template's volumes to containerTemplate containers (not to
 * YAML-only ones), and the workspace volume at each container's workingDir unless something is
 * mounted there already (PodTemplateBuilder, DefaultWorkspaceVolume).
 */
function withMounts(defs: ContainerDef[], volumes: TemplateVolumes, agentContainer: string): ContainerDef[] {
  const agentDir = defs.find((d) => d.name === agentContainer)?.workingDir ?? DEFAULT_WORKING_DIR;
  return defs.map((d) => {
    if (d.origin === 'static') return d;
    let mounts = d.mounts;
    if (d.origin === 'containerTemplate' && volumes.list.length) {
      const taken = new Set(volumes.list.map((v) => v.mountPath));
      mounts = [...mounts.filter((m) => m.mountPath === undefined || !taken.has(normalizePath(m.mountPath))), ...volumes.list.map((v, i) => ({ name: `volume-${i}`, mountPath: v.mountPath, nameLoc: v.loc }))];
    }
    const at = (path: string) => mounts.some((m) => m.mountPath !== undefined && normalizePath(m.mountPath) === normalizePath(path));
    // A workingDir written but unreadable: where the workspace goes is not known.
    const dir = d.workingDir ?? (d.keys.has('workingDir') ? undefined : agentDir);
    if (dir !== undefined && !at(dir)) mounts = [...mounts, { name: 'workspace-volume', mountPath: dir, nameLoc: d.nameLoc }];
    return mounts === d.mounts ? d : { ...d, mounts };
  });
}

/** The template volumes of the pod and its parents, by mountPath, the pod's own winning. */
function inheritedVolumes(pod: ResolvedPod): TemplateVolumes {
  const out: TemplateVolumes = { list: [...pod.templateVolumes.list], unknowable: pod.templateVolumes.unknowable };
  for (const parent of pod.parents) {
    // A static template's volumes are not described.
    const theirs = parent.kind === 'pod' ? indexOf(parent.pod).volumes : { list: [], unknowable: true };
    out.unknowable ||= theirs.unknowable;
    for (const v of theirs.list) if (!out.list.some((o) => o.mountPath === v.mountPath)) out.list.push(v);
  }
  return out;
}

/** The pod's template volumes once inheritance is applied (Jenkins names them volume-0, volume-1, …). */
export function podTemplateVolumes(pod: ResolvedPod): TemplateVolumes {
  return indexOf(pod).volumes;
}

/** A containerTemplate container may have mounts from template volumes the linter cannot read. */
export function mountsUnknowable(pod: ResolvedPod, def: ContainerDef): boolean {
  return def.origin === 'containerTemplate' && indexOf(pod).volumes.unknowable;
}

/** The names a `container('…')` step may use: defined containers plus the agent container Jenkins adds. */
export function containerNames(pod: ResolvedPod): readonly string[] {
  return indexOf(pod).names;
}

/** True when containers may come from somewhere the linter cannot see, so a name can't be ruled out. */
export function containersUnknowable(pod: ResolvedPod): boolean {
  return indexOf(pod).unknowable;
}

/** The static name of the container a step runs in, or undefined when it cannot be known. */
export function stepContainerName(step: ShellStep, pod: ResolvedPod): string | undefined {
  if (step.container) return staticName(step.container);
  const dc = pod.template.options.get('defaultContainer')?.value;
  if (dc) return dc.kind === 'string' && !dc.text.placeholders.length ? dc.text.text : undefined;
  return pod.agentContainer;
}

export function staticName(c: ContainerStep): string | undefined {
  return c.name?.kind === 'string' && !c.name.text.placeholders.length ? c.name.text.text : undefined;
}

/** The definition a container name refers to, the pod's own taking precedence over inherited ones. */
export function containerNamed(pod: ResolvedPod, name: string): ContainerDef | undefined {
  return indexOf(pod).byName.get(name);
}
