import { sourceRange } from '../extract/mapped-text.js';
import type { ShellStep } from '../extract/model.js';
import { containerNamed, containersUnknowable, effectiveContainers, stepContainerName } from '../resolve/effective.js';
import { isKanikoContainer, mayBeKaniko } from '../resolve/kaniko.js';
import { executorCalls } from '../resolve/shell-words.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL301',
  name: 'kaniko-container-missing',
  severity: 'error',
  summary: 'A step runs /kaniko/executor, but not in a Kaniko container of the pod',
  check(ctx) {
    for (const step of ctx.extraction.shells) {
      const pod = step.template && ctx.podOf(step.template);
      const script = scriptText(step);
      if (!pod || !script) continue;
      const exe = executorCalls(script)[0]?.words[0];
      if (!exe) continue;
      const loc = { file: ctx.file, ...sourceRange(script, exe.start, exe.end) };
      const containers = effectiveContainers(pod);
      const kaniko = containers.filter(isKanikoContainer);
      const mayHaveKaniko = containersUnknowable(pod) || containers.some((c) => c.image?.interpolated || (c.image && mayBeKaniko(c.image.ref)));
      const runsIn = stepContainerName(step, pod);
      if (runsIn === undefined) continue;
      const def = containerNamed(pod, runsIn);
      if (def?.image && (def.image.interpolated || mayBeKaniko(def.image.ref))) continue;
      if (!kaniko.length) {
        if (mayHaveKaniko) continue;
        ctx.report({ loc, message: `This step runs /kaniko/executor, but the pod has no Kaniko container (containers: ${[...new Set(containers.map((c) => c.name).filter(Boolean)), pod.agentContainer].join(', ')})` });
      } else if (def?.image || runsIn === pod.agentContainer) {
        // It runs in a container whose image is known and is not Kaniko.
        ctx.report({
          loc,
          message: `This step runs /kaniko/executor in container "${runsIn}", which is not a Kaniko image; run it inside container('${kaniko[0]!.name}')`,
          related: [{ loc: kaniko[0]!.nameLoc, message: 'the Kaniko container' }],
        });
      }
    }
  },
};

function scriptText(step: ShellStep) {
  return step.script?.kind === 'string' ? step.script.text : undefined;
}
