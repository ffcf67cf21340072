// The Jenkins catalog: what plugins define, looked up by kind and symbol. Parsed once, on first use.

import { CATALOG_JSON } from './generated/catalog-data.js';
import type { CatalogData, Entry, EntryKind } from './types.js';

export type { Entry, EntryKind, Param, ParamType } from './types.js';

export class Catalog {
  private readonly byKind = new Map<EntryKind, Map<string, Entry>>();

  constructor(readonly entries: readonly Entry[]) {
    for (const e of entries) {
      let m = this.byKind.get(e.kind);
      if (!m) this.byKind.set(e.kind, (m = new Map()));
      if (!m.has(e.symbol)) m.set(e.symbol, e);
    }
  }

  /** The entry of a kind registered under a symbol (its first @Symbol or function name). */
  get(kind: EntryKind, symbol: string): Entry | undefined {
    return this.byKind.get(kind)?.get(symbol);
  }

  /** The entries of a kind, in the catalog's order. */
  all(kind: EntryKind): Entry[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }
}

let builtin: Catalog | undefined;

/** The catalog generated from the plugins' sources (catalog/jenkins-catalog.json). */
export function builtinCatalog(): Catalog {
  builtin ??= new Catalog((JSON.parse(CATALOG_JSON) as CatalogData).entries);
  return builtin;
}
