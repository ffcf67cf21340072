// Validates a pod against schemas/pod.schema.json with the ajv validator precompiled at build time
// (scripts/build-validators.mjs), and turns each ajv error into a rule code with a fixed message.

import { readFileSync } from 'node:fs';
import { closest, distance } from 'fastest-levenshtein';
import { POD_OUTLINE_JSON } from './generated/pod-outline.js';
import { podValidator, type AjvError } from './validators.js';

export type SchemaCode = 'JKL101' | 'JKL102' | 'JKL103' | 'JKL104';

export interface SchemaIssue {
  code: SchemaCode;
  /** Path of the object or value the issue is about. */
  path: string[];
  /** Where to point: the unknown key, the object missing a field, or the offending value. */
  target: 'key' | 'object' | 'value';
  /** For target 'key': the key; for a did-you-mean fix, the suggested name. */
  key?: string;
  suggestion?: string;
  /** For target 'value': the allowed value it differs from only in case (`always` for `Always`). */
  caseOf?: string;
  message: string;
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  enum?: unknown[];
  required?: string[];
}
interface PodSchema {
  definitions: Record<string, JsonSchema>;
}

let outline: PodSchema | undefined;
let full: PodSchema | undefined;
/**
 * `outline`: the schema's structure alone, built in (scripts/build-validators.mjs), which is what
 * messages need; `full`: the schema with descriptions, types and enums, read when the editor shows them.
 */
function podSchema(detail: 'outline' | 'full'): PodSchema {
  if (detail === 'outline') return (outline ??= JSON.parse(POD_OUTLINE_JSON) as PodSchema);
  full ??= JSON.parse(readFileSync(new URL('../schemas/pod.schema.json', import.meta.url), 'utf8')) as PodSchema;
  return full;
}

/** The schema (and its definition name) that describes the value at `path`. */
export function schemaAt(path: readonly string[], detail: 'outline' | 'full' = 'outline'): { schema: JsonSchema; type: string } | undefined {
  const defs = podSchema(detail).definitions;
  let type = 'Pod';
  let s: JsonSchema | undefined = defs.Pod;
  const deref = () => {
    while (s?.$ref) {
      type = s.$ref.replace('#/definitions/', '');
      s = defs[type];
    }
  };
  deref();
  for (const seg of path) {
    if (!s) return undefined;
    if (s.properties?.[seg]) s = s.properties[seg];
    else if (s.items && /^\d+$/.test(seg)) s = s.items;
    else if (typeof s.additionalProperties === 'object') s = s.additionalProperties;
    else return undefined;
    deref();
  }
  return s ? { schema: s, type } : undefined;
}

export async function validatePod(value: unknown): Promise<SchemaIssue[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [{ code: 'JKL102', path: [], target: 'value', message: `Wrong type for the pod: expected a mapping, got ${typeName(value)}` }];
  }
  const validate = await podValidator();
  if (validate(value)) return [];
  const issues: SchemaIssue[] = [];
  for (const e of validate.errors ?? []) {
    const issue = toIssue(e, value);
    if (issue) issues.push(issue);
  }
  return issues;
}

function toIssue(e: AjvError, root: unknown): SchemaIssue | undefined {
  const path = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map(unescapePointer);
  const field = path.length ? path[path.length - 1]! : 'pod';
  const at = schemaAt(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const names = Object.keys(at?.schema.properties ?? {});
      const suggestion = suggest(key, names);
      const where = at ? ` in ${at.type}` : '';
      return {
        code: 'JKL101',
        path,
        target: 'key',
        key,
        ...(suggestion ? { suggestion } : {}),
        message: `Unknown field "${key}"${where}: Jenkins ignores it silently` + (suggestion ? `; did you mean "${suggestion}"?` : ''),
      };
    }
    case 'required': {
      const key = String(e.params.missingProperty);
      return { code: 'JKL103', path, target: 'object', key, message: `Missing required field "${key}" in ${at?.type ?? field}` };
    }
    case 'type': {
      const expected = String(e.params.type).replace(',', ' or ');
      return {
        code: 'JKL102',
        path,
        target: 'value',
        message: `Wrong type for "${field}": expected ${expected}, got ${typeName(valueAt(root, path))}; Jenkins cannot create this pod`,
      };
    }
    case 'enum': {
      const allowedValues = (e.params.allowedValues as unknown[]).filter((v) => v !== '');
      const value = valueAt(root, path);
      const caseOf = typeof value === 'string' ? allowedValues.find((v): v is string => typeof v === 'string' && v.toLowerCase() === value.toLowerCase()) : undefined;
      return {
        code: 'JKL104',
        path,
        target: 'value',
        ...(caseOf ? { caseOf } : {}),
        message: `Invalid value ${JSON.stringify(value)} for "${field}": expected one of ${allowedValues.join(', ')}` + (caseOf ? ` (Kubernetes compares case)` : ''),
      };
    }
    case 'const':
      return {
        code: 'JKL104',
        path,
        target: 'value',
        message: `Invalid value ${JSON.stringify(valueAt(root, path))} for "${field}": expected ${JSON.stringify(e.params.allowedValue)}`,
      };
    default:
      return { code: 'JKL104', path, target: 'value', message: `Invalid value for "${field}": ${e.keyword} check failed` };
  }
}

/** A close property name, for did-you-mean: same letters in another case, or a small edit away. */
/** Past this many names a did-you-mean helps no one, and asking it per name would cost n². */
const MAX_SUGGESTION_CANDIDATES = 200;

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length || candidates.length > MAX_SUGGESTION_CANDIDATES || word.length > 200) return undefined;
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const best = closest(word, candidates as string[]);
  if (distance(word, best) <= Math.max(2, Math.floor(word.length / 3))) return best;
  // `apache` for `apache-container`: one name is the start of the other.
  return candidates.find((c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()));
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v;
}
