import { runsOnTemplate } from '../extract/extract.js';
import type { PodTemplate } from '../extract/model.js';
import { innermostContaining, OffsetSet } from '../extract/spans.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL211',
  name: 'pod-label-misuse',
  severity: 'error',
  summary: '`POD_LABEL` outside a podTemplate or with an explicit `label:`, or a podTemplate body that never runs on its pod',
  check(ctx) {
    const { templates, podLabelRefs, nodes } = ctx.extraction;
    const scripted = templates.filter((t) => t.kind === 'scripted');
    const declarative = templates.filter((t) => t.kind === 'declarative');
    const scope = (t: PodTemplate) => t.scope;
    // Each scripted template's innermost enclosing one, and whether any template around it (itself
    // included) has no label: inside such a one, POD_LABEL is defined.
    const enclosing = innermostContaining(scripted, scope, scripted.map((t) => t.call.start));
    const unlabelledAround = new Map<PodTemplate, boolean>();
    const byStart = scripted.map((t, i) => ({ t, parent: enclosing[i] })).sort((a, b) => a.t.call.start - b.t.call.start);
    for (const { t, parent } of byStart) unlabelledAround.set(t, !t.options.has('label') || (!!parent && parent !== t && unlabelledAround.get(parent) === true));

    const innermost = innermostContaining(scripted, scope, podLabelRefs.map((r) => r.start));
    const inDeclarative = innermostContaining(declarative, scope, podLabelRefs.map((r) => r.start));
    podLabelRefs.forEach((ref, i) => {
      const t = innermost[i];
      if (!t) {
        // Declarative agents run their stages inside a podTemplate too, where POD_LABEL is defined.
        if (inDeclarative[i]) return;
        ctx.report({ loc: { file: ctx.file, ...ref }, message: 'POD_LABEL is only defined inside a podTemplate body; this use is outside any' });
      } else if (!unlabelledAround.get(t)) {
        ctx.report({ loc: { file: ctx.file, ...ref }, message: "POD_LABEL is not defined when podTemplate is given a label; use node('<that label>') or drop the label" });
      }
    });

    // Does anything in a template's body run on its pod: a matching node(), POD_LABEL passed on, a nested template?
    const running = new Set(nodes.filter((n) => n.template && runsOnTemplate(n.call, n.template)).map((n) => n.template));
    const firstNode = new Map<PodTemplate, (typeof nodes)[number]>();
    for (const n of nodes) if (n.template && !firstNode.has(n.template)) firstNode.set(n.template, n);
    const refs = new OffsetSet(podLabelRefs.map((r) => r.start));
    const nested = new OffsetSet(templates.map((o) => o.call.start));
    for (const t of scripted) {
      if (!t.call.closure || running.has(t) || refs.anyInside(t.scope) || nested.anyInside(t.scope)) continue;
      const stray = firstNode.get(t);
      ctx.report({
        loc: { file: ctx.file, ...(stray ? stray.call.nameSpan : t.call.nameSpan) },
        message: stray
          ? `This node(…) does not run on the enclosing pod template, and nothing else does: the pod is never used; use node(POD_LABEL)`
          : 'podTemplate body has no node(POD_LABEL) block: the pod is never started ("You can NOT omit the node statement")',
      });
    }
  },
};
