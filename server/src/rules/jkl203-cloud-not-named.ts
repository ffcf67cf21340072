import type { PodTemplate } from '../extract/model.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL203',
  name: 'cloud-not-named',
  severity: 'warning',
  summary: 'No `cloud` given: Jenkins takes its first Kubernetes cloud, which may not be the one meant',
  check(ctx) {
    const clouds = ctx.config.jenkins.clouds;
    // A nested podTemplate runs on its enclosing template's cloud; with one cloud there is no choice.
    const unnamed = ctx.extraction.templates.filter((t) => !t.options.has('cloud') && !t.parent);
    if (!unnamed.length || clouds?.length === 1) return;
    // Once per file, at the first such template: the same answer fixes them all.
    const [first, ...others] = unnamed as [PodTemplate, ...PodTemplate[]];
    const at = (t: PodTemplate) => ({ file: ctx.file, start: t.call.nameSpan.start, end: t.call.nameSpan.end });
    const more = others.length ? ` (here and at ${others.length} more pod template${others.length === 1 ? '' : 's'})` : '';
    const related = others.map((t) => ({ loc: at(t), message: 'no cloud named here either' }));
    const report = (severity: 'info' | 'warning' | 'error', message: string) => ctx.report({ loc: at(first), severity, message, ...(related.length ? { related } : {}) });
    if (!clouds) {
      report('info', `No cloud named${more}: Jenkins uses its first Kubernetes cloud. Name it with \`cloud\`, or list your Jenkins' clouds once in .jenkinsfile-lint.yaml (jenkins: {clouds: [name]}); with one cloud there is nothing to choose and this is not reported`);
    } else if (clouds.length === 0) {
      report('error', `No Kubernetes cloud was found. (the configured Jenkins has no Kubernetes cloud)${more}`);
    } else {
      report('warning', `No cloud named${more}: Jenkins uses its first Kubernetes cloud, "${clouds[0]}", of ${clouds.length} configured (${clouds.join(', ')}); name one with \`cloud\``);
    }
  },
};
