// The real jenkinsfile-lint binary, run as a child process on files on disk.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, REPO, workspace } from './helpers.js';
import { kanikoPipeline } from './samples.js';

function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? REPO, encoding: 'utf8', env: { ...process.env, ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const KANIKO_LATEST = kanikoPipeline('ghcr.io/osscontainertools/kaniko:latest');
const CLEAN = KANIKO_LATEST.replace(':latest', ':debug');

describe('jenkinsfile-lint CLI', () => {
  it('exits 1 with errors, printing file:line:col, severity, code, message and a caret excerpt', () => {
    const dir = workspace({ Jenkinsfile: KANIKO_LATEST });
    const r = run(['Jenkinsfile'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      'Jenkinsfile:9:12: error JKL302 Kaniko image "ghcr.io/osscontainertools/kaniko:latest" has no shell, but sh steps run in container "kaniko"; use a debug image such as "ghcr.io/osscontainertools/kaniko:debug"\n' +
        '9 |     image: ghcr.io/osscontainertools/kaniko:latest\n' +
        '  |            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n' +
        '\n' +
        '1 file: 1 pipeline, 1 pod template; 1 error\n',
    );
  });

  it('exits 0 on a clean file saying what it checked, and with --quiet prints nothing', () => {
    const dir = workspace({ Jenkinsfile: CLEAN });
    assert.deepEqual(run(['Jenkinsfile'], { cwd: dir }), { code: 0, stdout: '1 file: 1 pipeline, 1 pod template; no problems\n', stderr: '' });
    assert.deepEqual(run(['--quiet', 'Jenkinsfile'], { cwd: dir }), { code: 0, stdout: '', stderr: '' });
  });

  it('counts the files, pipelines and pod templates it checked, so a file with no Kubernetes agent is not taken for a clean pod', () => {
    const dir = workspace({
      'a/Jenkinsfile': KANIKO_LATEST,
      'b/Jenkinsfile': "podTemplate(cloud: 'k8s') {\n  podTemplate(yaml: 'spec: {}') { node(POD_LABEL) { sh 'make' } }\n}\n",
      'c/Jenkinsfile': "pipeline {\n  agent any\n  stages { stage('a') { steps { sh 'make' } } }\n}\n",
    });
    const last = (r: { stdout: string }) => r.stdout.trimEnd().split('\n').pop();
    assert.equal(last(run(['.'], { cwd: dir })), '3 files: 2 pipelines, 3 pod templates; 1 error');
    assert.equal(last(run(['c/Jenkinsfile'], { cwd: dir })), '1 file: 1 pipeline, 0 pod templates; no problems');
  });

  it('writes the JSON contract: one entry per file, 1-based positions, yamlFile findings relative to the cwd', () => {
    const dir = workspace({
      'ci/Jenkinsfile': "pipeline {\n  agent { kubernetes { cloud 'kubernetes'\n    yamlFile 'ci/pod.yaml' } }\n  stages { stage('a') { steps { sh 'make' } } }\n}\n",
      'ci/pod.yaml': 'spec:\n  containers:\n  - name: make\n    image: alpine\n    imagePullPolicy: Sometimes\n',
      '.git/HEAD': '',
    });
    const r = run(['--format', 'json', 'ci/Jenkinsfile'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout), [
      { file: 'ci/Jenkinsfile', diagnostics: [] },
      {
        file: join('ci', 'pod.yaml'),
        diagnostics: [{ code: 'JKL104', severity: 'error', message: 'Invalid value "Sometimes" for "imagePullPolicy": expected one of Always, Never, IfNotPresent', line: 5, column: 22, endLine: 5, endColumn: 31 }],
      },
    ]);
  });

  it('uses no colour when stdout is not a terminal or NO_COLOR is set', () => {
    const dir = workspace({ Jenkinsfile: KANIKO_LATEST });
    assert.doesNotMatch(run(['Jenkinsfile'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(run(['Jenkinsfile'], { cwd: dir }).stdout, /\u001b\[/);
  });

  it('honours rule severities from the nearest .jenkinsfile-lint.yaml', () => {
    const dir = workspace({ 'app/Jenkinsfile': KANIKO_LATEST, '.jenkinsfile-lint.yaml': 'rules:\n  JKL302: warning\n' });
    const r = run(['--format', 'json', 'app/Jenkinsfile'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout)[0].diagnostics[0].severity, 'warning');
  });

  it('exits 2 with a line naming the file, the position and the key for a broken config', () => {
    const dir = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'rules:\n  JKL302: loud\n' });
    const r = run(['Jenkinsfile'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^jenkinsfile-lint: .*\.jenkinsfile-lint\.yaml:2:11: rules\.JKL302: must be one of off, info, warning, error\n$/);
    const unknown = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.json': '{"rules": {"JKL999": "off"}}' });
    assert.match(run(['Jenkinsfile'], { cwd: unknown }).stderr, /rules\.JKL999: unknown rule "JKL999"/);
    const broken = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'rules: [\n' });
    assert.match(run(['Jenkinsfile'], { cwd: broken }).stderr, /\.jenkinsfile-lint\.yaml:2:1: not valid YAML/);
  });

  it('exits 2 for usage errors and unreadable input', () => {
    assert.equal(run(['--format', 'xml', 'x']).code, 2);
    assert.equal(run(['--bogus']).code, 2);
    assert.equal(run([]).code, 2);
    const r = run(['does-not-exist/Jenkinsfile']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'jenkinsfile-lint: no Jenkinsfile found for "does-not-exist/Jenkinsfile"\n');
  });

  it('prints help and version', () => {
    assert.match(run(['--help']).stdout, /^Usage: jenkinsfile-lint/);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('stops quietly when the reader closes the pipe (`| head`)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`p${i}/Jenkinsfile`] = KANIKO_LATEST;
    const dir = workspace(files);
    const child = spawn(process.execPath, [CLI, '--format', 'json', '.'], { cwd: dir });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });

  it('reads a file with a BOM and keeps its columns right', () => {
    const dir = workspace({ Jenkinsfile: '\uFEFF' + KANIKO_LATEST });
    assert.match(run(['Jenkinsfile'], { cwd: dir }).stdout, /^Jenkinsfile:9:12: error JKL302/);
  });
});

describe('jenkinsfile-lint CLI with a configured Jenkins', () => {
  it('exits 2 naming the file when a CasC or plugins file it names is missing or broken', () => {
    const missing = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'jenkins:\n  casc: ci/jenkins.yaml\n', '.git/HEAD': '' });
    const r = run(['Jenkinsfile'], { cwd: missing });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.jenkinsfile-lint\.yaml:2:9: jenkins\.casc: casc 'ci\/jenkins\.yaml' does not exist/);
    const broken = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'jenkins:\n  casc: jenkins.yaml\n', 'jenkins.yaml': 'jenkins:\n  clouds: {kubernetes: 1}\n', '.git/HEAD': '' });
    assert.match(run(['Jenkinsfile'], { cwd: broken }).stderr, /jenkins\.yaml: jenkins\.clouds is not a list\n$/);
    const plugins = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'jenkins:\n  pluginsFile: plugins.txt\n', 'plugins.txt': 'kubernetes:1.0\nnot a plugin!\n', '.git/HEAD': '' });
    assert.match(run(['Jenkinsfile'], { cwd: plugins }).stderr, /plugins\.txt:2:1: "not a plugin!" is not a plugin id\n$/);
    const outside = workspace({ Jenkinsfile: CLEAN, '.jenkinsfile-lint.yaml': 'jenkins:\n  pluginsFile: ../../etc/passwd\n', '.git/HEAD': '' });
    assert.match(run(['Jenkinsfile'], { cwd: outside }).stderr, /points outside the workspace/);
  });

  it('prints a rule page with --explain and rejects unknown rules', () => {
    assert.match(run(['--explain', 'jkl302']).stdout, /^# JKL302 kaniko-image-no-shell\n/);
    const r = run(['--explain', 'JKL999']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown rule "JKL999"/);
  });
});
