// Kaniko executor invocations found in `sh` steps, with the container each one runs in.

import type { Loc } from '../core/diagnostic.js';
import { sourceRange, type MappedText } from '../extract/mapped-text.js';
import type { ShellStep } from '../extract/model.js';
import { containerNamed, stepContainerName } from '../resolve/effective.js';
import { isKanikoContainer } from '../resolve/kaniko.js';
import type { ContainerDef, ResolvedPod } from '../resolve/resolve.js';
import { executorCalls, type ExecutorCall, type Word } from '../resolve/shell-words.js';
import type { RuleContext } from './rule.js';

export interface KanikoRun {
  step: ShellStep;
  pod: ResolvedPod;
  /** The Kaniko container it runs in, when that is known. */
  container?: ContainerDef;
  call: ExecutorCall;
  script: MappedText;
}

export function kanikoRuns(ctx: RuleContext): KanikoRun[] {
  const out: KanikoRun[] = [];
  for (const step of ctx.extraction.shells) {
    const pod = step.template && ctx.podOf(step.template);
    if (!pod || step.script?.kind !== 'string') continue;
    const script = step.script.text;
    const name = stepContainerName(step, pod);
    const def = name === undefined ? undefined : containerNamed(pod, name);
    const container = isKanikoContainer(def) ? def : undefined;
    for (const call of executorCalls(script)) out.push({ step, pod, ...(container ? { container } : {}), call, script });
  }
  return out;
}

export function wordLoc(ctx: RuleContext, run: KanikoRun, w: Word): Loc {
  return { file: ctx.file, ...sourceRange(run.script, w.start, w.end) };
}
