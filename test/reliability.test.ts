// Reliability: every defect of the red-team pass as a regression test on real files, a real CLI process
// and a real stdio connection. --fix never loses a byte; time, memory and recursion are bounded; the
// language server agrees with the editor on lines, reads what the CLI reads, and cannot be wedged.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import type { CodeAction } from 'vscode-languageserver';
import { defaultConfig } from '../server/out/core/config.js';
import { lint } from '../server/out/core/lint.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { writeFixed } from '../server/out/host/write-file.js';
import { CLI, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';
import { kanikoPipeline } from './samples.js';

/** The CLI in `cwd`; a run that hangs is killed and fails the test. */
function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...(input !== undefined ? { input } : {}) });
  assert.equal(r.signal, null, `the CLI was killed (hung?): ${r.stderr}`);
  return r;
}

/** A pipeline whose Kaniko image lacks its debug tag: JKL302, fixed by --fix. */
const NEEDS_FIX = kanikoPipeline('gcr.io/kaniko-project/executor:v1.23.2');
const FIXED_IMAGE = 'gcr.io/kaniko-project/executor:v1.23.2-debug';
const codes = (stdout: string, file = 0) => (JSON.parse(stdout) as Array<{ diagnostics: Array<{ code: string }> }>)[file]!.diagnostics.map((d) => d.code);

