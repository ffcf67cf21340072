import { DECLARATIVE_OPTIONS, STEP_OPTIONS } from '../core/kubernetes-options.js';
import type { TemplateOption } from '../extract/model.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule, RuleContext } from './rule.js';

export const rule: Rule = {
  code: 'JKL201',
  name: 'kubernetes-unknown-option',
  severity: 'error',
  summary: 'An option that `kubernetes { }` or `podTemplate(…)` does not take (`Invalid config option "x" for agent type "kubernetes"`)',
  check(ctx) {
    for (const t of ctx.extraction.templates) {
      for (const opt of t.options.values()) {
        if (t.kind === 'declarative') checkDeclarative(ctx, opt);
        else checkStep(ctx, opt);
      }
    }
  },
};

function checkDeclarative(ctx: RuleContext, opt: TemplateOption): void {
  if (DECLARATIVE_OPTIONS.includes(opt.key)) return;
  const stepOnly = STEP_OPTIONS.includes(opt.key);
  const close = stepOnly ? undefined : suggest(opt.key, DECLARATIVE_OPTIONS);
  ctx.report({
    loc: { file: ctx.file, ...opt.keySpan },
    message:
      `Invalid config option "${opt.key}" for agent type "kubernetes"` +
      (stepOnly ? ': it is an option of the scripted podTemplate step only; describe it in the pod yaml instead' : close ? `; did you mean "${close}"?` : ''),
  });
}

function checkStep(ctx: RuleContext, opt: TemplateOption): void {
  if (STEP_OPTIONS.includes(opt.key)) return;
  const loc = { file: ctx.file, ...opt.keySpan };
  if (opt.key === 'yamlFile') {
    ctx.report({ loc, message: "podTemplate has no yamlFile parameter (only declarative kubernetes { } has); use yaml: readTrusted('…')" });
    return;
  }
  const close = suggest(opt.key, STEP_OPTIONS);
  ctx.report({
    loc,
    severity: 'warning',
    message: `Unknown podTemplate parameter "${opt.key}": Jenkins ignores it` + (close ? `; did you mean "${close}"?` : ''),
  });
}
