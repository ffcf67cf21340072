// Rules are named by code in any case or by name everywhere a user names one: --explain, --rule,
// the config's and the editor's `rules`, suppressions (test/fixtures/JKL902); an unknown one is
// rejected everywhere. --list-rules shows the registry. The real CLI and language server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/out/rules/index.js';
import { CLI, filesUnder, REPO, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** JKL204 (container-not-in-pod) on line 3 and JKL306 (kaniko-archived-image) on line 2. */
const TWO_FINDINGS = `podTemplate(cloud: 'kubernetes', yaml: '''
spec: {containers: [{name: kaniko, image: 'gcr.io/kaniko-project/executor:debug', command: [sleep], args: [99d]}]}
''') { node(POD_LABEL) { container('maven') { sh 'mvn -v' } } }
`;
const codes = (stdout: string) => (JSON.parse(stdout) as Array<{ diagnostics: Array<{ code: string }> }>)[0]!.diagnostics.map((d) => d.code);

describe('rules by code or name', () => {
  it('--rule takes either, in any case, and rejects an unknown rule with a did-you-mean', () => {
    const dir = workspace({ Jenkinsfile: TWO_FINDINGS, '.git/HEAD': '' });
    assert.deepEqual(codes(run(['--format', 'json', 'Jenkinsfile'], dir).stdout), ['JKL306', 'JKL204']);
    assert.deepEqual(codes(run(['--format', 'json', '--rule', 'container-not-in-pod:off', '--rule', 'jkl306:off', 'Jenkinsfile'], dir).stdout), []);
    const unknown = run(['--rule', 'JKL999:off', 'Jenkinsfile'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^jenkinsfile-lint: --rule JKL999:off: unknown rule "JKL999"/);
    assert.match(run(['--rule', 'container-not-in-pot:off', 'Jenkinsfile'], dir).stderr, /unknown rule "container-not-in-pot"; did you mean "container-not-in-pod"\?/);
  });

  it('the config takes either, in any case', () => {
    const dir = workspace({ Jenkinsfile: TWO_FINDINGS, '.git/HEAD': '', '.jenkinsfile-lint.yaml': 'rules:\n  Container-Not-In-Pod: warning\n  jkl306: off\n' });
    const r = run(['--format', 'json', 'Jenkinsfile'], dir);
    assert.deepEqual((JSON.parse(r.stdout)[0].diagnostics as Array<{ code: string; severity: string }>).map((d) => `${d.code} ${d.severity}`), ['JKL204 warning']);
  });

  it('--explain takes either, and rejects an unknown rule', () => {
    assert.equal(run(['--explain', 'container-not-in-pod']).stdout, readFileSync(join(REPO, 'docs', 'rules', 'JKL204.md'), 'utf8'));
    assert.match(run(['--explain', 'jkl204']).stdout, /^# JKL204 container-not-in-pod\n/);
    const r = run(['--explain', 'JKL999']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown rule "JKL999"/);
  });

  it("the language server's settings take either", async () => {
    const dir = workspace({ '.git/HEAD': '' });
    const c = await LspClient.start(dir, { debounceMs: 0, jenkinsfileLint: { rules: { 'container-not-in-pod': 'off', jkl306: 'off' } } }, { askable: false });
    try {
      c.open('Jenkinsfile', TWO_FINDINGS);
      assert.deepEqual(await c.waitFor(c.uri('Jenkinsfile')), []);
      assert.deepEqual(c.popups, []);
    } finally {
      await c.stop();
    }
  });
});

describe('--list-rules', () => {
  it('lists every rule of the registry with code, name, default severity, fixable and summary', () => {
    const json = JSON.parse(run(['--list-rules', '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      json.map(({ code, name, severity, fixable, summary }) => ({ code, name, severity, fixable, summary })),
      RULES.map((r) => ({ code: r.code, name: r.name, severity: r.severity, fixable: r.fixable ?? [], summary: r.summary })),
    );
    const text = run(['--list-rules']).stdout.split('\n').filter(Boolean);
    assert.match(text[0]!, /^code +name +default +fixable +summary$/);
    assert.equal(text.length, RULES.length + 1);
    assert.match(text.find((l) => l.startsWith('JKL302'))!, /^JKL302 +kaniko-image-no-shell +error +safe +A Kaniko image/);
    assert.equal(run(['--list-rules', '--format', 'sarif']).code, 2);
  });

  it('says fixable exactly for the rules whose fixtures show a fix', () => {
    const withFix = new Set<string>();
    for (const f of filesUnder(join(REPO, 'test', 'fixtures'), (p) => p.endsWith('.expected.json'))) {
      for (const d of JSON.parse(readFileSync(f, 'utf8')) as Array<{ code: string; fix?: unknown }>) if (d.fix) withFix.add(d.code);
    }
    assert.deepEqual(RULES.filter((r) => r.fixable).map((r) => r.code), RULES.filter((r) => withFix.has(r.code)).map((r) => r.code));
  });
});
