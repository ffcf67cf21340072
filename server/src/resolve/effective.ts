// Questions rules ask of a resolved pod: which containers it has once inheritance is applied, and
// in which container a step runs.

import type { ContainerStep, ShellStep } from '../extract/model.js';
import type { ContainerDef, ResolvedPod } from './resolve.js';

/**
 * The pod's containers once inheritance is applied, its own first. Under `override()` (Jenkins'
 * default) a pod with YAML of its own drops its parents' YAML, and with it their YAML containers.
 */
export function effectiveContainers(pod: ResolvedPod): ContainerDef[] {
  const out = [...pod.containers];
  const dropParentYaml = !!pod.yaml && pod.mergeStrategy === 'override';
  for (const parent of pod.parents) {
    if (parent.kind === 'static') {
      out.push(...parent.template.containers.map((name): ContainerDef => ({ name, nameLoc: parent.loc, origin: 'static', tty: false, mounts: [], env: [] })));
    } else {
      out.push(...effectiveContainers(parent.pod).filter((c) => !(dropParentYaml && c.origin === 'yaml')));
    }
  }
  return out;
}

/** The names a `container('…')` step may use: defined containers plus the agent container Jenkins adds. */
export function containerNames(pod: ResolvedPod): string[] {
  const names = new Set<string>();
  for (const c of effectiveContainers(pod)) if (c.name !== undefined) names.add(c.name);
  names.add(pod.agentContainer);
  return [...names];
}

/** True when containers may come from somewhere the linter cannot see, so a name can't be ruled out. */
export function containersUnknowable(pod: ResolvedPod): boolean {
  if (pod.notStatic || pod.fileProblem || pod.invisibleParents) return true;
  if (pod.yaml?.parsed.problems.some((p) => p.severity === 'error')) return true;
  return effectiveContainers(pod).some((c) => c.name === undefined);
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
  return effectiveContainers(pod).find((c) => c.name === name);
}
