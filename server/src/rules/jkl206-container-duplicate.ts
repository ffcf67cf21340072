import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL206',
  name: 'container-duplicate',
  severity: 'error',
  summary: 'Two containers with the same name in one pod',
  check(ctx) {
    for (const pod of ctx.pods) {
      // A containerTemplate and a YAML container of the same name are merged by Jenkins, not duplicates;
      // two YAML ones stop PodTemplateUtils.combineContainers (toMap with a throwing merger).
      for (const origin of ['yaml', 'containerTemplate'] as const) {
        const first = new Map<string, (typeof pod.containers)[number]>();
        for (const c of pod.containers) {
          if (c.origin !== origin || c.name === undefined) continue;
          const earlier = first.get(c.name);
          if (!earlier) {
            first.set(c.name, c);
            continue;
          }
          // Two containerTemplates of one name: a HashMap keeps the last, unless the template is
          // combined with one it inherits from (PodTemplateUtils.combine(PodTemplate, PodTemplate), toMap).
          const inherits = origin === 'containerTemplate' && pod.parents.length > 0;
          ctx.report({
            loc: c.nameLoc,
            ...(origin === 'containerTemplate' && !inherits ? { severity: 'warning' as const } : {}),
            message:
              origin === 'yaml'
                ? `Duplicate container name "${c.name}": Jenkins fails to build the pod (IllegalStateException: Duplicate key) and never launches the agent`
                : inherits
                  ? `Duplicate containerTemplate name "${c.name}": Jenkins fails to combine this template with the one it inherits from (IllegalStateException: Duplicate key)`
                  : `Duplicate containerTemplate name "${c.name}": Jenkins silently keeps the last one (and fails with Duplicate key if the template inherits from another)`,
            related: [{ loc: earlier.nameLoc, message: 'first defined here' }],
          });
        }
      }
    }
  },
};
