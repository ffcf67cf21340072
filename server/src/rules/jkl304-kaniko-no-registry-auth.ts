import { mountsUnknowable, podTemplateVolumes } from '../resolve/effective.js';
import type { Rule } from './rule.js';
import { kanikoRuns, wordLoc } from './kaniko-uses.js';

/** Environment that gives Kaniko credentials without a config.json (GCP, AWS, Azure, or a DOCKER_CONFIG elsewhere). */
const CREDENTIAL_ENV = /^(DOCKER_CONFIG|GOOGLE_APPLICATION_CREDENTIALS|AWS_.*|AZURE_.*)$/;
/** Registries Kaniko's bundled helpers can reach with the node's own identity (workload identity). */
const AMBIENT_REGISTRIES = /(^|\.)(gcr\.io|pkg\.dev)(\/|$)/;

export const rule: Rule = {
  code: 'JKL304',
  name: 'kaniko-no-registry-auth',
  severity: 'warning',
  summary: 'Kaniko pushes (`--destination`) but nothing is mounted at /kaniko/.docker',
  check(ctx) {
    for (const run of kanikoRuns(ctx)) {
      const c = run.container;
      if (!c || c.origin === 'static' || run.pod.invisibleParents || mountsUnknowable(run.pod, c)) continue;
      const dest = run.call.flags.get('destination')?.[0];
      const noPush = run.call.flags.get('no-push')?.some((f) => f.value !== 'false');
      if (!dest || noPush || dest.word.interpolated || dest.value.includes('$')) continue;
      if (AMBIENT_REGISTRIES.test(dest.value)) continue;
      const atDockerDir = (path: string | undefined) => !!path?.replace(/\/+$/, '').startsWith('/kaniko/.docker');
      if (c.mounts.some((m) => atDockerDir(m.mountPath))) continue;
      if (c.env.some((e) => CREDENTIAL_ENV.test(e))) continue;
      const unmounted = podTemplateVolumes(run.pod).list.find((v) => atDockerDir(v.mountPath));
      ctx.report({
        loc: wordLoc(ctx, run, dest.word),
        message: unmounted
          ? `Kaniko pushes to ${dest.value}, but container "${c.name}" comes only from the pod YAML, and Jenkins mounts the podTemplate's volumes (${unmounted.kind} at ${unmounted.mountPath}) only in containerTemplate containers and the agent container: the push fails with UNAUTHORIZED unless the registry takes anonymous pushes; add the volume and a volumeMount to the YAML container, or define the container with containerTemplate`
          : `Kaniko pushes to ${dest.value}, but container "${c.name}" has nothing mounted at /kaniko/.docker: the push fails with UNAUTHORIZED unless the registry takes anonymous pushes; mount a docker-registry secret there as config.json`,
        ...(unmounted ? { related: [{ loc: unmounted.loc, message: 'mounted only in containerTemplate containers' }] } : {}),
      });
    }
  },
};
