// Completion where a statement starts: steps in steps bodies, post conditions, script { } bodies and
// scripted pipelines; options, triggers, parameters and tools in their sections; the sections and
// conditions of the other Declarative blocks. Each list is made once per catalog and reused.

import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { Catalog, Entry } from '../catalog/catalog.js';
import { declarativeSteps, directiveEntries, isDirectiveBlock } from '../declarative/allowed-entries.js';
import type { Block } from '../declarative/model.js';
import { sectionNames } from '../declarative/sections.js';
import { entryDoc, signatureOf } from './catalog-docs.js';
import { callSnippet } from './catalog-snippets.js';
import { declarativeItems } from './declarative-completion.js';

const lists = new WeakMap<Catalog, Map<string, CompletionItem[]>>();

/** The list made by `make` for this catalog under `key`, made on first use. */
export function cachedItems(catalog: Catalog, key: string, make: () => CompletionItem[]): CompletionItem[] {
  let byKey = lists.get(catalog);
  if (!byKey) lists.set(catalog, (byKey = new Map()));
  let items = byKey.get(key);
  if (!items) byKey.set(key, (items = make()));
  return items;
}

/** What may start a statement in `block` (none: a scripted pipeline, or Groovy outside `pipeline`). */
export function statementItems(catalog: Catalog, block: Block | undefined, snippets: boolean): CompletionItem[] {
  const kind = block?.kind;
  if (!block || kind === 'script') return cachedItems(catalog, `anyStep:${snippets}`, () => catalog.all('step').map((e) => entryItem(e, true, snippets)));
  if (kind === 'steps' || kind === 'postCondition') {
    // `script` is a section there, documented as one.
    const sections = sectionNames(block.kind);
    return cachedItems(catalog, `${kind}:${snippets}`, () => [
      ...declarativeItems(catalog, block, snippets),
      ...declarativeSteps(catalog)
        .filter((e) => !sections.includes(e.symbol))
        .map((e) => entryItem(e, true, snippets)),
    ]);
  }
  if (isDirectiveBlock(kind)) return cachedItems(catalog, `${kind}:${snippets}`, () => directiveEntries(catalog, kind).map((e) => entryItem(e, false, snippets)));
  return cachedItems(catalog, `${kind}:${snippets}`, () => declarativeItems(catalog, block, snippets));
}

/** A step or directive entry; `inSteps`: a block step is written with its body there (not in options). */
function entryItem(e: Entry, inSteps: boolean, snippets: boolean): CompletionItem {
  return {
    label: e.symbol,
    kind: e.kind === 'step' ? CompletionItemKind.Function : CompletionItemKind.Property,
    detail: signatureOf(e).label,
    documentation: { kind: 'markdown', value: entryDoc(e) },
    ...(snippets ? { insertText: callSnippet(e, inSteps && !!e.takesBlock), insertTextFormat: InsertTextFormat.Snippet } : {}),
  };
}
