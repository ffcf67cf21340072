// Open documents with incremental sync: the text, and the tree-sitter tree, parsed when the linter
// asks for it and then re-parsed incrementally from the previous one, which every edit updates.

import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { getParser, parseWith, type Tree } from '../parse/parser.js';

export interface OpenDocument {
  doc: TextDocument;
  tree?: Tree;
  /** The length of the text when a parse ran out of time: not parsed again until it is a quarter shorter. */
  gaveUpAt?: number;
}

export class Documents {
  private readonly docs = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    this.close(uri);
    const d: OpenDocument = { doc: TextDocument.create(uri, languageId, version, text) };
    this.docs.set(uri, d);
    return d;
  }

  /** Applies changes in order, editing the kept tree so the next parse can reuse it. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    for (const change of changes) {
      if ('range' in change && d.tree) {
        // Positions come from the change itself: no scan of the document per keystroke.
        const start = d.doc.offsetAt(change.range.start);
        const oldEnd = Math.max(start, d.doc.offsetAt(change.range.end));
        const lines = change.text.split('\n');
        const last = lines[lines.length - 1]!;
        const startPosition = { row: change.range.start.line, column: change.range.start.character };
        d.tree.edit({
          startIndex: start,
          oldEndIndex: oldEnd,
          newEndIndex: start + change.text.length,
          startPosition,
          oldEndPosition: { row: change.range.end.line, column: change.range.end.character },
          newEndPosition: { row: startPosition.row + lines.length - 1, column: (lines.length === 1 ? startPosition.column : 0) + last.length },
        });
      } else if (d.tree) {
        // A full-text change: nothing of the old tree can be reused.
        d.tree.delete();
        delete d.tree;
      }
      d.doc = TextDocument.update(d.doc, [change], version);
    }
    return d;
  }

  /** The document's tree for its current text, parsed incrementally from the last one; undefined when the parse ran out of time. */
  async tree(d: OpenDocument): Promise<Tree | undefined> {
    // The text and the kept tree are read after the await: an edit may come while the grammar loads.
    const parser = await getParser();
    const text = d.doc.getText();
    // A text on which tree-sitter ran out of time would cost its whole budget on every keystroke.
    if (d.gaveUpAt !== undefined && text.length > d.gaveUpAt * 0.75) return undefined;
    const next = parseWith(parser, text, d.tree);
    if (d.tree && d.tree !== next) d.tree.delete();
    if (next) {
      d.tree = next;
      delete d.gaveUpAt;
    } else {
      delete d.tree;
      d.gaveUpAt = text.length;
    }
    return next;
  }

  close(uri: string): void {
    const d = this.docs.get(uri);
    d?.tree?.delete();
    this.docs.delete(uri);
  }
}
