import type { Loc } from '../core/diagnostic.js';
import type { Value } from '../extract/reader.js';
import { containerNamed, containerNames, containersUnknowable, effectiveContainers } from '../resolve/effective.js';
import { stringSpan } from '../resolve/containers.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule, RuleContext } from './rule.js';

export const rule: Rule = {
  code: 'JKL204',
  name: 'container-not-in-pod',
  severity: 'error',
  summary: '`container(\'x\')` or `defaultContainer \'x\'` names no container of the pod (`container x not found in pod`)',
  fixable: ['unsafe'],
  check(ctx) {
    for (const step of ctx.extraction.containers) {
      const pod = step.template && ctx.podOf(step.template);
      if (pod && step.name) check(ctx, pod, step.name);
    }
    for (const pod of ctx.pods) {
      const dc = pod.template.options.get('defaultContainer')?.value;
      if (dc && pod.template.kind === 'declarative') check(ctx, pod, dc);
      const ac = pod.template.options.get('agentContainer')?.value;
      // Naming the default agent container (jnlp) needs no container of that name: Jenkins adds it.
      if (ac && !(ac.kind === 'string' && ac.text.text === 'jnlp')) check(ctx, pod, ac, true);
    }
  },
};

/** `agent`: the value of agentContainer, which names a container Jenkins turns into the agent. */
function check(ctx: RuleContext, pod: ResolvedPod, nameValue: Value, agent = false): void {
  if (nameValue.kind !== 'string' || nameValue.text.placeholders.length) return;
  if (pod.notStatic || pod.fileProblem) return;
  const name = nameValue.text.text;
  if (containerNamed(pod, name) || (!agent && name === pod.agentContainer)) return;
  // containerNames() counts the agent container, which is the very one agentContainer names.
  const names = agent ? effectiveContainers(pod).flatMap((c) => (c.name === undefined ? [] : [c.name])) : containerNames(pod);
  // Containers may come from templates the linter cannot see (inheritFrom, a dynamic parent): a name
  // missing here may well be there at run time, so it is not reported (corpus README: must not flag).
  if (containersUnknowable(pod)) return;
  const close = suggest(name, names);
  const loc: Loc = { file: ctx.file, ...stringSpan(nameValue) };
  const t = pod.template.call.nameSpan;
  const related = [{ loc: { file: ctx.file, start: t.start, end: t.end }, message: 'the pod template' }];
  const fix = close ? { fix: { title: `Use container "${close}"`, edits: [{ loc, newText: close }], safe: false } } : {};
  if (agent) {
    // Jenkins then adds a container of that name with the default agent image: rarely what was meant.
    ctx.report({
      loc,
      severity: 'warning',
      message: `agentContainer ${name} names no container of the pod, so Jenkins adds one with the default agent image` + (close ? `; did you mean "${close}"?` : ''),
      related,
      ...fix,
    });
    return;
  }
  ctx.report({
    loc,
    message: `container ${name} not found in pod: the pod template defines ${names.join(', ')}` + (close ? `; did you mean "${close}"?` : '') + unknownParents(ctx, pod),
    related,
    ...fix,
  });
}

/** Names in inheritFrom that the configured Jenkins has no template for: Jenkins skips them silently. */
function unknownParents(ctx: RuleContext, pod: ResolvedPod): string {
  const v = pod.template.options.get('inheritFrom')?.value;
  const known = ctx.config.jenkins.templates?.map((t) => t.name);
  if (v?.kind !== 'string' || !known) return '';
  const missing = v.text.text.split(/\s+/).filter((n) => n && !known.includes(n));
  return missing.length ? ` (inheritFrom names ${missing.join(', ')}, which the configured Jenkins has no template for; Jenkins ignores it)` : '';
}
