import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL203',
  name: 'cloud-not-named',
  severity: 'warning',
  summary: 'No `cloud` given: Jenkins takes its first Kubernetes cloud, which may not be the one meant',
  check(ctx) {
    const clouds = ctx.config.jenkins.clouds;
    for (const t of ctx.extraction.templates) {
      // A nested podTemplate runs on its enclosing template's cloud.
      if (t.options.has('cloud') || t.parent) continue;
      const loc = { file: ctx.file, start: t.call.nameSpan.start, end: t.call.nameSpan.end };
      if (!clouds) {
        ctx.report({ loc, severity: 'info', message: 'No cloud named: Jenkins uses its first Kubernetes cloud; name it with `cloud`, or list the clouds in the jenkinsfile-lint config' });
      } else if (clouds.length === 0) {
        ctx.report({ loc, severity: 'error', message: 'No Kubernetes cloud was found. (the configured Jenkins has no Kubernetes cloud)' });
      } else if (clouds.length > 1) {
        ctx.report({ loc, message: `No cloud named: Jenkins uses its first Kubernetes cloud, "${clouds[0]}", of ${clouds.length} configured (${clouds.join(', ')})` });
      }
    }
  },
};
