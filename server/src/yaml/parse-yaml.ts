// Pod YAML read the way Jenkins reads it (Jackson over SnakeYAML, i.e. YAML 1.1): `0644` is octal,
// a fragment without apiVersion/kind is fine, blank YAML is an empty pod, the last of duplicate keys
// wins. Offsets are positions in the YAML text; callers map them through MappedText.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { firstLine, syntaxMistake } from './syntax-mistake.js';
import { pushAll } from '../core/push-all.js';

export interface YamlProblem {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
  /** The YAML is too deep to read: not a mistake in it (JKL005, not JKL001); nothing else is checked. */
  limit?: true;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The pod as plain data, null-valued keys dropped (Jackson leaves those fields unset). */
  value: unknown;
  problems: YamlProblem[];
}

/** Billion-laughs cap: how many alias expansions one document may make. */
const MAX_ALIAS_COUNT = 100;
/** Nesting past this is not read (a pod spec is about ten levels deep). */
export const MAX_YAML_DEPTH = 100;
/**
 * Pod YAML longer than this is not read: a large real pod is a few KB, and the API server stores a
 * pod in etcd, whose objects stop at 1.5 MB. The yaml package reads ~1.5 MB/s of some shapes (a
 * fuzzed 1.6 MB pod of one line repeated took 4–6 s), so a bound keeps every lint in seconds.
 */
export const MAX_YAML_CHARS = 512 * 1024;

const DUPLICATE_KEY = 'Duplicate key in pod YAML: Jenkins keeps the last value and silently drops the other';
const tooDeep = (start: number, end: number): YamlProblem => ({
  start,
  end,
  severity: 'error',
  limit: true,
  message: `Pod YAML nested more than ${MAX_YAML_DEPTH} levels deep is not read; this pod is not checked`,
});

export function parseYaml(text: string): ParsedYaml {
  // Duplicate keys are found below in one pass: the parser's own check scans the map per key.
  // logLevel: the library would print its own warnings to stderr; ours are findings.
  const options = { version: '1.1', prettyErrors: false, uniqueKeys: false, logLevel: 'error' } as const;
  if (text.length > MAX_YAML_CHARS) {
    const message = `Pod YAML of ${Math.ceil(text.length / 1024)} KB is not read: it is over the limit of ${MAX_YAML_CHARS / 1024} KB (a large real pod is a few KB); this pod is not checked`;
    return { doc: parseDocument('', options), value: {}, problems: [{ start: 0, end: 1, severity: 'error', limit: true, message }] };
  }
  let doc: Document.Parsed;
  // The parser makes an Error per problem, and a broken text may have thousands: their stack traces,
  // never read, were most of the time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    doc = parseDocument(text, options);
  } catch (e) {
    // Most overflows the parser reports as errors (below); some nestings of flow collections escape it.
    if (!(e instanceof RangeError)) throw e;
    return { doc: parseDocument('', options), value: {}, problems: [tooDeep(0, Math.min(text.length, 1))] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const problems: YamlProblem[] = [];
  // The parser recurses per level and reports its own stack overflow as an error.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) problems.push(tooDeep(overflow.pos[0], overflow.pos[0] + 1));
  const mistake = syntaxMistake(text, doc.errors.filter((e) => !/call stack/i.test(e.message)));
  if (mistake) problems.push(mistake);
  if (!problems.some((p) => p.severity === 'error')) pushAll(problems, walk(doc));
  let value: unknown = {};
  if (!problems.some((p) => p.severity === 'error')) {
    try {
      value = dropNulls(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) ?? {};
    } catch (e) {
      // The yaml package throws when aliases expand past the cap (a YAML bomb), or nest past the stack.
      if (e instanceof RangeError) problems.push(tooDeep(0, Math.min(text.length, 1)));
      else problems.push({ start: 0, end: Math.min(text.length, 1), severity: 'error', message: `Pod YAML is not valid YAML: ${firstLine((e as Error).message)}` });
    }
  }
  return { doc, value, problems: problems.sort((a, b) => a.start - b.start) };
}

/**
 * One iterative pass over the document: duplicate keys (a warning each, at the later key) and
 * nesting past MAX_YAML_DEPTH (then nothing else is read, so no later step recurses that deep).
 */
function walk(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_YAML_DEPTH) {
      const r = (node as Node).range;
      return [tooDeep(r?.[0] ?? 0, (r?.[0] ?? 0) + 1)];
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
      continue;
    }
    const seen = new Set<string>();
    for (const pair of node.items as Array<Pair<Node, Node>>) {
      const k = keyText(pair.key);
      if (k !== undefined && seen.has(k) && pair.key?.range) problems.push({ start: pair.key.range[0], end: pair.key.range[1], severity: 'warning', message: DUPLICATE_KEY });
      if (k !== undefined) seen.add(k);
      stack.push({ node: pair.value, depth: depth + 1 });
    }
  }
  return problems;
}

function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = dropNulls(x);
    return out;
  }
  return v;
}

export interface YamlLocation {
  /** The node at the path (a value), if present. */
  node?: Node;
  /** The map pair whose value is the node, when the last step was a map key. */
  pair?: Pair<Node, Node>;
}

/** Finds the node at a JSON-pointer-like path (`['spec','containers','0','image']`). */
export function locate(doc: Document.Parsed, path: readonly string[]): YamlLocation {
  let node: unknown = doc.contents;
  let pair: Pair<Node, Node> | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      pair = pairFor(node, seg);
      if (!pair) return {};
      node = pair.value;
    } else if (isSeq(node)) {
      pair = undefined;
      node = node.items[Number(seg)];
      if (!node) return {};
    } else {
      return {};
    }
  }
  return { ...(node ? { node: node as Node } : {}), ...(pair ? { pair } : {}) };
}

/** Each map's pairs by key, built once per map, so that locating many keys in a large map stays linear. */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair<Node, Node>>>();

/** The pair with this key in a map; the last one, as Jackson keeps the last duplicate. */
export function pairFor(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items as Array<Pair<Node, Node>>) {
      const k = keyText(p.key);
      if (k !== undefined) index.set(k, p);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** [start, end) of a node's own text (without trailing comments). */
export function nodeRange(node: Node | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
