// Reports the API server's findings (api-checks.ts) of every pod, for the code asking: JKL104 the
// rejections, JKL105 the duplicate env names. Computed once per pod.

import type { Loc } from '../core/diagnostic.js';
import { effectiveContainers } from '../resolve/effective.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { templateApiFindings } from './api-checks-template.js';
import { yamlApiFindings, yamlPlaceLoc, yamlPlaceUnknown } from './api-checks-yaml.js';
import type { ApiFinding } from './api-checks.js';
import type { RuleContext } from './rule.js';

const cache = new WeakMap<ResolvedPod, Array<ApiFinding<Loc>>>();

export function reportApiFindings(ctx: RuleContext, code: ApiFinding<Loc>['code']): void {
  for (const pod of ctx.pods) {
    for (const f of findingsOf(ctx, pod)) {
      if (f.code !== code) continue;
      ctx.report({ loc: f.at, message: f.message, ...(f.first ? { related: [{ loc: f.first, message: 'first defined here' }] } : {}) });
    }
  }
}

function findingsOf(ctx: RuleContext, pod: ResolvedPod): Array<ApiFinding<Loc>> {
  let out = cache.get(pod);
  if (out) return out;
  out = templateApiFindings(pod.template, ctx.extraction, ctx.file);
  const y = pod.yaml;
  if (y) {
    // A YAML container Jenkins merges with a containerTemplate of the same name takes that one's resources, env and mounts.
    const templated = new Set(effectiveContainers(pod).flatMap((c) => (c.origin !== 'yaml' && c.name !== undefined ? [c.name] : [])));
    for (const f of yamlApiFindings(y, (name) => templated.has(name))) {
      const places = [f.at, ...(f.first ? [f.first] : []), ...(f.reads ?? [])];
      const at = yamlPlaceLoc(y, f.at);
      const first = f.first && yamlPlaceLoc(y, f.first);
      if (!at || places.some((p) => yamlPlaceUnknown(y, p)) || (f.first && !first)) continue;
      out.push({ code: f.code, at, message: f.message, ...(first ? { first } : {}) });
    }
  }
  cache.set(pod, out);
  return out;
}
