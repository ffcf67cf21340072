// The strings steps are given that end up in a command or a log: a shell step's script, `echo`'s
// message, `writeFile`'s text. Jenkins checks exactly these (every GString argument of a step) for
// interpolated secrets; the shell rules read the scripts.

import { argument } from '../extract/extract.js';
import type { Extraction, ShellStep } from '../extract/model.js';
import type { Call, Value } from '../extract/reader.js';

export type StringValue = Value & { kind: 'string' };

export interface StepString {
  /** `sh`, `bat`, `powershell`, `pwsh`, `echo`, `writeFile`. */
  step: string;
  call: Call;
  value: StringValue;
  /** The shell step it is the script of. */
  shell?: ShellStep;
}

/** The strings of the steps that `where` keeps (arguments are read only for those: echo is everywhere). */
export function stepStrings(ex: Extraction, where: (call: Call) => boolean = () => true): StepString[] {
  const out: StepString[] = [];
  for (const shell of ex.shells) {
    if (shell.script?.kind === 'string' && where(shell.call)) out.push({ step: shell.step, call: shell.call, value: shell.script, shell });
  }
  const add = (step: 'echo' | 'writeFile', name: string, position: number) => {
    for (const call of ex.callsNamed(step)) {
      if (!where(call)) continue;
      const value = argument(call, name, position);
      if (value?.kind === 'string') out.push({ step, call, value });
    }
  };
  add('echo', 'message', 0);
  // writeFile takes named arguments only.
  add('writeFile', 'text', -1);
  return out.sort((a, b) => a.call.start - b.call.start);
}
