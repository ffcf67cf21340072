// The validators scripts/build-validators.mjs precompiles next to the compiled code (out/schema/).
// Loaded with require, not import(): importing CommonJS from ESM first lexes the whole file for exports.

import { createRequire } from 'node:module';

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const cache = new Map<string, Validator>();

export function validator(name: 'pod' | 'config'): Validator {
  let v = cache.get(name);
  if (!v) cache.set(name, (v = createRequire(import.meta.url)(`../schema/${name}.validator.cjs`) as Validator));
  return v;
}
