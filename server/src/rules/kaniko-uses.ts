// Kaniko executor invocations found in `sh` steps, with the container each one runs in.

import type { Loc } from '../core/diagnostic.js';
import { sourceRange, writtenText, type MappedText } from '../extract/mapped-text.js';
import type { ShellStep } from '../extract/model.js';
import { containerNamed, stepContainerName } from '../resolve/effective.js';
import { isKanikoContainer } from '../resolve/kaniko.js';
import type { ContainerDef, ResolvedPod } from '../resolve/resolve.js';
import { executorCalls, type ExecutorCall, type FlagValue, type Word } from '../resolve/shell-words.js';
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

/** A flag's value as the Jenkinsfile writes it (`registry/app:${env.BUILD_NUMBER}`), for a message. */
export function writtenValue(ctx: RuleContext, run: KanikoRun, f: FlagValue): string {
  const w = f.valueWord;
  if (!w) return f.value;
  const written = writtenText(ctx.extraction.source, run.script, w.start, w.end);
  if (w !== f.word) return written;
  // `--flag=value`: the part after `=`, unless quotes open before it (then the whole word).
  return written.startsWith('-') ? written.slice(written.indexOf('=') + 1) : written;
}

/** Whether the executor may be told not to push: `--no-push` (not `=false`), or KANIKO_NO_PUSH set in the file or the container. */
export function mayNotPush(ctx: RuleContext, run: KanikoRun): boolean {
  if (run.call.flags.get('no-push')?.some((f) => f.value !== 'false')) return true;
  return sourceMentions(ctx, /KANIKO_NO_PUSH/g).length > 0 || !!run.container?.env.includes('KANIKO_NO_PUSH');
}

const mentions = new WeakMap<object, Map<string, number[]>>();

/** Offsets where `pattern` (global) matches the Jenkinsfile, searched once per file: asked once per executor call, of which a file may hold thousands. */
export function sourceMentions(ctx: RuleContext, pattern: RegExp): number[] {
  let byPattern = mentions.get(ctx.extraction);
  if (!byPattern) mentions.set(ctx.extraction, (byPattern = new Map()));
  let found = byPattern.get(pattern.source);
  if (!found) byPattern.set(pattern.source, (found = [...ctx.extraction.source.matchAll(pattern)].map((m) => m.index!)));
  return found;
}
