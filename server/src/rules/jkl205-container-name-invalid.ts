import type { Rule } from './rule.js';

/** PodTemplateUtils.validateContainerName. */
const RFC1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const rule: Rule = {
  code: 'JKL205',
  name: 'container-name-invalid',
  severity: 'error',
  summary: 'A container name that is not an RFC 1123 label (lowercase letters, digits, dashes)',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        if (c.name === undefined || (RFC1123.test(c.name) && c.name.length <= 63)) continue;
        ctx.report({ loc: c.nameLoc, message: `Container Names MUST match RFC 1123 - They can only contain lowercase letters, numbers or dashes: ${c.name}` });
      }
    }
  },
};
