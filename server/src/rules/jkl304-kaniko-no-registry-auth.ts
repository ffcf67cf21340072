import { mountsUnknowable, podTemplateVolumes } from '../resolve/effective.js';
import { destinationRegistry, isAmbientRegistry, isSlimKaniko } from '../resolve/kaniko.js';
import type { Rule } from './rule.js';
import { kanikoRuns, mayNotPush, sourceMentions, wordLoc, writtenValue } from './kaniko-uses.js';

/** Environment that gives Kaniko credentials without a config.json (GCP, AWS, Azure, DigitalOcean, or a DOCKER_CONFIG elsewhere). */
const CREDENTIAL_ENV = /^(DOCKER_CONFIG|GOOGLE_APPLICATION_CREDENTIALS|AWS_.*|AZURE_.*|DIGITALOCEAN_.*)$/;
/** Set anywhere in the file (withEnv, environment, export), these move or fill Kaniko's config dir: not followed. */
const CONFIG_ELSEWHERE = /\bDOCKER_CONFIG\b|\bKANIKO_DIR\b|\/kaniko\/\.docker/g;

const under = (path: string | undefined, dir: string) => !!path && (path.replace(/\/+$/, '') + '/').startsWith(dir + '/');

export const rule: Rule = {
  code: 'JKL304',
  name: 'kaniko-no-registry-auth',
  severity: 'warning',
  summary: 'Kaniko pushes (`--destination`) but nothing is mounted at /kaniko/.docker',
  check(ctx) {
    for (const run of kanikoRuns(ctx)) {
      const c = run.container;
      if (!c || c.origin === 'static' || run.pod.invisibleParents || mountsUnknowable(run.pod, c) || isSlimKaniko(c.image!.ref)) continue;
      const { flags, unknown } = run.call;
      const dests = flags.get('destination');
      // A word an interpolation fills may hold --no-push or --kaniko-dir: then a push is not proven.
      if (!dests || unknown.length || mayNotPush(ctx, run) || flags.has('kaniko-dir')) continue;
      if (c.mounts.some((m) => m.pathInterpolated || under(m.mountPath, '/kaniko/.docker'))) continue;
      if (c.env.some((e) => CREDENTIAL_ENV.test(e)) || c.keys.has('envFrom')) continue;
      // A script may write the config itself (`cp $CFG /kaniko/.docker/config.json`); a template volume's mountPath is no such script.
      const volumes = podTemplateVolumes(run.pod).list;
      const elsewhere = sourceMentions(ctx, CONFIG_ELSEWHERE).some((at) => !volumes.some((v) => v.loc.start <= at && at < v.loc.end));
      if (elsewhere) continue;
      const pushes = dests.map((d) => ({ d, registry: destinationRegistry(d.value, d.literal) }));
      const root = c.mounts.find((m) => under(m.mountPath, '/root/.docker'));
      if (root) {
        // Mounted where the docker CLI looks: Kaniko never reads it, whatever the registry.
        const p = pushes.find((p) => !p.registry || !isAmbientRegistry(p.registry));
        if (!p) continue;
        ctx.report({
          loc: wordLoc(ctx, run, p.d.word),
          message: `Kaniko pushes to ${writtenValue(ctx, run, p.d)}, but container "${c.name}" has its docker config mounted at /root/.docker, where the docker CLI looks: Kaniko reads DOCKER_CONFIG, which its image sets to /kaniko/.docker, and never sees this config; mount it at /kaniko/.docker instead`,
          related: [{ loc: root.nameLoc, message: 'mounted at /root/.docker here' }],
        });
        continue;
      }
      // Only a registry the written words name: `$REGISTRY/app` may be one Kaniko reaches without a config.
      const p = pushes.find((p) => p.registry && !isAmbientRegistry(p.registry));
      if (!p) continue;
      const dest = writtenValue(ctx, run, p.d);
      // A template volume at /kaniko/.docker that Jenkins does not mount in this YAML-only container.
      const unmounted = volumes.find((v) => under(v.mountPath, '/kaniko/.docker'));
      ctx.report({
        loc: wordLoc(ctx, run, p.d.word),
        message: unmounted
          ? `Kaniko pushes to ${dest}, but container "${c.name}" comes only from the pod YAML, and Jenkins mounts the podTemplate's volumes (${unmounted.kind} at ${unmounted.mountPath}) only in containerTemplate containers and the agent container: the push fails with UNAUTHORIZED unless the registry takes anonymous pushes; add the volume and a volumeMount to the YAML container, or define the container with containerTemplate`
          : `Kaniko pushes to ${dest}, but container "${c.name}" has nothing mounted at /kaniko/.docker: the push fails with UNAUTHORIZED unless the registry takes anonymous pushes; mount a docker-registry secret there as config.json`,
        ...(unmounted ? { related: [{ loc: unmounted.loc, message: 'mounted only in containerTemplate containers' }] } : {}),
      });
    }
  },
};
