import type { ContainerDef } from '../resolve/containers.js';
import { effectiveContainers } from '../resolve/effective.js';
import type { ResolvedPod } from '../resolve/resolve.js';
import type { Rule } from './rule.js';

/**
 * Docker Hub official images of operating systems and build tools: none has the Jenkins agent as its
 * entrypoint. Custom images, whatever their name, are assumed to be built on the agent image.
 */
const BASE_IMAGES = new Set([
  'alpine', 'almalinux', 'amazonlinux', 'archlinux', 'busybox', 'centos', 'debian', 'fedora', 'oraclelinux', 'rockylinux', 'ubuntu',
  'amazoncorretto', 'eclipse-temurin', 'gradle', 'golang', 'maven', 'node', 'openjdk', 'python', 'ruby', 'rust', 'docker',
]);

export const rule: Rule = {
  code: 'JKL213',
  name: 'agent-container-base-image',
  severity: 'warning',
  summary: 'The agent container (`jnlp`) runs a plain base image (fedora, alpine, maven, …) that has no Jenkins agent in it, so it never connects',
  check(ctx) {
    for (const pod of ctx.pods) {
      const c = agentImageSource(pod);
      // Reported where the image is written: once, by the pod that defines it, not again by pods nested in it.
      if (!c?.image || c.image.interpolated || !pod.containers.some((own) => own.image === c.image)) continue;
      const repo = officialRepository(c.image.ref);
      if (!repo || !BASE_IMAGES.has(repo)) continue;
      ctx.report({
        loc: c.image.loc,
        message:
          `The agent container "${pod.agentContainer}" runs "${c.image.ref}", a plain ${repo} image without the Jenkins agent: nothing in it connects to Jenkins, and the build ends with "Container ${pod.agentContainer} was terminated" or "Agent is not connected after … seconds". ` +
          `Run ${repo} in a container of another name (with container('…') in the steps), use a jenkins/inbound-agent image here, or set agentInjection true`,
      });
    }
  },
};

/** The container whose image the agent container gets: a containerTemplate's wins over the YAML's when both name it. */
function agentImageSource(pod: ResolvedPod): ContainerDef | undefined {
  // With agentInjection the plugin starts the agent itself; a parent the linter cannot see may set the image.
  const injected = pod.template.options.get('agentInjection')?.value;
  if ((injected?.kind === 'bool' && injected.raw === 'true') || pod.invisibleParents || pod.notStatic || pod.fileProblem) return undefined;
  const named = effectiveContainers(pod).filter((c) => c.name === pod.agentContainer);
  const source = named.find((c) => c.origin !== 'yaml' && c.image) ?? named.find((c) => c.image);
  // A command or args of its own may start the agent (JKL207 judges a command that does not).
  if (named.some((c) => c.command || c.args)) return undefined;
  return source;
}

/** `fedora:32`, `docker.io/library/maven@sha256:…` → the official repository's name; undefined for any other registry or namespace. */
function officialRepository(ref: string): string | undefined {
  let path = ref.split('@')[0]!;
  const parts = path.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) {
    if (parts[0] !== 'docker.io' && parts[0] !== 'index.docker.io') return undefined;
    parts.shift();
  }
  if (parts.length === 2 && parts[0] === 'library') parts.shift();
  if (parts.length !== 1) return undefined;
  path = parts[0]!;
  return path.split(':')[0]!.toLowerCase();
}
