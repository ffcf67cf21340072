// Protocol abuse: malformed and out-of-order messages must leave the server answering correctly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const GOOD = `podTemplate(yaml: '''
spec:
  containers:
  - name: a
    image: alpine
    imagePullPolicy: Nope
''') {
  node(POD_LABEL) { sh 'true' }
}
`;

describe('language server under protocol abuse', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start(workspace({ '.git/HEAD': '' }));
  });
  after(() => c.stop());

  it('keeps answering after malformed, out-of-order and oversized messages', async () => {
    const uri = c.uri('Jenkinsfile');
    const n = (method: string, params: unknown) => c.conn.sendNotification(method, params);
    // Changes and closes for documents never opened.
    await n('textDocument/didChange', { textDocument: { uri: c.uri('nope'), version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await n('textDocument/didClose', { textDocument: { uri: c.uri('nope') } });
    // Open, then edits with bad ranges: past the end, negative, reversed, overlapping, huge.
    c.open('Jenkinsfile', GOOD);
    await c.waitFor(uri);
    const edits = [
      { range: { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } }, text: 'tail' },
      { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 2 } }, text: 'neg' },
      { range: { start: { line: 5, character: 9 }, end: { line: 2, character: 1 } }, text: 'reversed' },
      { range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } }, text: '' },
      { range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, text: 'overlap' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x'.repeat(5_000_000) },
    ];
    let version = 1;
    for (const e of edits) await n('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [e] });
    await n('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: '\u0000\uFFFF{{{{' }] });
    // Requests with nonsense params, a cancellation, an unknown method, a missing document.
    await assert.rejects(c.conn.sendRequest('no/such/method', {}));
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri: c.uri('missing') }, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: {} }), []);
    await n('$/cancelRequest', { id: 424242 });
    // Raw garbage on the wire: a header without a body, and a body that is not JSON.
    c.proc.stdin!.write('Content-Length: 5\r\n\r\n{oops');
    c.proc.stdin!.write('Content-Length: 2\r\n\r\n[]');
    // Then the server still lints a real document correctly.
    await n('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: GOOD }] });
    const diags = await c.waitFor(uri, (p) => p.version === version);
    assert.deepEqual(diags.map((d) => d.code), ['JKL203', 'JKL104']);
    assert.equal(c.proc.exitCode, null);
  });
});
