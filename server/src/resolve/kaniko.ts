// Kaniko facts (reference §3): which images are Kaniko executors, which tags carry the busybox
// shell, and where a script runs the executor.

export interface ImageRef {
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Parsed references, shared: the rules ask about each container's image once per step, and the
 * editor lints the same images on every keystroke. Bounded: emptied when it holds too many.
 */
const parsed = new Map<string, ImageRef>();

export function parseImageRef(ref: string): ImageRef {
  let known = parsed.get(ref);
  if (!known) {
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(ref, (known = parse(ref)));
  }
  return known;
}

function parse(ref: string): ImageRef {
  const [nameAndTag, digest] = ref.trim().split('@', 2) as [string, string | undefined];
  const slash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    repository: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    ...(hasTag ? { tag: nameAndTag.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** Upstream (and its mirrors, which keep the path), and the maintained forks' public images. */
const KANIKO_REPOSITORIES = [/(^|\/)kaniko-project\/executor$/, /(^|\/)osscontainertools\/kaniko$/, /^(docker\.io\/)?martizih\/kaniko$/, /(^|\/)chainguard(-dev)?\/kaniko$/];

export function isKanikoImage(ref: string): boolean {
  const { repository } = parseImageRef(ref);
  return KANIKO_REPOSITORIES.some((r) => r.test(repository));
}

/** Any image that may carry /kaniko/executor (patched builds such as csanchez/kaniko too): never assumed not to. */
export function mayBeKaniko(ref: string): boolean {
  return /kaniko/i.test(parseImageRef(ref).repository);
}

/** `debug`, `debug-v1.0.0`, `v1.23.2-debug`, `<sha>-debug`, `debug-<sha>` all carry /busybox/sh. */
export function isDebugTag(tag: string): boolean {
  return /(^|[-_.])debug($|[-_.])/.test(tag);
}

/**
 * Whether the image has a shell: true/false, or undefined when it cannot be told (digest only).
 * No tag means `latest`, the non-debug image.
 */
export function kanikoHasShell(ref: string): boolean | undefined {
  const { tag, digest } = parseImageRef(ref);
  if (tag === undefined && digest) return undefined;
  return isDebugTag(tag ?? 'latest');
}

/** The debug variant of a Kaniko image reference: `:v1.23.2` → `:v1.23.2-debug`, else `:debug`. */
export function debugVariant(ref: string): string {
  const { repository, tag } = parseImageRef(ref);
  return /^v\d+(\.\d+)*$/.test(tag ?? '') ? `${repository}:${tag}-debug` : `${repository}:debug`;
}

/** A container whose image is known (not interpolated) and is a Kaniko executor. */
export function isKanikoContainer(c: { image?: { ref: string; interpolated: boolean } } | undefined): boolean {
  return !!c?.image && !c.image.interpolated && isKanikoImage(c.image.ref);
}

/** Upstream Kaniko (gcr.io/kaniko-project) is archived since 2025-06-03. */
export function isArchivedKaniko(ref: string): boolean {
  return /(^|\/)kaniko-project\/(executor|warmer)$/.test(parseImageRef(ref).repository);
}

/**
 * Whether a debug image has `/bin/sh`: the link to /busybox/sh shipped with v1.7.0 (kaniko PR
 * #1748). True/false for a versioned tag; undefined when the tag names no version (`debug`, a sha).
 */
export function debugImageHasBinSh(ref: string): boolean | undefined {
  const m = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(parseImageRef(ref).tag ?? '');
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 1 || (major === 1 && minor >= 7);
}

/**
 * The registry a `--destination` pushes to, when the written-out part of it proves which: the name
 * before the first `/` when it looks like a host (a `.` or `:`, or `localhost`), else Docker Hub.
 * Undefined when an interpolation or expansion comes before that `/` (`$REGISTRY/app`, `$IMAGE`),
 * or before the end of a name without one (`app:$TAG` may yet read `app:5000/x`).
 */
export function destinationRegistry(value: string, literal: number): string | undefined {
  const written = value.slice(0, literal);
  const slash = written.indexOf('/');
  if (slash < 0) return literal >= value.length && value ? 'docker.io' : undefined;
  const first = written.slice(0, slash);
  if (!first) return undefined;
  return /[.:]/.test(first) || first === 'localhost' ? first : 'docker.io';
}

/**
 * Registries Kaniko reaches without a docker config: besides the config, its keychain asks Google's,
 * ECR's and ACR's helpers (pkg/creds/creds.go), which use the node's or the pod's cloud identity —
 * given by the cluster (workload identity, IRSA), not written in the pod.
 */
export function isAmbientRegistry(registry: string): boolean {
  return /(^|\.)(gcr\.io|pkg\.dev|azurecr\.io)$|\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$|^public\.ecr\.aws$/.test(registry.replace(/:\d+$/, ''));
}

/** The slim images set no DOCKER_CONFIG (their config is $HOME/.docker) and have no shell either. */
export function isSlimKaniko(ref: string): boolean {
  return /(^|[-_.])slim($|[-_.])/.test(parseImageRef(ref).tag ?? '');
}
