// tree-sitter-groovy through web-tree-sitter: one universal wasm runtime for CLI, LSP and VS Code.
// Initialised once per process; callers must delete() trees they no longer need, because wasm
// memory is not garbage-collected.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Tree } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

/** Both wasm files are copied next to the compiled code by the build (see scripts/copy-assets.mjs). */
const GRAMMAR_URL = new URL('../grammar/tree-sitter-groovy.wasm', import.meta.url);
const RUNTIME_URL = new URL('../grammar/tree-sitter.wasm', import.meta.url);

export function getParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init({ locateFile: () => fileURLToPath(RUNTIME_URL) });
    const language = await Language.load(new Uint8Array(await readFile(GRAMMAR_URL)));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/** Parses text, reusing `old` (already edited) for an incremental parse when given. */
export async function parseGroovy(text: string, old?: Tree): Promise<Tree> {
  const parser = await getParser();
  const tree = parser.parse(text, old ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

export type { Tree, Node } from 'web-tree-sitter';
