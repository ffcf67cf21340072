// tree-sitter-groovy through web-tree-sitter: one universal wasm runtime for CLI, LSP and VS Code.
// Loaded on first use (most files never need a tree, see extract.ts) and initialised once per
// process; callers must delete() trees they no longer need, because wasm memory is not
// garbage-collected.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Parser, Tree } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;
let shortRun = false;

/**
 * A short run never profits from V8 re-compiling the 1 MB grammar wasm with its optimizing tier in
 * the background (measured: ~90 ms of a ~300 ms cold start); a long run does. The V8 flag is set only
 * when the grammar is loaded: most runs never load it, and a changed flag would make V8 refuse the
 * bundle's code cache when the build's warm-up run writes it (server/bin/run-bundle.cjs).
 */
export function compileGrammarForShortRun(): void {
  shortRun = true;
}

/** Both wasm files are copied next to the compiled code by the build (see scripts/copy-assets.mjs). */
const GRAMMAR_URL = new URL('../grammar/tree-sitter-groovy.wasm', import.meta.url);
const RUNTIME_URL = new URL('../grammar/tree-sitter.wasm', import.meta.url);

export function getParser(): Promise<Parser> {
  ready ??= (async () => {
    // node:v8 is loaded only here: it brings node:stream with it, a few milliseconds of every start.
    if (shortRun) (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--liftoff-only');
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init({ locateFile: () => fileURLToPath(RUNTIME_URL) });
    const language = await Language.load(new Uint8Array(readFileSync(GRAMMAR_URL)));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

/**
 * How long a parse may take before it is given up: 100 ms and 2 ms per 1,000 characters, some 60
 * times what tree-sitter needs for real Groovy (bench/lsp.mjs: a 1,000-line file in 1.5 ms), so
 * that the time stays linear in the size. Its error recovery on some broken input grows faster (a
 * fuzzed 77 KB file of `agent any` lines: 3.3 s in ts_parser__select_tree). The tree only
 * arbitrates what the lexer guessed; without it the lexer's reading stands.
 */
function parseBudgetMs(text: string): number {
  return 100 + text.length / 500;
}

/** Parses text, reusing `old` (already edited) for an incremental parse when given; undefined when the parse ran out of time. */
export async function parseGroovy(text: string, old?: Tree): Promise<Tree | undefined> {
  return parseWith(await getParser(), text, old);
}

/** parseGroovy with the parser at hand: nothing can change `text` or `old` between reading and parsing them. */
export function parseWith(parser: Parser, text: string, old?: Tree): Tree | undefined {
  const deadline = performance.now() + parseBudgetMs(text);
  // The callback returning true cancels the parse (web-tree-sitter 0.25 types its result as void).
  const tree = parser.parse(text, old ?? null, { progressCallback: () => performance.now() > deadline });
  if (tree) return tree;
  // A cancelled parse is kept for resuming; the next parse is of another text.
  parser.reset();
  return undefined;
}

export type { Tree, Node } from 'web-tree-sitter';