describe('--fix never loses a byte', () => {
  it('leaves a file that is not UTF-8 exactly as it was, and says why', () => {
    const dir = workspace({ '.git/HEAD': '' });
    const bytes = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9, 0x20, 0xa9]), Buffer.from(' in Latin-1\n'), Buffer.from(NEEDS_FIX)]);
    writeFileSync(join(dir, 'Jenkinsfile'), bytes);
    const r = cli(['--fix', '--format', 'json', 'Jenkinsfile'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'jenkinsfile-lint: Jenkinsfile was not fixed: it is not valid UTF-8, and a rewrite would change bytes that no fix touches\njenkinsfile-lint: fixed 0 problems in 0 files\n');
    assert.deepEqual(readFileSync(join(dir, 'Jenkinsfile')), bytes);
    assert.ok(codes(r.stdout).includes('JKL302'), 'the finding is still reported');
  });

  it('writes through no link planted at a temporary name, and keeps the file mode', () => {
    const outside = workspace({ victim: 'precious\n' });
    const victim = join(outside, 'victim');
    chmodSync(victim, 0o600);
    const dir = workspace({ Jenkinsfile: 'old\n' });
    const file = join(dir, 'Jenkinsfile');
    chmodSync(file, 0o640);
    // The name the old writer used, predictable from the process id.
    const planted = join(dir, `.Jenkinsfile.jenkinsfile-lint-${process.pid}.tmp`);
    symlinkSync(victim, planted);
    writeFixed(file, 'old\n', 'new\n');
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    assert.equal(statSync(victim).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.ok(lstatSync(planted).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['.Jenkinsfile.jenkinsfile-lint-' + process.pid + '.tmp', 'Jenkinsfile'], 'no temporary file left behind');
  });

  it('fixes the target of a symbolic link in place, and the link stays a link', () => {
    const dir = workspace({ 'real/Jenkinsfile': NEEDS_FIX, '.git/HEAD': '' });
    symlinkSync(join(dir, 'real', 'Jenkinsfile'), join(dir, 'Jenkinsfile'));
    const r = cli(['--fix', '--format', 'json', 'Jenkinsfile'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(lstatSync(join(dir, 'Jenkinsfile')).isSymbolicLink());
    assert.ok(readFileSync(join(dir, 'real', 'Jenkinsfile'), 'utf8').includes(FIXED_IMAGE));
  });

  it('respects a read-only file; a file it cannot write is an error for that file, the others are fixed and reported', () => {
    const dir = workspace({ 'a/Jenkinsfile': NEEDS_FIX, 'b/Jenkinsfile': NEEDS_FIX, '.git/HEAD': '' });
    chmodSync(join(dir, 'a', 'Jenkinsfile'), 0o444);
    const r = cli(['--fix', '--format', 'json', 'a/Jenkinsfile', 'b/Jenkinsfile'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'jenkinsfile-lint: a/Jenkinsfile was not fixed: it is read-only\njenkinsfile-lint: fixed 1 problem in 1 file\n');
    assert.equal(readFileSync(join(dir, 'a', 'Jenkinsfile'), 'utf8'), NEEDS_FIX);
    assert.equal(statSync(join(dir, 'a', 'Jenkinsfile')).mode & 0o777, 0o444);
    assert.ok(readFileSync(join(dir, 'b', 'Jenkinsfile'), 'utf8').includes(FIXED_IMAGE));
    assert.ok(codes(r.stdout, 0).includes('JKL302'), 'a is reported as it stands');
    assert.ok(!codes(r.stdout, 1).includes('JKL302'), 'b is reported fixed');
  });

  it('writes new lines with the line ending of the line they land on', () => {
    const yaml = "spec:\n  containers:\n  - name: maven\n    image: maven:3.9\n";
    // One CRLF line elsewhere in an LF file.
    const text = `// a comment from a Windows editor\r\npodTemplate(yaml: '''\n${yaml}''') {\n  node(POD_LABEL) { container('maven') { sh 'mvn -v' } }\n}\n`;
    const dir = workspace({ Jenkinsfile: text, '.git/HEAD': '' });
    cli(['--fix-unsafe', 'Jenkinsfile'], dir);
    const fixed = readFileSync(join(dir, 'Jenkinsfile'), 'utf8');
    assert.match(fixed, /image: maven:3\.9\n {4}command: \[sleep\]\n {4}args: \[99d\]\n/);
    assert.equal(fixed.split('\r\n').length, 2, 'still exactly one CRLF');
  });
});

describe('bounded time, memory and recursion', () => {
  const PATHOLOGICAL = {
    brackets: `podTemplate(containers: ${'['.repeat(3000)}${']'.repeat(3000)}) { node(POD_LABEL) { sh 'x' } }\n`,
    parens: `podTemplate(yaml: ${'('.repeat(3500)}'x'${')'.repeat(3500)}) { node(POD_LABEL) { sh 'x' } }\n`,
    gstrings: `podTemplate(yaml: ${'"${'.repeat(6000)}) { node(POD_LABEL) { sh 'x' } }\n`,
  };

  for (const [name, text] of Object.entries(PATHOLOGICAL)) {
    it(`lints input nested thousands deep (${name}) without a throw`, async () => {
      const r = await lint(text, { file: '/nonexistent/Jenkinsfile', host: new FsHost({ root: '/nonexistent' }), config: defaultConfig() });
      assert.ok(!r.diagnostics.some((d) => /Internal error/.test(d.message)));
    });
  }

  it('reports the other files of a run in full when one is pathological', () => {
    const dir = workspace({ 'bad/Jenkinsfile': PATHOLOGICAL.brackets, 'good/Jenkinsfile': NEEDS_FIX, '.git/HEAD': '' });
    const r = cli(['--format', 'json', 'bad/Jenkinsfile', 'good/Jenkinsfile'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(codes(r.stdout, 0).includes('JKL005'));
    assert.ok(codes(r.stdout, 1).includes('JKL302'));
  });

  it('refuses a Jenkinsfile over the size limit with a finding, unread', () => {
    const dir = workspace({ '.git/HEAD': '' });
    writeFileSync(join(dir, 'Jenkinsfile'), Buffer.alloc(30 * 1024 * 1024, '// a comment\n'));
    const r = cli(['--format', 'json', 'Jenkinsfile'], dir);
    assert.equal(r.status, 0, r.stderr);
    const [d] = JSON.parse(r.stdout)[0].diagnostics;
    assert.deepEqual([d.code, d.severity, d.line, d.column, d.message], ['JKL005', 'warning', 1, 1, 'This file is not checked: it is 31,457,280 bytes, over the limit of 2,097,152']);
  });

  it('reads a config file only if it is a regular file of sane size', () => {
    const dir = workspace({ Jenkinsfile: NEEDS_FIX, '.git/HEAD': '' });
    symlinkSync('/dev/zero', join(dir, '.jenkinsfile-lint.yaml'));
    const r = cli(['Jenkinsfile'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `jenkinsfile-lint: ${join(dir, '.jenkinsfile-lint.yaml')}: is not a regular file\n`);
  });
});

describe('the language server cannot be wedged and agrees with the editor', () => {
  it('publishes for a pathological document instead of keeping stale diagnostics', async () => {
    const dir = workspace({ '.git/HEAD': '' });
    const c = await LspClient.start(dir);
    try {
      c.open('Jenkinsfile', NEEDS_FIX);
      assert.ok((await c.waitFor(c.uri('Jenkinsfile'))).some((d) => d.code === 'JKL302'));
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: c.uri('Jenkinsfile'), version: 2 }, contentChanges: [{ text: PATHOLOGICAL_TEXT }] });
      const diags = await c.waitFor(c.uri('Jenkinsfile'), (p) => p.version === 2);
      assert.ok(diags.some((d) => d.code === 'JKL005') && !diags.some((d) => d.code === 'JKL302'), JSON.stringify(diags));
    } finally {
      await c.stop();
    }
  });

  it('keeps serving when the config file is a FIFO-like device, and shows its problem once', async () => {
    const dir = workspace({ '.git/HEAD': '' });
    symlinkSync('/dev/stdin', join(dir, '.jenkinsfile-lint.yaml'));
    const c = await LspClient.start(dir);
    try {
      c.open('Jenkinsfile', NEEDS_FIX);
      assert.ok((await c.waitFor(c.uri('Jenkinsfile'))).some((d) => d.code === 'JKL302'));
      for (let v = 2; v <= 5; v++) {
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: c.uri('Jenkinsfile'), version: v }, contentChanges: [{ text: NEEDS_FIX + '\n'.repeat(v) }] });
        await c.waitFor(c.uri('Jenkinsfile'), (p) => p.version === v);
      }
      assert.equal(c.popups.length, 1, c.popups.join('\n'));
      assert.match(c.popups[0]!, /\.jenkinsfile-lint\.yaml: (is not a regular file|cannot be read)/);
    } finally {
      await c.stop();
    }
  });

  it('counts a lone CR as a line break, as LSP does, and its quick fix edits the right line', async () => {
    const dir = workspace({ '.git/HEAD': '' });
    const c = await LspClient.start(dir);
    try {
      const text = '// one\rtwo\n' + NEEDS_FIX;
      c.open('Jenkinsfile', text);
      const [d] = (await c.waitFor(c.uri('Jenkinsfile'))).filter((x) => x.code === 'JKL302');
      // kanikoPipeline puts the image on line 9 (0-based 8); two lines come before it here.
      assert.deepEqual(d!.range.start, { line: 10, character: 11 });
      const actions: CodeAction[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: c.uri('Jenkinsfile') }, range: d!.range, context: { diagnostics: [d] } });
      const edit = actions.find((a) => a.isPreferred)!.edit!.changes![c.uri('Jenkinsfile')]![0]!;
      assert.deepEqual(edit.range, d!.range);
      assert.equal(edit.newText, FIXED_IMAGE);
    } finally {
      await c.stop();
    }
  });

  it("reads a yamlFile from the document's own repository, whatever folders are open", async () => {
    const pipeline = "pipeline {\n  agent { kubernetes { cloud 'kubernetes'; yamlFile 'ci/pod.yaml' } }\n  stages { stage('a') { steps { container('maven') { sh 'mvn -v' } } } }\n}\n";
    const pod = 'spec:\n  containers:\n  - name: maven\n    image: maven:3.9\n    command: [sleep]\n    args: [99d]\n';
    const parent = workspace({ 'first/README': '', 'repo/.git/HEAD': '', 'repo/Jenkinsfile': pipeline, 'repo/ci/pod.yaml': pod });
    for (const folders of [[join(parent, 'first'), join(parent, 'repo')], [parent]]) {
      const c = await LspClient.start(parent, { debounceMs: 0 }, { folders });
      try {
        c.open('repo/Jenkinsfile', pipeline);
        const diags = await c.waitFor(c.uri('repo/Jenkinsfile'));
        assert.deepEqual(diags.filter((d) => d.code === 'JKL003' || d.code === 'JKL204'), [], `folders ${folders.join(', ')}`);
      } finally {
        await c.stop();
      }
    }
  });

  it('takes client settings like a config file: normalized, with their CasC file, from old clients too', async () => {
    const casc = 'jenkins:\n  clouds:\n  - kubernetes:\n      name: prod\n';
    const dir = workspace({ '.git/HEAD': '', 'ci/jenkins.yaml': casc });
    const pipeline = (cloud: string) => kanikoPipeline(FIXED_IMAGE).replace("cloud 'kubernetes'", `cloud '${cloud}'`);
    // A client that cannot be asked gives its settings at start and pushes changes.
    const c = await LspClient.start(dir, { debounceMs: 0, jenkinsfileLint: { jenkins: { templates: [{ name: 'base' }], casc: 'ci/jenkins.yaml' } } }, { askable: false });
    try {
      c.open('Jenkinsfile', pipeline('nope'));
      const diags = await c.waitFor(c.uri('Jenkinsfile'));
      assert.ok(!diags.some((d) => /Internal error/.test(d.message)), JSON.stringify(diags));
      assert.deepEqual(diags.filter((d) => d.code === 'JKL202').map((d) => d.message), ['Cloud does not exist: nope (configured clouds: prod)']);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { jenkinsfileLint: { rules: { JKL202: 'off' } } } });
      await c.waitFor(c.uri('Jenkinsfile'), (p) => !p.diagnostics.some((d) => d.code === 'JKL202'));
    } finally {
      await c.stop();
    }
  });
});

