// The language server on Declarative pipelines, over a real stdio connection: completion of sections,
// conditions and agent types where each belongs, hover documentation, the outline from the model,
// folding, and the quick fixes for misspelled sections and steps outside steps { }.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver';
import { workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const PIPELINE = `pipeline {
  agent any
  enviroment {
    FOO = 'bar'
  }

  stages {
    stage('Build') {
      sh 'make'
    }
    stage('Checks') {
      when {
        branch 'main'

      }
      parallel {
        stage('Unit') {
          agent {

          }
          steps { echo 'unit' }
        }
        stage('Lint') { steps { echo 'lint' } }
      }
    }
  }
  post {
    always { echo 'done' }

  }
}
`;

/** The position of the n-th occurrence of `needle` (plus `shift` characters). */
function at(text: string, needle: string, shift = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `no ${needle}`);
  const before = text.slice(0, i + shift);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** A position on the empty line after the line holding `needle`. */
function lineAfter(text: string, needle: string): { line: number; character: number } {
  return { line: at(text, needle).line + 1, character: 4 };
}

describe('language server on Declarative pipelines', () => {
  let c: LspClient;
  const file = 'Jenkinsfile';
  before(async () => {
    c = await LspClient.start(workspace({ '.git/HEAD': '' }));
    c.open(file, PIPELINE);
    await c.waitFor(c.uri(file));
  });
  after(() => c.stop());

  const complete = async (position: { line: number; character: number }) =>
    ((await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: c.uri(file) }, position })) as CompletionItem[]).map((i) => i.label);

  it('completes the sections each block takes', async () => {
    const top = await complete(lineAfter(PIPELINE, '  }\n\n  stages {') );
    assert.ok(['agent', 'stages', 'environment', 'options', 'parameters', 'triggers', 'post'].every((s) => top.includes(s)), top.join());
    assert.ok(!top.includes('steps'));
    const inWhen = await complete(lineAfter(PIPELINE, "branch 'main'"));
    assert.ok(inWhen.includes('branch') && inWhen.includes('expression') && inWhen.includes('beforeAgent') && inWhen.includes('allOf'), inWhen.join());
    const inPost = await complete(lineAfter(PIPELINE, "always { echo 'done' }"));
    assert.deepEqual(inPost, ['always', 'changed', 'fixed', 'regression', 'aborted', 'success', 'unsuccessful', 'unstable', 'failure', 'notBuilt', 'cleanup']);
    const inAgent = await complete({ line: at(PIPELINE, 'agent {').line + 1, character: 12 });
    assert.ok(inAgent.includes('docker') && inAgent.includes('kubernetes') && inAgent.includes('label') && !inAgent.includes('any'), inAgent.join());
    const bare = await complete({ line: 1, character: 8 });
    assert.deepEqual(bare, ['any', 'none']);
  });

  it('documents sections, conditions and agent types on hover', async () => {
    const hover = async (position: { line: number; character: number }) => ((await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: c.uri(file) }, position })) as Hover | null)?.contents;
    const text = (h: unknown) => (h as { value: string } | undefined)?.value ?? '';
    assert.match(text(await hover(at(PIPELINE, 'parallel {', 2))), /^\*\*parallel\*\* — in a stage/);
    assert.match(text(await hover(at(PIPELINE, "branch 'main'", 1))), /\*\*branch\*\* \(when condition\)[\s\S]*Parameters: `pattern`: string, `comparator` \(optional\)/);
    assert.match(text(await hover(at(PIPELINE, 'always {', 1))), /\*\*always\*\* \(post condition\)/);
    assert.match(text(await hover(at(PIPELINE, 'stages {', 1))), /\*\*stages\*\* — required in `pipeline`/);
  });

  it('outlines pipeline, stages and their parallel stages from the model', async () => {
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: c.uri(file) } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
    assert.deepEqual(symbols.map(tree), [{ pipeline: ['Build', { Checks: ['Unit', 'Lint'] }] }]);
  });

  it('folds every block', async () => {
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: c.uri(file) } })) as FoldingRange[];
    const stages = at(PIPELINE, '  stages {').line;
    assert.ok(folds.some((f) => f.startLine === stages && f.endLine === at(PIPELINE, '  post {').line - 2), JSON.stringify(folds));
    assert.ok(folds.some((f) => f.startLine === at(PIPELINE, 'parallel {').line));
  });

  it('offers to rename a misspelled section and to wrap bare steps in steps { }', async () => {
    const diags = await c.waitFor(c.uri(file));
    const actions = async (code: string, message: RegExp) => {
      const d = diags.find((x) => x.code === code && message.test(x.message))!;
      assert.ok(d, `${code} ${message}`);
      return (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri(file) }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    };
    // A rename is a guess: offered, not preferred (no auto-fix applies it); wrapping is safe, preferred.
    const rename = (await actions('JKL401', /enviroment/)).find((a) => a.title.startsWith('Rename'))!;
    assert.equal(rename.title, 'Rename to "environment"');
    assert.equal(rename.isPreferred, false);
    assert.deepEqual(rename.edit!.changes![c.uri(file)], [{ range: { start: at(PIPELINE, 'enviroment'), end: at(PIPELINE, 'enviroment', 10) }, newText: 'environment' }]);
    const wrap = (await actions('JKL402', /"sh"/)).find((a) => a.isPreferred)!;
    assert.equal(wrap.title, 'Wrap the steps in steps { }');
    assert.deepEqual(wrap.edit!.changes![c.uri(file)]!.map((e) => e.newText), ['steps {\n        ', '\n      }']);
  });
});
