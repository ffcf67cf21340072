import type { Loc } from '../core/diagnostic.js';
import type { Value } from '../extract/reader.js';
import { containerNames, containersUnknowable } from '../resolve/effective.js';
import { stringSpan } from '../resolve/containers.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule, RuleContext } from './rule.js';

export const rule: Rule = {
  code: 'JKL204',
  name: 'container-not-in-pod',
  severity: 'error',
  summary: '`container(\'x\')` or `defaultContainer \'x\'` names no container of the pod (`container x not found in pod`)',
  check(ctx) {
    for (const step of ctx.extraction.containers) {
      const pod = step.template && ctx.podOf(step.template);
      if (pod && step.name) check(ctx, pod, step.name);
    }
    for (const pod of ctx.pods) {
      const dc = pod.template.options.get('defaultContainer')?.value;
      if (dc && pod.template.kind === 'declarative') check(ctx, pod, dc);
    }
  },
};

function check(ctx: RuleContext, pod: ResolvedPod, nameValue: Value): void {
  if (nameValue.kind !== 'string' || nameValue.text.placeholders.length) return;
  if (pod.notStatic || pod.fileProblem) return;
  const name = nameValue.text.text;
  const names = containerNames(pod);
  if (names.includes(name)) return;
  // Containers may come from templates the linter cannot see (inheritFrom, a dynamic parent): a name
  // missing here may well be there at run time, so it is not reported (corpus README: must not flag).
  if (containersUnknowable(pod)) return;
  const close = suggest(name, names);
  const loc: Loc = { file: ctx.file, ...stringSpan(nameValue) };
  const t = pod.template.call.nameSpan;
  ctx.report({
    loc,
    message:
      `container ${name} not found in pod: the pod template defines ${names.join(', ')}` +
      (close ? `; did you mean "${close}"?` : ''),
    related: [{ loc: { file: ctx.file, start: t.start, end: t.end }, message: 'the pod template' }],
  });
}
