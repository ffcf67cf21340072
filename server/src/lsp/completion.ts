// Completion: pod YAML keys and enum values in embedded YAML (by the path the cursor is in),
// kubernetes { } options, container names in container('…') and defaultContainer '…', the
// sections, conditions and agent types of a Declarative pipeline, steps and directive entries where
// a statement starts, and parameter names and enum values in a call's arguments.

import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KUBERNETES_OPTIONS } from '../core/kubernetes-options.js';
import { containerNames } from '../resolve/effective.js';
import { schemaAt } from '../schema/validate-pod.js';
import { catalogFor } from '../catalog/for-jenkins.js';
import type { Linted } from './linter.js';
import { argumentItems } from './argument-completion.js';
import { readingOf } from './current-reading.js';
import { cursorAt } from './cursor-context.js';
import { blockAt } from './declarative-context.js';
import { bareAgentItems } from './declarative-completion.js';
import { statementItems } from './statement-completion.js';
import { podAround, yamlAt } from './locate.js';
import { yamlCursor } from './yaml-path.js';

export function complete(l: Linted | undefined, doc: TextDocument, position: Position, snippets = false): CompletionItem[] {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (!l) return [];

  // container('…' / container(name: '…' / defaultContainer '…
  if (/(container\(\s*(name:\s*)?|defaultContainer\s+)['"][\w-]*$/.test(before)) {
    const pod = podAround(l, offset);
    return pod ? containerNames(pod).map((name) => ({ label: name, kind: CompletionItemKind.Value, detail: 'container of this pod' })) : [];
  }

  // Inside pod YAML written in this file: keys and values from the Pod schema.
  const y = yamlAt(l, Math.min(offset, l.text.length));
  if (y) {
    const firstLine = doc.positionAt(y.yaml.text.offsets[0]!).line;
    const lines = text.slice(doc.offsetAt({ line: firstLine, character: 0 }), offset).split('\n');
    const cursor = yamlCursor(lines, position.character);
    if (!cursor) return [];
    if (cursor.valueKey) {
      const values = schemaAt([...cursor.path, cursor.valueKey], 'full')?.schema.enum ?? [];
      return values.filter((v): v is string => typeof v === 'string' && v !== '').map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
    }
    const at = schemaAt(cursor.path, 'full');
    const props = at?.schema.properties ?? (at?.schema.items ? schemaAt([...cursor.path, '0'], 'full')?.schema.properties : undefined) ?? {};
    return Object.entries(props).map(([name, s]) => ({
      label: name,
      kind: CompletionItemKind.Property,
      insertText: `${name}: `,
      ...(s.description ? { documentation: { kind: 'markdown' as const, value: s.description } } : {}),
    }));
  }

  // A statement inside a declarative kubernetes { } block.
  const t = l.result.analysis.extraction.templates.find((x) => x.kind === 'declarative' && x.call.closure && offset > x.call.closure.start && offset < x.call.closure.end);
  if (t && /^\s*\w*$/.test(before)) {
    return KUBERNETES_OPTIONS.filter((o) => o.declarative).map((o) => ({
      label: o.name,
      kind: CompletionItemKind.Property,
      detail: o.default ? `default: ${o.default}` : 'kubernetes option',
      documentation: { kind: 'markdown', value: o.doc },
    }));
  }

  // In a call's arguments, or where a statement starts: what the block around the cursor takes.
  const r = readingOf(doc, l);
  const catalog = catalogFor(l.config.jenkins);
  const cursor = cursorAt(r, offset);
  const args = cursor?.kind === 'argument' ? argumentItems(catalog, r, cursor, snippets) : undefined;
  if (args) return args;
  if (/(^|[{;])\s*agent\s+\w*$/.test(before)) return bareAgentItems();
  return cursor?.kind === 'statement' ? statementItems(catalog, blockAt(r.blocks, offset), snippets) : [];
}
