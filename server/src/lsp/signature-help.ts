// Signature help in a step's (or function's) arguments: its parameters as `name: type`, the one
// being written active, by its key or by position.

import type { ParameterInformation, SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import type { Catalog, Entry } from '../catalog/catalog.js';
import { activeParam, entryOf } from './call-entry.js';
import { paramDoc, signatureOf } from './catalog-docs.js';
import type { Reading } from './current-reading.js';
import { cursorAt } from './cursor-context.js';

export function signatureHelp(catalog: Catalog, r: Reading, offset: number): SignatureHelp | null {
  const c = cursorAt(r, offset);
  const entry = c?.kind === 'argument' ? entryOf(catalog, r, c.call) : undefined;
  if (c?.kind !== 'argument' || !entry) return null;
  const active = activeParam(entry, c);
  return { signatures: [information(entry)], activeSignature: 0, ...(active >= 0 ? { activeParameter: active } : {}) };
}

const informations = new WeakMap<Entry, SignatureInformation>();

function information(e: Entry): SignatureInformation {
  let info = informations.get(e);
  if (!info) {
    const s = signatureOf(e);
    const parameters: ParameterInformation[] = e.params.map((p, i) => ({ label: s.params[i]!, documentation: { kind: 'markdown', value: paramDoc(e, p) } }));
    info = { label: s.label, documentation: e.description, parameters };
    informations.set(e, info);
  }
  return info;
}
