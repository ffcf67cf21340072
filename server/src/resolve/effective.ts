// Questions rules ask of a resolved pod: which containers it has once inheritance is applied, and
// in which container a step runs.

import type { ContainerStep, ShellStep } from '../extract/model.js';
import type { ContainerDef, ResolvedPod } from './resolve.js';

/**
 * The pod's containers once inheritance is applied, its own first. Under `override()` (Jenkins'
 * default) a pod with YAML of its own drops its parents' YAML, and with it their YAML containers.
 */
export function effectiveContainers(pod: ResolvedPod): ContainerDef[] {
  return indexOf(pod).all;
}

/** What rules ask of a pod's containers, computed once per pod: rules ask once per step that uses it. */
interface ContainerIndex {
  all: ContainerDef[];
  /** The first definition of each name (the pod's own before inherited ones). */
  byName: Map<string, ContainerDef>;
  /** Defined names plus the agent container Jenkins adds. */
  names: string[];
  unknowable: boolean;
}

const indexes = new WeakMap<ResolvedPod, ContainerIndex>();

function indexOf(pod: ResolvedPod): ContainerIndex {
  let index = indexes.get(pod);
  if (!index) {
    const all = computeEffective(pod);
    const byName = new Map<string, ContainerDef>();
    for (const c of all) if (c.name !== undefined && !byName.has(c.name)) byName.set(c.name, c);
    const names = [...new Set([...byName.keys(), pod.agentContainer])];
    const unknowable =
      !!(pod.notStatic || pod.fileProblem || pod.invisibleParents) || !!pod.yaml?.parsed.problems.some((p) => p.severity === 'error') || all.some((c) => c.name === undefined);
    indexes.set(pod, (index = { all, byName, names, unknowable }));
  }
  return index;
}

function computeEffective(pod: ResolvedPod): ContainerDef[] {
  const out = [...pod.containers];
  const dropParentYaml = !!pod.yaml && pod.mergeStrategy === 'override';
  for (const parent of pod.parents) {
    if (parent.kind === 'static') {
      out.push(...parent.template.containers.map((name): ContainerDef => ({ name, nameLoc: parent.loc, origin: 'static', tty: false, mounts: [], env: [], keys: new Set() })));
    } else {
      out.push(...effectiveContainers(parent.pod).filter((c) => !(dropParentYaml && c.origin === 'yaml')));
    }
  }
  return out;
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
