import { runsOnTemplate } from '../extract/extract.js';
import type { Extraction, PodTemplate, Span } from '../extract/model.js';
import type { Rule } from './rule.js';

const inside = (s: Span, offset: number) => offset > s.start && offset < s.end;

export const rule: Rule = {
  code: 'JKL211',
  name: 'pod-label-misuse',
  severity: 'error',
  summary: '`POD_LABEL` outside a podTemplate or with an explicit `label:`, or a podTemplate body that never runs on its pod',
  check(ctx) {
    const { templates, podLabelRefs, nodes } = ctx.extraction;
    const scripted = templates.filter((t) => t.kind === 'scripted');
    for (const ref of podLabelRefs) {
      const around = scripted.filter((t) => inside(t.scope, ref.start));
      const t = around.sort((a, b) => a.scope.end - a.scope.start - (b.scope.end - b.scope.start))[0];
      if (!t) {
        // Declarative agents run their stages inside a podTemplate too, where POD_LABEL is defined.
        if (templates.some((d) => d.kind === 'declarative' && inside(d.scope, ref.start))) continue;
        ctx.report({ loc: { file: ctx.file, ...ref }, message: 'POD_LABEL is only defined inside a podTemplate body; this use is outside any' });
      } else if (t.options.has('label') && !around.some((o) => !o.options.has('label'))) {
        ctx.report({ loc: { file: ctx.file, ...ref }, message: "POD_LABEL is not defined when podTemplate is given a label; use node('<that label>') or drop the label" });
      }
    }
    for (const t of scripted) {
      if (!t.call.closure || runsSomewhere(t, ctx.extraction)) continue;
      const stray = nodes.find((n) => n.template === t);
      ctx.report({
        loc: { file: ctx.file, ...(stray ? stray.call.nameSpan : t.call.nameSpan) },
        message: stray
          ? `This node(…) does not run on the enclosing pod template, and nothing else does: the pod is never used; use node(POD_LABEL)`
          : 'podTemplate body has no node(POD_LABEL) block: the pod is never started ("You can NOT omit the node statement")',
      });
    }
  },
};

/** Does anything in the template's body run on its pod: a matching node(), POD_LABEL passed on, a nested template? */
function runsSomewhere(t: PodTemplate, ex: Extraction): boolean {
  if (ex.nodes.some((n) => n.template === t && runsOnTemplate(n.call, t))) return true;
  if (ex.podLabelRefs.some((r) => inside(t.scope, r.start))) return true;
  return ex.templates.some((o) => o !== t && inside(t.scope, o.call.start));
}
