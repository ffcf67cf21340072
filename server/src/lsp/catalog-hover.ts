// Hover from the catalog: a step's (or option's, trigger's, …) signature, description and plugin on
// its name; a parameter's type, whether it is required, its values and description on its key.

import type { Catalog } from '../catalog/catalog.js';
import { entryOf } from './call-entry.js';
import { entryDoc, paramDoc } from './catalog-docs.js';
import type { Reading } from './current-reading.js';
import { callNamed, cursorAt } from './cursor-context.js';
import { wordAt } from './declarative-context.js';

export function catalogHover(catalog: Catalog, r: Reading, offset: number): string | undefined {
  const w = wordAt(r.text, offset);
  const i = w ? r.reader.indexAt(w.start) : -1;
  if (!w || i < 0) return undefined;
  const next = r.reader.tokens[i + 1];
  if (next?.kind === 'punct' && next.text === ':') {
    const c = cursorAt(r, w.end);
    const entry = c?.kind === 'argument' ? entryOf(catalog, r, c.call) : undefined;
    const param = entry?.params.find((p) => p.name === w.word);
    return entry && param && paramDoc(entry, param);
  }
  const call = callNamed(r, i);
  const entry = call && entryOf(catalog, r, call);
  return entry ? entryDoc(entry) : undefined;
}
