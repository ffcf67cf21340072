// Which containers of a pod steps run in: named by container('…'), by defaultContainer, or as the
// container an `sh` step ends up in. Shared by the rules about sidecars and Kaniko shells.

import type { Loc } from '../core/diagnostic.js';
import { containerNamed, staticName, stepContainerName } from '../resolve/effective.js';
import type { ContainerDef, ResolvedPod } from '../resolve/resolve.js';
import type { RuleContext } from './rule.js';

export interface ContainerUse {
  pod: ResolvedPod;
  def: ContainerDef;
  /** Where the use is written: the container('…') name, defaultContainer's value, or the sh step. */
  loc: Loc;
  how: 'container' | 'defaultContainer' | 'sh';
}

export function containerUses(ctx: RuleContext): ContainerUse[] {
  const out: ContainerUse[] = [];
  const add = (pod: ResolvedPod | undefined, name: string | undefined, loc: Loc, how: ContainerUse['how']) => {
    if (!pod || name === undefined || pod.notStatic || pod.fileProblem) return;
    const def = containerNamed(pod, name);
    if (def) out.push({ pod, def, loc, how });
  };
  for (const step of ctx.extraction.containers) {
    add(step.template && ctx.podOf(step.template), staticName(step), { file: ctx.file, start: step.call.nameSpan.start, end: step.call.nameSpan.end }, 'container');
  }
  for (const pod of ctx.pods) {
    const dc = pod.template.options.get('defaultContainer')?.value;
    if (dc?.kind === 'string' && !dc.text.placeholders.length) add(pod, dc.text.text, { file: ctx.file, start: dc.start, end: dc.end }, 'defaultContainer');
  }
  for (const step of ctx.extraction.shells) {
    const pod = step.template && ctx.podOf(step.template);
    if (pod) add(pod, stepContainerName(step, pod), { file: ctx.file, start: step.call.nameSpan.start, end: step.call.nameSpan.end }, 'sh');
  }
  return out;
}
