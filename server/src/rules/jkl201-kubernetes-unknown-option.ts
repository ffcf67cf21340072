import { catalogFor } from '../catalog/for-jenkins.js';
import { DECLARATIVE_OPTIONS, STEP_OPTIONS } from '../core/kubernetes-options.js';
import { invalidAgentParameter } from '../declarative/describable.js';
import type { TemplateOption } from '../extract/model.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule, RuleContext } from './rule.js';

export const rule: Rule = {
  code: 'JKL201',
  name: 'kubernetes-unknown-option',
  severity: 'error',
  summary: 'An option that `kubernetes { }` or `podTemplate(…)` does not take (`Invalid config option "x" for agent type "kubernetes"`)',
  fixable: ['unsafe'],
  check(ctx) {
    for (const t of ctx.extraction.templates) {
      for (const opt of t.options.values()) {
        if (t.kind === 'declarative') checkDeclarative(ctx, opt);
        else checkStep(ctx, opt);
      }
    }
  },
};

/** The options Jenkins' validator accepts for the kubernetes agent type: JKL404's check, on the catalog's entry. */
function checkDeclarative(ctx: RuleContext, opt: TemplateOption): void {
  const names = catalogFor(ctx.config.jenkins).get('agent', 'kubernetes')?.params.map((p) => p.name) ?? DECLARATIVE_OPTIONS;
  const bad = invalidAgentParameter(opt.key, 'kubernetes', names);
  if (!bad) return;
  const stepOnly = STEP_OPTIONS.includes(opt.key);
  const loc = { file: ctx.file, ...opt.keySpan };
  ctx.report({
    loc,
    message: bad.message + (stepOnly ? ` ("${opt.key}" is an option of the scripted podTemplate step only; describe it in the pod yaml instead)` : ''),
    ...(bad.close && !stepOnly ? { fix: { title: `Rename to "${bad.close}"`, edits: [{ loc, newText: bad.close }], safe: false } } : {}),
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
