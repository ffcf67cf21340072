// A pod YAML file named on the command line is linted on its own; directory searches still find
// only Jenkinsfiles; with --changed (the pre-commit hook) a YAML file is checked through the
// Jenkinsfiles that read it. The real CLI on files on disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, workspace } from './helpers.js';

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Findings as `file:line:col code`, from the gnu format. */
function findings(stdout: string): string[] {
  return stdout.split('\n').filter(Boolean).map((l) => `${/^[^:]+:\d+:\d+/.exec(l)![0]} ${/\[(\w+)\]$/.exec(l)![1]}`);
}

const POD = `spec:
  containers:
  - name: tools
    image: alpine:3.20
    comand: [sleep]
    imagePullPolicy: Sometimes
    volumeMounts:
    - {name: cache, mountPath: /cache}
`;
const READER = `pipeline {
  agent { kubernetes { cloud 'kubernetes'; yamlFile 'ci/pod.yaml' } }
  stages { stage('a') { steps { container('tools') { sh 'make' } } } }
}
`;

describe('a pod YAML file on its own', () => {
  it('is checked against the Pod schema and the pod rules, at its own lines, with nothing about a Jenkinsfile (no JKL203)', () => {
    const dir = workspace({ 'ci/pod.yaml': POD, '.git/HEAD': '' });
    const r = run(['--format', 'gnu', 'ci/pod.yaml'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(findings(r.stdout), ['ci/pod.yaml:5:5 JKL101', 'ci/pod.yaml:6:22 JKL104', 'ci/pod.yaml:8:14 JKL210']);
  });

  it('is read from standard input when --stdin-filename names a .yml', () => {
    const dir = workspace({ '.git/HEAD': '' });
    const r = run(['--format', 'gnu', '--stdin-filename', 'pods/build.yml', '-'], dir, POD);
    assert.deepEqual(findings(r.stdout), ['pods/build.yml:5:5 JKL101', 'pods/build.yml:6:22 JKL104', 'pods/build.yml:8:14 JKL210']);
  });

  it('is fixed in place by --fix-unsafe (the did-you-mean rename), as YAML', () => {
    const dir = workspace({ 'pod.yml': POD, '.git/HEAD': '' });
    run(['--fix-unsafe', 'pod.yml'], dir);
    assert.equal(readFileSync(join(dir, 'pod.yml'), 'utf8'), POD.replace('comand:', 'command:'));
  });

  it('is never picked up by a directory search, which finds only Jenkinsfiles', () => {
    const dir = workspace({ 'ci/pod.yaml': POD, '.github/workflows/ci.yml': 'on: push\njobs: {}\n', 'Jenkinsfile': "pipeline { agent any; stages { stage('a') { steps { sh 'make' } } } }\n" });
    const r = run(['--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), ['Jenkinsfile']);
  });
});

describe('--changed, as the pre-commit hook runs it', () => {
  const repo = () => workspace({ '.git/HEAD': '', 'app/Jenkinsfile': READER, 'other/Jenkinsfile': "pipeline { agent any; stages { stage('a') { steps { sh 'make' } } } }\n", 'ci/pod.yaml': POD.replace('name: tools', 'name: toolz'), '.github/workflows/ci.yml': 'on: push\njobs: {}\n' });

  it('checks a changed YAML file through the Jenkinsfiles that read it: its own findings, and what it breaks in them', () => {
    const r = run(['--changed', '--format', 'gnu', 'ci/pod.yaml'], repo());
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(findings(r.stdout), [
      'app/Jenkinsfile:3:44 JKL204', // container('tools'), gone from the pod with the rename
      'ci/pod.yaml:5:5 JKL101',
      'ci/pod.yaml:6:22 JKL104',
      'ci/pod.yaml:8:14 JKL210',
    ]);
  });

  it('leaves alone a YAML file no Jenkinsfile reads', () => {
    assert.deepEqual(run(['--changed', '--format', 'gnu', '.github/workflows/ci.yml'], repo()), { code: 0, stdout: '', stderr: '' });
  });
});
