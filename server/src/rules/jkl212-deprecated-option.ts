import type { Rule } from './rule.js';

/** The [WARNING] lines the kubernetes plugin prints for these options (KubernetesDeclarativeAgentScript). */
const DEPRECATED: Record<string, string> = {
  label: "label option is deprecated. To use a static pod template, use the 'inheritFrom' option.",
  containerTemplate: 'containerTemplate option is deprecated, use yaml syntax to define containers.',
};

export const rule: Rule = {
  code: 'JKL212',
  name: 'deprecated-option',
  severity: 'warning',
  summary: '`label` or `containerTemplate` in declarative `kubernetes { }`, both deprecated',
  check(ctx) {
    for (const t of ctx.extraction.templates) {
      if (t.kind !== 'declarative') continue;
      for (const [key, text] of Object.entries(DEPRECATED)) {
        const opt = t.options.get(key);
        if (opt) ctx.report({ loc: { file: ctx.file, ...opt.keySpan }, message: text });
      }
    }
  },
};
