// What users install: the npm tarball into a clean prefix, and the pre-commit hook in a real
// pre-commit run. Slow, so each runs once.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, workspace } from './helpers.js';
import { kanikoPipeline } from './samples.js';

const BAD = kanikoPipeline('gcr.io/kaniko-project/executor:latest');
const GOOD = BAD.replace(':latest', ':debug');
const POD = 'spec:\n  containers:\n  - name: tools\n    image: alpine:3.20\n    imagePullPolicy: IfNotPresent\n    command: [sleep]\n    args: [99d]\n';
const READS_POD = "pipeline {\n  agent { kubernetes { cloud 'kubernetes'; yamlFile 'ci/pod.yaml' } }\n  stages { stage('a') { steps { container('tools') { sh 'make' } } } }\n}\n";

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('the bundles', () => {
  it("start from the build's code cache, which this Node accepts (a V8 flag changed during the warm-up run would spoil it)", () => {
    const { compile } = createRequire(import.meta.url)('../server/bin/run-bundle.cjs') as {
      compile(name: string): { script: { cachedDataRejected?: boolean } };
    };
    assert.equal(compile('jenkinsfile-lint').script.cachedDataRejected, false);
  });
});

describe('the npm package', () => {
  it('installs from its tarball alone, with the registry unreachable, and runs: the bundles need no dependencies', async () => {
    const out = mkdtempSync(join(tmpdir(), 'jkl-pack-'));
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out, '-w', 'server'], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!;
    const prefix = join(out, 'prefix');
    // Offline, and a registry that refuses connections: any dependency to fetch fails the install at once.
    const offline = { ...process.env, npm_config_registry: 'http://127.0.0.1:9/' };
    execFileSync('npm', ['install', '-g', '--offline', '--prefix', prefix, '--no-audit', '--no-fund', join(out, name)], { encoding: 'utf8', stdio: 'pipe', env: offline });
    const installed = join(prefix, 'lib', 'node_modules', JSON.parse(readFileSync(join(REPO, 'server', 'package.json'), 'utf8')).name);
    assert.ok(!existsSync(join(installed, 'node_modules')), 'the installed package pulled in dependencies');
    const bin = join(prefix, 'bin', 'jenkinsfile-lint');
    assert.match(execFileSync(bin, ['--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+\n$/);
    const dir = workspace({ Jenkinsfile: BAD });
    const r = spawnSync(bin, ['--format', 'json', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.map((d: { code: string }) => d.code), ['JKL302', 'JKL306']);
    assert.match(execFileSync(bin, ['--explain', 'JKL302'], { encoding: 'utf8' }), /^# JKL302/);
    // The language server answers initialize over stdio.
    const server = spawn(join(prefix, 'bin', 'jenkinsfile-language-server'), ['--stdio']);
    const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let answer = '';
    const answered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer: ${answer}`)), 20_000);
      server.stdout.on('data', (b) => {
        answer += b;
        if (answer.includes('"serverInfo"')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
    await answered;
    server.kill();
    assert.match(answer, /"serverInfo":\{"name":"jenkinsfile-language-server"\}/);
  });
});

describe('the pre-commit hook', { skip: onPath('pre-commit') ? false : 'pre-commit not installed (.ci/run installs the Debian package)' }, () => {
  it("installs at the tag the release script makes, from the README's snippet; checks Jenkinsfile.prod, which types: [groovy] would miss, and a change to a pod YAML alone", () => {
    const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    // A release of this commit, made in a clone as a maintainer would make it.
    const release = mkdtempSync(join(tmpdir(), 'jkl-release-'));
    execFileSync('git', ['clone', '-q', REPO, release], { env: gitEnv });
    const { version } = JSON.parse(readFileSync(join(release, 'server', 'package.json'), 'utf8')) as { version: string };
    execFileSync(process.execPath, [join(release, 'scripts', 'release.mjs'), version], { cwd: release, env: gitEnv, stdio: 'pipe' });
    const snippet = /### pre-commit\n\n```yaml\n([\s\S]*?)```/.exec(readFileSync(join(REPO, 'README.md'), 'utf8'))![1]!;
    const dir = workspace({
      Jenkinsfile: GOOD,
      'ci/Jenkinsfile.prod': BAD,
      'README.md': 'not linted\n',
      'app/Jenkinsfile': READS_POD,
      'ci/pod.yaml': POD,
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      '.pre-commit-config.yaml': snippet.replace(/repo: \S+/, `repo: ${release}`),
    });
    // pre-commit builds the hook with `npm install`: from npm's cache when it has the packages, so
    // that this runs offline after `npm ci`.
    const env = { ...gitEnv, PRE_COMMIT_HOME: join(dir, '.pre-commit-home'), npm_config_prefer_offline: 'true' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    const preCommit = (...args: string[]) => spawnSync('pre-commit', ['run', ...args], { cwd: dir, env, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    const good = preCommit('--files', 'Jenkinsfile', 'README.md');
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /jenkinsfile-lint\.+Passed/);
    const bad = preCommit('--all-files');
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /jenkinsfile-lint\.+Failed/);
    assert.match(bad.stdout, /ci\/Jenkinsfile\.prod:9:12: error JKL302/);
    assert.ok(existsSync(join(dir, '.pre-commit-home')));
    writeFileSync(join(dir, 'ci', 'Jenkinsfile.prod'), GOOD);
    assert.equal(preCommit('--all-files').status, 0);
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'good');

    // A commit that changes only the pod YAML: checked as app/Jenkinsfile, which reads it, sees it.
    writeFileSync(join(dir, 'ci', 'pod.yaml'), POD.replace('IfNotPresent', 'Sometimes'));
    git('add', 'ci/pod.yaml');
    const pod = preCommit();
    assert.equal(pod.status, 1, pod.stdout + pod.stderr);
    assert.match(pod.stdout, /ci\/pod\.yaml:5:22: error JKL104 Invalid value "Sometimes"/);
    git('checkout', '--', '.');
    git('reset', '-q', '--hard');
    // A YAML file that no Jenkinsfile reads is left alone.
    writeFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'on: [push, pull_request]\njobs: {}\n');
    git('add', '.github/workflows/ci.yml');
    const other = preCommit();
    assert.equal(other.status, 0, other.stdout + other.stderr);
    assert.match(other.stdout, /jenkinsfile-lint\.+Passed/);
  });
});
