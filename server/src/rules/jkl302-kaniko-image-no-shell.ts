import { containerNamed, stepContainerName } from '../resolve/effective.js';
import { debugVariant, isKanikoContainer, kanikoHasShell } from '../resolve/kaniko.js';
import type { ContainerDef } from '../resolve/resolve.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL302',
  name: 'kaniko-image-no-shell',
  severity: 'error',
  summary: 'A Kaniko image without a debug tag has no shell, yet steps run `sh` in it',
  fixable: ['safe'],
  check(ctx) {
    const reported = new Set<ContainerDef>();
    for (const step of ctx.extraction.shells) {
      const pod = step.template && ctx.podOf(step.template);
      if (!pod || pod.notStatic || pod.fileProblem) continue;
      const name = stepContainerName(step, pod);
      const def = name === undefined ? undefined : containerNamed(pod, name);
      const image = def?.image;
      if (!def || !image || !isKanikoContainer(def) || reported.has(def) || kanikoHasShell(image.ref) !== false) continue;
      reported.add(def);
      ctx.report({
        loc: image.loc,
        message: `Kaniko image "${image.ref}" has no shell, but ${step.step} steps run in container "${name}"; use a debug image such as "${debugVariant(image.ref)}"`,
        related: [{ loc: { file: ctx.file, start: step.call.nameSpan.start, end: step.call.nameSpan.end }, message: `${step.step} step run in "${name}"` }],
        fix: { title: `Use ${debugVariant(image.ref)}`, edits: [{ loc: image.loc, newText: debugVariant(image.ref) }], safe: true },
      });
    }
  },
};
