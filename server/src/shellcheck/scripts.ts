// The `sh` scripts ShellCheck is given: each statically known script as the shell will read it (Groovy's
// escapes decoded; each `${…}` Groovy fills in replaced by a plain word of the same width, which
// ShellCheck has nothing to say about), in the dialect it runs in.

import { argument } from '../extract/extract.js';
import type { MappedText } from '../extract/mapped-text.js';
import type { Extraction, ShellStep } from '../extract/model.js';
import { containerNamed, stepContainerName } from '../resolve/effective.js';
import type { ResolvedPod } from '../resolve/resolve.js';

export interface ShellScript {
  step: ShellStep;
  script: MappedText;
  /** What ShellCheck reads: the script, after a directive line naming its dialect unless it starts with a shebang. */
  input: string;
  /** Lines before the script in `input` (the directive line). */
  lineShift: number;
}

/** The shells ShellCheck knows; a script starting with another interpreter's shebang (python, …) is not shell. */
const SHELLCHECK_SHELLS = new Set(['sh', 'bash', 'dash', 'ksh']);

/**
 * Jenkins' sh step runs a script that does not start with `#!` as `sh -xe script`, so `cd dir` that
 * fails stops it (SC2164 is moot); in a pod, `container(name: …, shell: '/bin/bash')` or the
 * container template's `shell` runs it with that shell instead.
 */
export function shellScripts(ex: Extraction, pods: readonly ResolvedPod[]): ShellScript[] {
  const out: ShellScript[] = [];
  for (const step of ex.shells) {
    if (step.step !== 'sh' || step.script?.kind !== 'string') continue;
    const script = step.script.text;
    if (!script.text.trim()) continue;
    const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(script.text);
    if (shebang) {
      const exe = basename(shebang[1]!) === 'env' ? basename(shebang[2] ?? '') : basename(shebang[1]!);
      if (SHELLCHECK_SHELLS.has(exe)) out.push({ step, script, input: script.text, lineShift: 0 });
      continue;
    }
    const dialect = containerShell(step) ?? templateShell(step, pods) ?? 'sh';
    out.push({ step, script, input: `# shellcheck shell=${dialect} disable=SC2164\n${script.text}`, lineShift: 1 });
  }
  return out;
}

/** The `shell` of the container template the step runs in, when ShellCheck knows it. */
function templateShell(step: ShellStep, pods: readonly ResolvedPod[]): string | undefined {
  const pod = step.template && pods.find((p) => p.template === step.template);
  const name = pod && stepContainerName(step, pod);
  const shell = pod && name !== undefined ? containerNamed(pod, name)?.shell?.value : undefined;
  return shellOf(shell);
}

function shellOf(commandLine: string | undefined): string | undefined {
  const exe = basename(commandLine?.trim().split(/\s+/)[0] ?? '');
  return SHELLCHECK_SHELLS.has(exe) ? exe : undefined;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The shell a `container(name: …, shell: …)` step runs scripts with, when ShellCheck knows it. */
function containerShell(step: ShellStep): string | undefined {
  const shell = step.container && argument(step.container.call, 'shell', -1);
  if (shell?.kind !== 'string' || shell.text.placeholders.length) return undefined;
  return shellOf(shell.text.text);
}
