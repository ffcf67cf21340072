// The document as the editor shows it now. Completion and signature help arrive while the user
// types, before the debounced lint has read the edit, so they read the current text: its tokens and
// its Declarative blocks, once per document version.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_FILE_BYTES } from '../core/lint.js';
import { parseDeclarative } from '../declarative/parse.js';
import type { Block } from '../declarative/model.js';
import { TokenReader } from '../extract/reader.js';
import type { Linted } from './linter.js';

export interface Reading {
  text: string;
  reader: TokenReader;
  /** The Declarative blocks (none in a scripted Jenkinsfile). */
  blocks: Block[];
}

const readings = new WeakMap<TextDocument, { version: number; reading: Reading }>();

/** `lint`: the document's latest lint, whose blocks serve when it read this very version. */
export function readingOf(doc: TextDocument, lint: Linted | undefined): Reading {
  const kept = readings.get(doc);
  if (kept?.version === doc.version) return kept.reading;
  const text = doc.getText();
  const reader = new TokenReader(text);
  // The lint leaves the blocks out where brackets do not close, and in a file over its size limit; the
  // editor still wants its bearings there.
  const current = lint?.version === doc.version && text.length <= MAX_FILE_BYTES && !lint.result.analysis.syntax.some((p) => p.structural);
  const reading = { text, reader, blocks: current ? lint.result.analysis.declarative.blocks : parseDeclarative(reader).blocks };
  readings.set(doc, { version: doc.version, reading });
  return reading;
}
