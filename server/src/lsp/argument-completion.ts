// Completion in a call's arguments: the names of the parameters not yet written (required first),
// and the constants of an enum parameter inside the quotes of its value (`unit: 'MIN|'`).

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Catalog, Entry } from '../catalog/catalog.js';
import { activeParam, entryOf } from './call-entry.js';
import { paramDoc, typeName } from './catalog-docs.js';
import { argumentSnippet } from './catalog-snippets.js';
import type { Reading } from './current-reading.js';
import type { ArgumentCursor } from './cursor-context.js';

/** Undefined when the call is none the catalog knows (so other completions may apply). */
export function argumentItems(catalog: Catalog, r: Reading, c: ArgumentCursor, snippets: boolean): CompletionItem[] | undefined {
  const entry = entryOf(catalog, r, c.call);
  if (!entry) return undefined;
  if (c.inString) {
    const type = entry.params[activeParam(entry, c)]?.type;
    return type?.kind === 'enum' ? type.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: typeName(type) })) : [];
  }
  return c.atKey ? parameterItems(entry, snippets).filter((i) => !c.written.includes(i.label)) : [];
}

const items = new WeakMap<Entry, Map<boolean, CompletionItem[]>>();

function parameterItems(e: Entry, snippets: boolean): CompletionItem[] {
  let bySnippets = items.get(e);
  if (!bySnippets) items.set(e, (bySnippets = new Map()));
  let list = bySnippets.get(snippets);
  if (!list) {
    list = [...e.params]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((p, i) => ({
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: `${typeName(p.type)}${p.required ? ', required' : ''}`,
        documentation: { kind: 'markdown', value: paramDoc(e, p) },
        // Keeps the required ones first, in the entry's order, whatever the client sorts by.
        sortText: String(i).padStart(3, '0'),
        ...(snippets ? { insertText: argumentSnippet(e, p), insertTextFormat: InsertTextFormat.Snippet } : { insertText: `${p.name}: ` }),
      }));
    bySnippets.set(snippets, list);
  }
  return list;
}
