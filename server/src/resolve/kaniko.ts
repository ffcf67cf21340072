// Kaniko facts (reference §3): which images are Kaniko executors, which tags carry the busybox
// shell, and where a script runs the executor.

export interface ImageRef {
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(ref: string): ImageRef {
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

/** Offsets in a script where `/kaniko/executor` is invoked. */
export function executorCalls(script: string): number[] {
  const out: number[] = [];
  const re = /(^|[\s;&|(`'"])(\/kaniko\/executor)(?![\w/.-])/g;
  for (let m = re.exec(script); m; m = re.exec(script)) out.push(m.index + m[1]!.length);
  return out;
}
