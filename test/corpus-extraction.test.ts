// Extraction against the corpus (../shared/corpus, read in place): wherever code calls for a pod —
// `kubernetes {` or `podTemplate` outside strings and comments, as the lexer tells — a template is
// extracted, or the reason it cannot be is written down here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { lex } from '../server/out/parse/lexer.js';
import { corpusAnalysis, corpusFiles, HAVE_CORPUS, SKIP_REASON } from './corpus-helpers.js';
import { CORPUS } from './helpers.js';

/** `file:line` of a mention no template can come from, with the reason (none in the corpus today). */
const NO_TEMPLATE: Record<string, string> = {};

/** Offsets of `podTemplate` and of `kubernetes` followed by `{` (across blank lines and comments) in code. */
function mentions(text: string): number[] {
  const code = lex(text).tokens.filter((t) => t.kind !== 'newline');
  return code
    .filter((t, i) => t.kind === 'ident' && (t.text === 'podTemplate' || (t.text === 'kubernetes' && code[i + 1]?.kind === 'punct' && code[i + 1]!.text === '{')))
    .map((t) => t.start);
}

it('extracts a template wherever a corpus file calls for a pod, or says why it cannot', { skip: SKIP_REASON }, async () => {
  const missing: string[] = [];
  let files = 0;
  let templates = 0;
  for (const rel of HAVE_CORPUS ? corpusFiles() : []) {
    const text = readFileSync(join(CORPUS, rel), 'utf8');
    const at = mentions(text);
    if (!at.length) continue;
    files++;
    const { extraction } = await corpusAnalysis(rel);
    templates += extraction.templates.length;
    const starts = new Set(extraction.templates.map((t) => t.call.start));
    for (const offset of at) if (!starts.has(offset)) missing.push(`${rel}:${text.slice(0, offset).split('\n').length}`);
  }
  assert.deepEqual(missing.sort(), Object.keys(NO_TEMPLATE).sort());
  // 141 files of the three folders call for 160 pods, each one extracted.
  assert.deepEqual({ files, templates }, { files: 141, templates: 160 });
});
