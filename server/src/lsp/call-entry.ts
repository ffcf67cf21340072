// The catalog entry a call names, looked up as Jenkins looks it up where the call is written, and
// the parameter the cursor is at in its arguments.

import type { Catalog, Entry } from '../catalog/catalog.js';
import { DIRECTIVE_KINDS, isDirectiveBlock } from '../declarative/allowed-entries.js';
import { sectionNames } from '../declarative/sections.js';
import type { Reading } from './current-reading.js';
import type { ArgumentCursor, CallSite } from './cursor-context.js';
import { blockAt } from './declarative-context.js';

/**
 * An entry of options/triggers/parameters/tools is a function of that kind first, then a step; a
 * call nested in one's arguments any function first (`logRotator`); anywhere else a step first,
 * then a function (`usernamePassword` in `withCredentials([…])`).
 */
export function entryOf(catalog: Catalog, r: Reading, call: CallSite): Entry | undefined {
  const block = blockAt(r.blocks, call.start);
  const before = r.reader.tokens[call.nameIndex - 1];
  const entryLevel = !!block && (call.nameIndex - 1 === block.open || before?.kind === 'newline' || (before?.kind === 'punct' && before.text === ';'));
  // `agent any`, `stage('x')` in stages: a section of the block, not a call.
  if (entryLevel && sectionNames(block.kind).includes(call.name)) return undefined;
  if (!block || !isDirectiveBlock(block.kind)) return catalog.stepOrFunction(call.name);
  return catalog.functionOrStep(call.name, entryLevel ? DIRECTIVE_KINDS[block.kind] : undefined);
}

/**
 * Index of the parameter the cursor is at: the one its key names, else by position while the
 * arguments are unnamed, else (a new named argument) the first one not written; -1 for none.
 */
export function activeParam(e: Entry, c: ArgumentCursor): number {
  if (c.key !== undefined) return e.params.findIndex((p) => p.name === c.key);
  if (!c.written.length) return c.index < e.params.length ? c.index : -1;
  return c.atKey ? e.params.findIndex((p) => !c.written.includes(p.name)) : -1;
}
