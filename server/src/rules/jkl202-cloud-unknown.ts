import { suggest } from '../schema/validate-pod.js';
import { stringSpan } from '../resolve/containers.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL202',
  name: 'cloud-unknown',
  severity: 'error',
  summary: '`cloud` names a cloud the configured Jenkins does not have (`Cloud does not exist: x`)',
  check(ctx) {
    const clouds = ctx.config.jenkins.clouds;
    if (!clouds) return;
    for (const t of ctx.extraction.templates) {
      const v = t.options.get('cloud')?.value;
      if (v?.kind !== 'string' || v.text.placeholders.length || v.text.text === '') continue;
      const name = v.text.text;
      if (clouds.includes(name)) continue;
      const close = suggest(name, clouds);
      const known = clouds.length ? `configured clouds: ${clouds.join(', ')}` : 'no clouds are configured';
      ctx.report({
        loc: { file: ctx.file, ...stringSpan(v) },
        message: `Cloud does not exist: ${name} (${known})` + (close ? `; did you mean "${close}"?` : ''),
      });
    }
  },
};
