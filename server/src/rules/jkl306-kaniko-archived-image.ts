import { isArchivedKaniko } from '../resolve/kaniko.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL306',
  name: 'kaniko-archived-image',
  severity: 'info',
  summary: 'An image from the archived gcr.io/kaniko-project; a maintained fork gets fixes',
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        if (!c.image || c.image.interpolated || !isArchivedKaniko(c.image.ref)) continue;
        ctx.report({
          loc: c.image.loc,
          message: 'Upstream Kaniko (gcr.io/kaniko-project) is archived since 2025-06-03 and gets no fixes; consider the maintained fork ghcr.io/osscontainertools/kaniko, which keeps the same tags',
        });
      }
    }
  },
};
