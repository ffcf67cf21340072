// The validators scripts/build-validators.mjs precompiles into ./generated/.

import configValidator from './generated/config.validator.js';

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema object holding the failed keyword (the config validator is built `verbose`, for did-you-means). */
  parentSchema?: unknown;
}

export type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

export { configValidator };

let pod: Promise<Validator> | undefined;
/** The pod validator, 325 KB of code: loaded when the first pod is validated. */
export function podValidator(): Promise<Validator> {
  pod ??= import('./generated/pod.validator.js').then((m) => m.default);
  return pod;
}