describe('configuration search', () => {
  it('stops at the repository root: a config above it changes nothing', () => {
    const dir = workspace({ '.jenkinsfile-lint.yaml': 'rules:\n  JKL302: off\n', 'repo/.git/HEAD': '', 'repo/Jenkinsfile': NEEDS_FIX });
    const r = cli(['--format', 'json', 'repo/Jenkinsfile'], dir);
    assert.ok(codes(r.stdout).includes('JKL302'));
  });

  it('outside any repository, stops at the current folder', () => {
    const above = workspace({ '.jenkinsfile-lint.yaml': 'rules:\n  JKL302: off\n', 'cwd/Jenkinsfile': NEEDS_FIX, 'cwd/sub/Jenkinsfile': NEEDS_FIX, 'cwd/sub/.jenkinsfile-lint.yaml': 'rules:\n  JKL306: off\n' });
    const r = cli(['--format', 'json', 'Jenkinsfile', 'sub/Jenkinsfile'], join(above, 'cwd'));
    assert.ok(codes(r.stdout, 0).includes('JKL302'), 'the config above the working folder is not used');
    assert.ok(codes(r.stdout, 1).includes('JKL302') && !codes(r.stdout, 1).includes('JKL306'), 'a config between the file and the working folder is');
  });
});

describe('output carries only what each format can', () => {
  const HOSTILE_KEYS = `pipeline {
  agent {
    kubernetes {
      cloud 'kubernetes'
      yaml '''
spec:
  "\\e[31mred\\uFFFE": 1
'''
    }
  }
  stages { stage('a') { steps { sh 'true' } } }
}
`;
  const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

  for (const format of ['checkstyle', 'junit']) {
    it(`${format}: well-formed XML even for a key holding U+FFFE and ESC`, () => {
      const dir = workspace({ Jenkinsfile: HOSTILE_KEYS, '.git/HEAD': '' });
      const r = cli(['--format', format, 'Jenkinsfile'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout, NOT_XML);
      assert.equal(XMLValidator.validate(r.stdout), true);
      assert.match(r.stdout, /\\u\{1B\}\[31mred\\u\{FFFE\}/);
    });
  }

  it('text: no control character from the file reaches the terminal', () => {
    const dir = workspace({ Jenkinsfile: HOSTILE_KEYS, '.git/HEAD': '' });
    const r = cli(['Jenkinsfile'], dir);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(r.stdout, /JKL101 .*\\u\{1B\}\[31mred/);
  });
});

/** Nested brackets past the reader's limit (JKL005). */
const PATHOLOGICAL_TEXT = `podTemplate(containers: ${'['.repeat(3000)}${']'.repeat(3000)}) { node(POD_LABEL) { sh 'x' } }\n`;
