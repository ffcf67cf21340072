import type { Loc } from '../core/diagnostic.js';
import { isArchivedKaniko } from '../resolve/kaniko.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL306',
  name: 'kaniko-archived-image',
  severity: 'info',
  summary: 'An image from the archived gcr.io/kaniko-project; a maintained fork gets fixes',
  check(ctx) {
    // Once per image, where it is first written; its other uses are related locations.
    const uses = new Map<string, Loc[]>();
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        if (!c.image || c.image.interpolated || !isArchivedKaniko(c.image.ref)) continue;
        const seen = uses.get(c.image.ref);
        const loc = c.image.loc;
        // Two templates reading one yamlFile see the same line: one use.
        if (!seen) uses.set(c.image.ref, [loc]);
        else if (!seen.some((l) => l.file === loc.file && l.start === loc.start)) seen.push(loc);
      }
    }
    for (const [image, [first, ...others]] of uses) {
      ctx.report({
        loc: first!,
        message: `Upstream Kaniko (gcr.io/kaniko-project) is archived since 2025-06-03 and gets no fixes; consider the maintained fork ghcr.io/osscontainertools/kaniko, which keeps the same tags` + (others.length ? ` (${image} is used ${others.length + 1} times here)` : ''),
        ...(others.length ? { related: others.map((loc) => ({ loc, message: `${image} again` })) } : {}),
      });
    }
  },
};
