import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL209',
  name: 'kubernetes-plugin-missing',
  severity: 'error',
  summary: 'The configured Jenkins has no kubernetes plugin, so neither `kubernetes { }` nor `podTemplate` exists',
  check(ctx) {
    const plugins = ctx.config.jenkins.plugins;
    if (!plugins || plugins.includes('kubernetes')) return;
    for (const t of ctx.extraction.templates) {
      ctx.report({
        loc: { file: ctx.file, ...t.call.nameSpan },
        message:
          t.kind === 'declarative'
            ? 'Invalid agent type "kubernetes" specified: the configured plugins do not include kubernetes'
            : "No such DSL method 'podTemplate' found among steps: the configured plugins do not include kubernetes",
      });
    }
  },
};
