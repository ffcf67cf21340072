// The language server, run as its real binary over stdio with a JSON-RPC client.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, Location } from 'vscode-languageserver';
import { workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const JENKINSFILE = `pipeline {
  agent {
    kubernetes {
      cloud 'kubernetes'
      yaml '''
spec:
  containers:
  - name: kaniko
    image: gcr.io/kaniko-project/executor:latest
    imagePullPolicy: Always
    command: [sleep]
    args: [99d]
'''
    }
  }
  stages {
    stage('Image') {
      steps {
        container('kaniko') { sh '/kaniko/executor --no-push' }
        container('kanik') { sh 'ls' }
      }
    }
  }
}
`;
const WITH_FILE = `pipeline {
  agent { kubernetes { cloud 'kubernetes'; yamlFile 'pod.yaml' } }
  stages { stage('Build') { steps { container('maven') { sh 'mvn verify' } } } }
}
`;
const POD = `spec:
  containers:
  - name: maven
    image: maven:3.9
    imagePullPolicy: Sometimes
    command: [sleep]
    args: [99d]
`;

describe('language server over stdio', () => {
  let dir: string;
  let c: LspClient;
  before(async () => {
    dir = workspace({ Jenkinsfile: JENKINSFILE, 'ci/Jenkinsfile': WITH_FILE, 'ci/pod.yaml': POD, '.git/HEAD': '' });
    c = await LspClient.start(dir);
  });
  after(() => c.stop());

  it('publishes diagnostics with code, source, docs link, related information and the document version', async () => {
    c.open('Jenkinsfile', JENKINSFILE);
    const diags = await c.waitFor(c.uri('Jenkinsfile'));
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.severity]), [['JKL302', 8, 1], ['JKL306', 8, 3], ['JKL204', 19, 1]]);
    const kaniko = diags[0]!;
    assert.equal(kaniko.source, 'jenkinsfile-lint');
    assert.match(kaniko.codeDescription!.href, /docs\/rules\/JKL302\.md$/);
    assert.equal(kaniko.relatedInformation![0]!.location.range.start.line, 18);
    assert.equal(c.diagnostics.get(c.uri('Jenkinsfile'))!.version, 1);
  });

  it('re-lints on incremental edits, and the latest edit wins', async () => {
    const uri = c.uri('Jenkinsfile');
    // Fix the image tag, then break the container name again, in two quick edits.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 42 }, end: { line: 8, character: 48 } }, text: 'debug' }],
    });
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 19, character: 24 }, end: { line: 19, character: 24 } }, text: 'o' }],
    });
    const diags = await c.waitFor(uri, (p) => p.version === 3);
    assert.deepEqual(diags.map((d) => d.code), ['JKL306']);
  });

  it('publishes findings inside a yamlFile on that file, and offers its fixes there', async () => {
    c.open('ci/Jenkinsfile', WITH_FILE);
    const diags = await c.waitFor(c.uri('ci/pod.yaml'));
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['JKL104', 4, 21]]);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri('ci/pod.yaml') }, range: diags[0]!.range, context: { diagnostics: diags } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Disable JKL104 for this line']);
    assert.deepEqual(actions[0]!.edit!.changes![c.uri('ci/pod.yaml')], [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '    # jenkinsfile-lint-disable-next-line JKL104\n' }]);
  });

  it('offers the core fix and a Groovy suppression as code actions', async () => {
    const uri = c.uri('ci/Jenkinsfile');
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: WITH_FILE.replace("container('maven')", "container('mavne')") }] });
    const diags = await c.waitFor(uri, (p) => p.version === 2);
    const d = diags.find((x) => x.code === 'JKL204')!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Use container "maven"', 'Disable JKL204 for this line']);
    assert.deepEqual(actions[0]!.edit!.changes![uri], [{ range: d.range, newText: 'maven' }]);
    assert.equal(actions[1]!.edit!.changes![uri]![0]!.newText, '  // jenkinsfile-lint-disable-next-line JKL204\n');
  });

  it('hovers: a pod field from the schema, a kubernetes option, and the rule behind a diagnostic', async () => {
    const uri = c.uri('Jenkinsfile');
    const h = (line: number, character: number) => c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
    const field = (await h(9, 8))!.contents as { value: string };
    assert.match(field.value, /^\*\*imagePullPolicy\*\* `string` — one of Always, Never, IfNotPresent\n\nImage pull policy/);
    const option = (await h(3, 8))!.contents as { value: string };
    assert.match(option.value, /^\*\*cloud\*\* \(kubernetes agent option\)\n\nThe Kubernetes cloud to run the pod in\.\n\nDefault: the first Kubernetes cloud Jenkins has/);
    const rule = (await h(8, 20))!.contents as { value: string };
    assert.match(rule.value, /\*\*JKL306\*\* kaniko-archived-image/);
  });

  it('completes pod YAML keys and values, kubernetes options and container names', async () => {
    const uri = c.uri('Jenkinsfile');
    const labels = async (line: number, character: number) =>
      ((await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[]).map((i) => i.label);
    // A new line inside the container mapping: container keys.
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 11, character: 15 }, end: { line: 11, character: 15 } }, text: '\n    ' }] });
    await c.waitFor(uri, (p) => p.version === 4);
    const keys = await labels(12, 4);
    assert.ok(keys.includes('imagePullPolicy') && keys.includes('volumeMounts') && !keys.includes('containers'), keys.join(','));
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ range: { start: { line: 12, character: 4 }, end: { line: 12, character: 4 } }, text: 'imagePullPolicy: ' }] });
    await c.waitFor(uri, (p) => p.version === 5);
    assert.deepEqual(await labels(12, 21), ['Always', 'Never', 'IfNotPresent']);
    const options = await labels(3, 4);
    assert.ok(options.includes('yamlFile') && options.includes('defaultContainer') && !options.includes('volumes'));
    assert.deepEqual(await labels(20, 19), ['kaniko', 'jnlp']);
  });

  it('goes from container(…) to its definition and from yamlFile to the file', async () => {
    const def = (await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: c.uri('Jenkinsfile') }, position: { line: 20, character: 21 } })) as Location;
    assert.deepEqual(def, { uri: c.uri('Jenkinsfile'), range: { start: { line: 7, character: 10 }, end: { line: 7, character: 16 } } });
    const file = (await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: c.uri('ci/Jenkinsfile') }, position: { line: 1, character: 50 } })) as Location;
    assert.equal(file.uri, c.uri('ci/pod.yaml'));
  });

  it('lists pipeline, stages, pod templates and containers as document symbols', async () => {
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: c.uri('Jenkinsfile') } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol): unknown => (s.children?.length ? { [s.name]: s.children.map(tree) } : s.name);
    assert.deepEqual(syms.map(tree), [{ pipeline: [{ 'kubernetes agent': ['kaniko'] }, 'Image'] }]);
  });

  it('takes settings from the client, merged with the config file, and re-lints when they change', async () => {
    const uri = c.uri('Jenkinsfile');
    c.settings = { rules: { JKL306: 'off' } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const diags = await c.waitFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'JKL306'));
    assert.ok(!diags.some((d) => d.code === 'JKL306'));
    c.settings = null;
  });

  it('re-lints documents when a yamlFile they read changes on disk', async () => {
    writeFileSync(join(dir, 'ci', 'pod.yaml'), POD.replace('Sometimes', 'Always'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('ci/pod.yaml'), type: 2 }] });
    assert.deepEqual(await c.waitFor(c.uri('ci/pod.yaml'), (p) => p.diagnostics.length === 0), []);
    writeFileSync(join(dir, 'ci', 'pod.yaml'), readFileSync(join(dir, 'ci', 'pod.yaml'), 'utf8'));
  });

  it('clears diagnostics on close and survives requests for unknown documents and methods', async () => {
    const unknown = c.uri('nope.Jenkinsfile');
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: 'x' }] });
    await assert.rejects(c.conn.sendRequest('jenkinsfile/noSuchMethod', {}));
    void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: c.uri('Jenkinsfile') } });
    assert.deepEqual(await c.waitFor(c.uri('Jenkinsfile'), (p) => p.diagnostics.length === 0), []);
    assert.equal(c.proc.exitCode, null, 'still running');
  });
});

describe('language server in an untrusted workspace', () => {
  it('reads no yamlFile and says so once', async () => {
    const dir = workspace({ 'ci/Jenkinsfile': WITH_FILE, 'ci/pod.yaml': POD, '.git/HEAD': '' });
    const c = await LspClient.start(dir, { debounceMs: 0, trusted: false });
    try {
      c.open('ci/Jenkinsfile', WITH_FILE);
      const diags = await c.waitFor(c.uri('ci/Jenkinsfile'));
      assert.deepEqual(diags.map((d) => [d.code, d.message]), [['JKL002', "yamlFile 'pod.yaml' is not read in an untrusted workspace; this pod is not checked"]]);
      assert.equal(c.diagnostics.get(c.uri('ci/pod.yaml')), undefined);
    } finally {
      await c.stop();
    }
  });
});
