// The document as the editor shows it now. Completion and signature help arrive while the user
// types, before the debounced lint has read the edit, so they read the current text: its tokens and
// its Declarative blocks, once per document version.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDeclarative } from '../declarative/parse.js';
import type { Block } from '../declarative/model.js';
import { TokenReader } from '../extract/reader.js';

export interface Reading {
  text: string;
  reader: TokenReader;
  /** The Declarative blocks (none in a scripted Jenkinsfile). */
  blocks: Block[];
}

const readings = new WeakMap<TextDocument, { version: number; reading: Reading }>();

export function readingOf(doc: TextDocument): Reading {
  const kept = readings.get(doc);
  if (kept?.version === doc.version) return kept.reading;
  const text = doc.getText();
  const reader = new TokenReader(text);
  const reading = { text, reader, blocks: parseDeclarative(reader).blocks };
  readings.set(doc, { version: doc.version, reading });
  return reading;
}
