// Pod YAML read the way Jenkins reads it (Jackson over SnakeYAML, i.e. YAML 1.1): `0644` is octal,
// a fragment without apiVersion/kind is fine, blank YAML is an empty pod, the last of duplicate keys
// wins. Offsets are positions in the YAML text; callers map them through MappedText.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';

export interface YamlProblem {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedYaml {
  doc: Document.Parsed;
  /** The pod as plain data, null-valued keys dropped (Jackson leaves those fields unset). */
  value: unknown;
  problems: YamlProblem[];
}

/** Billion-laughs cap: how many alias expansions one document may make. */
const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false, uniqueKeys: true });
  const problems: YamlProblem[] = [];
  for (const e of doc.errors) {
    let [start, end] = e.pos;
    const quote = /Missing closing (["'])quote/.exec(e.message)?.[1];
    if (quote && text.lastIndexOf(quote, start) >= 0) {
      // The parser notices at the end of the text; the mistake is the quote that was opened.
      start = text.lastIndexOf(quote, start);
      end = start + 1;
    }
    if (e.code === 'DUPLICATE_KEY') {
      problems.push({ start, end, severity: 'warning', message: 'Duplicate key in pod YAML: Jenkins keeps the last value and silently drops the other' });
    } else {
      problems.push({ start, end: Math.max(end, start + 1), severity: 'error', message: `Pod YAML is not valid YAML: ${firstLine(e.message)}` });
    }
  }
  let value: unknown = {};
  if (!problems.some((p) => p.severity === 'error')) {
    try {
      value = dropNulls(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) ?? {};
    } catch (e) {
      // The yaml package throws when aliases expand past the cap (a YAML bomb).
      problems.push({ start: 0, end: Math.min(text.length, 1), severity: 'error', message: `Pod YAML is not valid YAML: ${firstLine((e as Error).message)}` });
    }
  }
  return { doc, value, problems };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
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
      // The last pair with that key: Jackson keeps the last duplicate.
      const items = node.items as Array<Pair<Node, Node>>;
      pair = undefined;
      for (const p of items) if (keyText(p.key) === seg) pair = p;
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

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** [start, end) of a node's own text (without trailing comments). */
export function nodeRange(node: Node | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
