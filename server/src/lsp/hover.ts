// Hover: the schema's description of a pod YAML field, what a kubernetes option does, what a
// Declarative section, directive or condition does, and the rule behind a diagnostic.

import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { Hover, Position } from 'vscode-languageserver';
import { KUBERNETES_OPTIONS } from '../core/kubernetes-options.js';
import { ruleByCode } from '../rules/index.js';
import { schemaAt } from '../schema/validate-pod.js';
import { keyText } from '../yaml/parse-yaml.js';
import type { Linted } from './linter.js';
import type { Catalog } from '../catalog/catalog.js';
import { catalogFor } from '../catalog/for-jenkins.js';
import { sectionDoc } from '../declarative/sections.js';
import { catalogHover } from './catalog-hover.js';
import type { Reading } from './current-reading.js';
import { blockAt, wordAt } from './declarative-context.js';
import { optionAt, yamlAt } from './locate.js';

/** `l`: the latest lint; `r`: the text as it is now, which `offset` and `position` are in. */
export function hover(l: Linted, r: Reading, offset: number, position: Position): Hover | null {
  const parts: string[] = [];
  const y = yamlAt(l, offset);
  if (y) {
    const path = keyPathAt(y.yaml.parsed.doc.contents as Node | null, y.index);
    const at = path && schemaAt(path, 'full');
    if (path && at) {
      const type = at.schema.$ref ? at.type : (Array.isArray(at.schema.type) ? at.schema.type.join(' | ') : at.schema.type) ?? at.type;
      const items = at.schema.items ? ` of ${at.type}` : '';
      parts.push(`**${path[path.length - 1]}** \`${type}${items}\`${at.schema.enum ? ` — one of ${at.schema.enum.filter(Boolean).join(', ')}` : ''}\n\n${at.schema.description ?? ''}`.trim());
    }
  } else {
    const o = optionAt(l, offset);
    const doc = o?.onKey && KUBERNETES_OPTIONS.find((k) => k.name === o.option.key);
    if (doc) parts.push(`**${doc.name}** (kubernetes agent option)\n\n${doc.doc}${doc.default ? `\n\nDefault: ${doc.default}` : ''}`);
    else {
      const catalog = catalogFor(l.config.jenkins);
      const d = declarativeHover(catalog, r, offset) ?? catalogHover(catalog, r, offset);
      if (d) parts.push(d);
    }
  }
  for (const d of l.result.diagnostics) {
    if (d.file !== l.path || !within(position, d.range)) continue;
    const rule = ruleByCode(d.code);
    if (rule) parts.push(`**${rule.code}** ${rule.name}: ${rule.summary} ([docs](${d.href}))`);
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}

function within(p: Position, r: { start: Position; end: Position }): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}

/** The path of keys down to the key (or the value of the key) at a YAML text index. */
function keyPathAt(node: Node | null, index: number, path: string[] = []): string[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items as Array<Pair<Node, Node>>) {
      const k = keyText(pair.key);
      const kr = pair.key?.range;
      if (k === undefined || !kr) continue;
      if (index >= kr[0] && index <= kr[1]) return [...path, k];
      const vr = pair.value?.range;
      if (vr && index >= vr[0] && index <= vr[2]) return keyPathAt(pair.value, index, [...path, k]) ?? [...path, k];
    }
  } else if (isSeq(node)) {
    for (const [i, item] of (node.items as Node[]).entries()) {
      const r = item?.range;
      if (r && index >= r[0] && index <= r[2]) return keyPathAt(item, index, [...path, String(i)]);
    }
  }
  return undefined;
}

/** What a section, directive, condition or agent type of a Declarative pipeline does, where it goes, an example. */
function declarativeHover(catalog: Catalog, r: Reading, offset: number): string | undefined {
  const w = wordAt(r.text, offset);
  if (!w) return undefined;
  const block = blockAt(r.blocks, w.start);
  const entry =
    (block?.kind === 'post' && catalog.get('post', w.word)) ||
    (block?.kind === 'when' && catalog.get('when', w.word)) ||
    ((block?.kind === 'agent' || block?.kind === 'pipeline' || block?.kind === 'stage') && w.word !== 'agent' && catalog.get('agent', w.word)) ||
    undefined;
  if (entry) {
    const params = entry.params.length ? `\n\nParameters: ${entry.params.map((p) => `\`${p.name}\`${p.required ? '' : ' (optional)'}: ${p.type.kind === 'enum' ? p.type.values.join(' | ') : p.type.kind}`).join(', ')}` : '';
    return `**${w.word}** (${entry.kind === 'post' ? 'post condition' : entry.kind === 'when' ? 'when condition' : 'agent type'})\n\n${entry.description}${params}\n\n\`\`\`groovy\n${entry.example}\n\`\`\``;
  }
  const section = block ? sectionDoc(w.word, block.kind) : w.word === 'pipeline' ? sectionDoc('pipeline') : undefined;
  if (!section) return undefined;
  return `**${section.name}** — ${section.where}\n\n${section.doc}\n\n\`\`\`groovy\n${section.example}\n\`\`\``;
}
