// Completion inside a Declarative pipeline: the sections and directives each block takes, post and
// when conditions, agent types, input fields; snippets where the client supports them.

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Catalog } from '../catalog/catalog.js';
import type { Block } from '../declarative/model.js';
import { SECTIONS } from '../declarative/sections.js';

/** Items for a statement being started in `block` (the line holds only the word typed so far). */
export function declarativeItems(catalog: Catalog, block: Block, snippets: boolean): CompletionItem[] {
  const item = (label: string, detail: string, doc: string, snippet?: string, kind: CompletionItemKind = CompletionItemKind.Keyword): CompletionItem => ({
    label,
    kind,
    detail,
    documentation: { kind: 'markdown', value: doc },
    ...(snippet && snippets ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
  });
  const sections = SECTIONS.filter((s) => s.in.includes(block.kind)).map((s) => item(s.name, s.where, `${s.doc}\n\n\`\`\`groovy\n${s.example}\n\`\`\``, s.snippet));
  switch (block.kind) {
    case 'post':
      return catalog
        .all('post')
        .sort((a, b) => (b.ordinal ?? 0) - (a.ordinal ?? 0))
        .map((e) => item(e.symbol, 'post condition', e.description, `${e.symbol} {\n\t$0\n}`, CompletionItemKind.Event));
    case 'when':
      return [
        ...sections,
        ...catalog.all('when').map((e) => item(e.symbol, `when condition${e.params.length ? `(${e.params.map((p) => p.name + (p.required ? '' : '?')).join(', ')})` : ''}`, `${e.description}\n\n\`\`\`groovy\n${e.example}\n\`\`\``, undefined, CompletionItemKind.Function)),
      ];
    case 'agent':
      return catalog
        .all('agent')
        .filter((e) => e.params.length)
        .map((e) => item(e.symbol, 'agent type', `${e.description}\n\n\`\`\`groovy\n${e.example}\n\`\`\``, `${e.symbol} {\n\t$0\n}`, CompletionItemKind.Class));
    default:
      return sections;
  }
}

/** After `agent ` on its line: the agent types written bare. */
export function bareAgentItems(): CompletionItem[] {
  return ['any', 'none'].map((label) => ({ label, kind: CompletionItemKind.Value, detail: label === 'any' ? 'run on any available agent' : 'no global agent: each stage names its own' }));
}
