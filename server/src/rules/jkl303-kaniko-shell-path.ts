import type { Loc } from '../core/diagnostic.js';
import { sourceRange } from '../extract/mapped-text.js';
import { containerNamed, staticName, stepContainerName } from '../resolve/effective.js';
import { debugImageHasBinSh, isKanikoContainer } from '../resolve/kaniko.js';
import type { ContainerDef, ResolvedPod } from '../resolve/resolve.js';
import type { Rule } from './rule.js';

/**
 * The problem with a shell path in a Kaniko image, if any: no image has bash (or any shell but
 * busybox's); /bin/sh only links to /busybox/sh in debug images from v1.7.0 on.
 */
function shellProblem(path: string, image: string): string | undefined {
  const exe = path.split('/').pop()!;
  if (['bash', 'zsh', 'ksh', 'dash', 'fish'].includes(exe)) return `Kaniko images have no ${exe}; the only shell is /busybox/sh`;
  if (path === '/bin/sh' && debugImageHasBinSh(image) === false) return `${image} has no /bin/sh (the link to /busybox/sh came with v1.7.0); use /busybox/sh`;
  return undefined;
}

function kaniko(def: ContainerDef | undefined): ContainerDef | undefined {
  return isKanikoContainer(def) ? def : undefined;
}

export const rule: Rule = {
  code: 'JKL303',
  name: 'kaniko-shell-path',
  severity: 'error',
  summary: 'A shell the Kaniko image does not have: bash, or /bin/sh before v1.7.0 (use /busybox/sh)',
  fixable: ['safe'],
  check(ctx) {
    /** Reports the shell path at `loc` (exactly the path) when the container's image lacks it. */
    const flag = (loc: Loc, path: string, def: ContainerDef) => {
      const problem = shellProblem(path, def.image!.ref);
      if (problem) ctx.report({ loc, message: problem, fix: { title: 'Use /busybox/sh', edits: [{ loc, newText: '/busybox/sh' }], safe: true } });
    };
    const containerIn = (pod: ResolvedPod, name: string | undefined) => (name === undefined ? undefined : kaniko(containerNamed(pod, name)));

    for (const pod of ctx.pods) {
      for (const def of pod.containers) {
        if (!kaniko(def)) continue;
        // The container's own command (`command: [/bin/sh]`, `command: '/bin/bash'`).
        const cmd = def.command;
        const exe = cmd?.words[0];
        const text = cmd && ctx.textOf(cmd.loc.file);
        const at = exe && text ? text.indexOf(exe, cmd.loc.start) : -1;
        if (exe && !cmd.interpolated && at >= 0 && at < cmd.loc.end) flag({ file: cmd.loc.file, start: at, end: at + exe.length }, exe, def);
        // containerTemplate(shell: …)
        if (def.shell) {
          const path = def.shell.value.split(/\s+/)[0]!;
          flag({ file: def.shell.loc.file, ...sourceRange(def.shell.text, 0, path.length) }, path, def);
        }
      }
    }
    // container(name: 'kaniko', shell: '/bin/bash') { … }
    for (const step of ctx.extraction.containers) {
      const pod = step.template && ctx.podOf(step.template);
      const def = pod && containerIn(pod, staticName(step));
      const shell = step.call.args.find((a) => a.name?.text === 'shell')?.value;
      if (def && shell?.kind === 'string' && !shell.text.placeholders.length) {
        const path = shell.text.text.split(/\s+/)[0]!;
        flag({ file: ctx.file, ...sourceRange(shell.text, 0, path.length) }, path, def);
      }
    }
    // sh '''#!/bin/bash …''' run in a Kaniko container
    for (const step of ctx.extraction.shells) {
      const pod = step.template && ctx.podOf(step.template);
      const def = pod && containerIn(pod, stepContainerName(step, pod));
      const script = step.script?.kind === 'string' ? step.script.text : undefined;
      const shebang = script && /^\s*#!\s*(\S+)/.exec(script.text);
      if (def && script && shebang) {
        const at = script.text.indexOf(shebang[1]!);
        flag({ file: ctx.file, ...sourceRange(script, at, at + shebang[1]!.length) }, shebang[1]!, def);
      }
    }
  },
};

