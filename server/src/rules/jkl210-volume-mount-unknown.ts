import { podTemplateVolumes } from '../resolve/effective.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import { suggest } from '../schema/validate-pod.js';
import type { Rule } from './rule.js';
import { pushAll } from '../core/push-all.js';

/** Volumes Jenkins adds to every pod it builds (the workspace; the agent files with agentInjection). */
const JENKINS_VOLUMES = ['workspace-volume', 'jenkins-agent'];

/** The YAML volumes of the pod and its parents; undefined when one of them cannot be known. */
function volumesOf(pod: ResolvedPod): string[] | undefined {
  if (!pod.volumes) return undefined;
  const names = [...pod.volumes];
  for (const p of pod.parents) {
    if (p.kind === 'static') return undefined; // a static template's volumes are not described
    const inherited = volumesOf(p.pod);
    if (!inherited) return undefined;
    pushAll(names, inherited);
  }
  return names;
}

export const rule: Rule = {
  code: 'JKL210',
  name: 'volume-mount-unknown',
  severity: 'error',
  summary: 'A `volumeMounts[].name` that names no volume of the pod',
  check(ctx) {
    for (const pod of ctx.pods) {
      if (pod.invisibleParents || pod.notStatic || pod.fileProblem) continue;
      // Volumes given to the podTemplate step get generated names: volume-0, volume-1, …
      const generated = podTemplateVolumes(pod);
      const yamlVolumes = volumesOf(pod);
      if (!yamlVolumes || generated.unknowable) continue;
      const volumes = [...yamlVolumes, ...generated.list.map((_, i) => `volume-${i}`)];
      const known = new Set([...volumes, ...JENKINS_VOLUMES]);
      for (const c of pod.containers) {
        for (const m of c.mounts) {
          if (m.name === undefined || known.has(m.name)) continue;
          const close = suggest(m.name, volumes);
          ctx.report({
            loc: m.nameLoc,
            message:
              `Volume mount "${m.name}" names no volume of the pod (volumes: ${volumes.length ? volumes.join(', ') : 'none'}); Kubernetes rejects the pod` +
              (close ? `; did you mean "${close}"?` : ''),
          });
        }
      }
    }
  },
};
