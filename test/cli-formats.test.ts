// The CLI where users run linters: every output format (golden files), file discovery, stdin,
// thresholds. Run as a real child process on a temporary repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CLI, REPO, workspace } from './helpers.js';

const GOLDEN = join(REPO, 'test', 'formats');
const update = process.env.UPDATE_GOLDENS === '1';

const BAD = `pipeline {
  agent {
    kubernetes {
      yaml '''
spec:
  containers:
  - name: kaniko
    image: ghcr.io/osscontainertools/kaniko:v1.25.1
    comand: [sleep]
    command: [sleep]
    args: [99d]
'''
    }
  }
  stages {
    stage('Image') {
      steps {
        container('kaniko') { sh '/kaniko/executor --no-push --context "dir://."' }
        container('docker') { sh 'docker build .' }
      }
    }
  }
}
`;
const RELEASE = `pipeline {
  agent { kubernetes { cloud 'kubernetes'; yamlFile 'ci/pod.yaml' } }
  stages { stage('Release') { steps { container('tools') { sh 'make release' } } } }
}
`;
const POD = `spec:
  containers:
  - name: tools
    image: alpine:3.20
    command: [sleep]
    args: [99d]
    imagePullPolicy: Sometimes
`;
const CLEAN = `pipeline {
  agent { kubernetes { cloud 'kubernetes'; yaml 'spec: {}' } }
  stages { stage('Build') { steps { sh 'make' } } }
}
`;

/** A repository with two Jenkinsfiles that have findings, a clean one, and an ignored one. */
function repo(extra: Record<string, string> = {}): string {
  return workspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'vendor/\n',
    Jenkinsfile: BAD,
    'ci/Jenkinsfile.release': RELEASE,
    'ci/pod.yaml': POD,
    'clean.jenkinsfile': CLEAN,
    'vendor/Jenkinsfile': BAD,
    'docs/README.md': 'not a Jenkinsfile\n',
    ...extra,
  });
}

function run(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}), env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Output with the temporary folder and the version made stable, for golden comparison. */
function stable(out: string, dir: string): string {
  return out.split(dir).join('<repo>').replace(/"(version|semanticVersion)": "(?!2\.1\.0")[^"]+"/g, '"$1": "<version>"').replace(/generator="jenkinsfile-lint [^"]+"/, 'generator="jenkinsfile-lint <version>"');
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (update) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDENS=1 to accept an intended change)`);
}

describe('output formats', () => {
  const dir = repo();
  for (const [fmt, ext] of [['text', 'txt'], ['json', 'json'], ['sarif', 'sarif'], ['checkstyle', 'xml'], ['junit', 'xml'], ['gnu', 'txt'], ['github', 'txt']] as const) {
    it(`${fmt} matches its golden file`, () => {
      const r = run(['--format', fmt, '.'], dir);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 1);
      golden(`${fmt}.${ext === 'xml' ? `${fmt}.xml` : ext}`, stable(r.stdout, dir));
    });
  }

  it('checkstyle is well-formed XML with a file element per file and an error per finding', () => {
    const xml = run(['--format', 'checkstyle', '.'], dir).stdout;
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'file' || n === 'error' }).parse(xml);
    const files = doc.checkstyle.file as Array<{ '@_name': string; error?: Array<Record<string, string>> }>;
    assert.deepEqual(files.map((f) => f['@_name']).sort(), ['Jenkinsfile', 'ci/Jenkinsfile.release', 'ci/pod.yaml', 'clean.jenkinsfile']);
    const errors = files.flatMap((f) => f.error ?? []);
    assert.ok(errors.every((e) => e['@_line'] && e['@_column'] && ['error', 'warning', 'info'].includes(e['@_severity']!) && e['@_source']!.startsWith('jenkinsfile-lint.JKL')));
    assert.ok(errors.some((e) => e['@_source'] === 'jenkinsfile-lint.JKL302'));
  });

  it('junit is well-formed XML: a suite per file, a case per finding, a passing case for a clean file', () => {
    const xml = run(['--format', 'junit', '.'], dir).stdout;
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml);
    const suites = doc.testsuites.testsuite as Array<{ '@_name': string; '@_failures': string; testcase: Array<{ failure?: unknown }> }>;
    const clean = suites.find((s) => s['@_name'] === 'clean.jenkinsfile')!;
    assert.equal(clean['@_failures'], '0');
    assert.equal(clean.testcase.length, 1);
    assert.equal(clean.testcase[0]!.failure, undefined);
    assert.ok(suites.find((s) => s['@_name'] === 'Jenkinsfile')!.testcase.length > 1);
    assert.equal(Number(doc.testsuites['@_failures']), suites.reduce((n, s) => n + Number(s['@_failures']), 0));
  });

  it('junit fails the cases that fail the run, no others: the severity threshold, and warnings past --max-warnings', () => {
    // One warning (JKL101) and one info (JKL203), no error.
    const mild = workspace({ Jenkinsfile: "pipeline {\n  agent { kubernetes { yaml 'spec: {restartPolicy: Never, hostNetwrk: true}' } }\n  stages { stage('a') { steps { sh 'make' } } }\n}\n" });
    const failed = (args: string[]) => {
      const r = run(['--format', 'junit', ...args, 'Jenkinsfile'], mild);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(r.stdout);
      const cases = doc.testsuites.testsuite[0].testcase as Array<{ '@_classname': string; failure?: unknown; 'system-out'?: string }>;
      assert.ok(cases.every((c) => (c.failure === undefined) !== (c['system-out'] === undefined)), 'each case has a failure or the finding as output');
      return { code: r.code, failed: cases.filter((c) => c.failure).map((c) => c['@_classname']), total: Number(doc.testsuites['@_failures']) };
    };
    assert.deepEqual(failed([]), { code: 0, failed: [], total: 0 });
    assert.deepEqual(failed(['--severity-threshold', 'warning']), { code: 1, failed: ['jenkinsfile-lint.JKL101'], total: 1 });
    assert.deepEqual(failed(['--max-warnings', '0']), { code: 1, failed: ['jenkinsfile-lint.JKL101'], total: 1 });
    assert.deepEqual(failed(['--severity-threshold', 'info']), { code: 1, failed: ['jenkinsfile-lint.JKL203', 'jenkinsfile-lint.JKL101'], total: 2 });
  });

  it('sarif passes Microsoft\'s SARIF validator', { skip: sarifMultitool() ? false : 'sarif-multitool not installed (.ci/run installs it)' }, () => {
    const out = join(dir, 'out.sarif');
    run(['--format', 'sarif', '-o', out, '.'], dir);
    const report = join(dir, 'validation.sarif');
    const r = spawnSync(sarifMultitool()!, ['validate', out, '--output', report, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const results = (JSON.parse(readFileSync(report, 'utf8')) as { runs: Array<{ results?: Array<{ level?: string; ruleId: string; message: unknown }> }> }).runs[0]!.results ?? [];
    const problems = results.filter((x) => x.level === 'error' || x.level === 'warning' || x.level === undefined);
    assert.deepEqual(problems, [], 'no validation errors or warnings');
  });
});

function sarifMultitool(): string | undefined {
  for (const p of [process.env.SARIF_MULTITOOL, join(REPO, '.tools', 'node_modules', '.bin', 'sarif-multitool')]) if (p && existsSync(p)) return p;
  return undefined;
}

describe('finding files', () => {
  it('searches directories for Jenkinsfile names, honouring .gitignore and the config ignore list', () => {
    const dir = repo({ '.jenkinsfile-lint.yaml': 'ignore: [ci/**]\n' });
    const files = JSON.parse(run(['--format', 'json', '.'], dir).stdout).map((r: { file: string }) => r.file);
    assert.deepEqual(files, ['Jenkinsfile', 'clean.jenkinsfile']);
  });

  it('lints a file named explicitly even when ignored, and globs', () => {
    const dir = repo();
    assert.deepEqual(JSON.parse(run(['--format', 'json', 'vendor/Jenkinsfile'], dir).stdout).map((r: { file: string }) => r.file), ['vendor/Jenkinsfile']);
    assert.deepEqual(JSON.parse(run(['--format', 'json', 'ci/*.release', '*.jenkinsfile'], dir).stdout).map((r: { file: string }) => r.file), ['ci/Jenkinsfile.release', 'ci/pod.yaml', 'clean.jenkinsfile']);
  });

  it('says so when nothing matches: exit 2, or 0 with --no-error-on-unmatched-pattern', () => {
    const dir = repo();
    const r = run(['docs'], dir);
    assert.deepEqual([r.code, r.stderr], [2, 'jenkinsfile-lint: no Jenkinsfile found for "docs"\n']);
    assert.equal(run(['--no-error-on-unmatched-pattern', 'docs'], dir).code, 0);
  });

  it('reads standard input with --stdin-filename for positions and the config', () => {
    const dir = repo({ 'ci/.jenkinsfile-lint.yaml': 'rules: {JKL104: warning}\n' });
    const r = run(['--format', 'json', '--stdin-filename', 'ci/Jenkinsfile.release', '-'], dir, RELEASE);
    const reports = JSON.parse(r.stdout);
    assert.deepEqual(reports.map((x: { file: string }) => x.file), ['ci/Jenkinsfile.release', 'ci/pod.yaml']);
    assert.equal(reports[1].diagnostics[0].severity, 'warning');
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(run(['--format', 'json', '-'], dir, BAD).stdout)[0].file, '<stdin>');
  });
});

describe('thresholds and overrides', () => {
  const dir = repo();
  const codes = (args: string[]) => JSON.parse(run(['--format', 'json', ...args], dir).stdout).flatMap((r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code));

  it('--severity-threshold and --max-warnings decide the exit code', () => {
    assert.equal(run(['clean.jenkinsfile'], dir).code, 0);
    assert.equal(run(['--rule', 'JKL302:warning', '--rule', 'JKL204:off', 'Jenkinsfile'], dir).code, 0);
    assert.equal(run(['--rule', 'JKL302:warning', '--rule', 'JKL204:off', '--severity-threshold', 'warning', 'Jenkinsfile'], dir).code, 1);
    assert.equal(run(['--rule', 'JKL302:warning', '--rule', 'JKL204:off', '--max-warnings', '2', 'Jenkinsfile'], dir).code, 0);
    assert.equal(run(['--rule', 'JKL302:warning', '--rule', 'JKL204:off', '--max-warnings', '1', 'Jenkinsfile'], dir).code, 1);
  });

  it('--quiet reports errors only; --rule overrides the config', () => {
    assert.deepEqual(codes(['Jenkinsfile']).sort(), ['JKL101', 'JKL203', 'JKL204', 'JKL302']);
    assert.deepEqual(codes(['--quiet', 'Jenkinsfile']).sort(), ['JKL204', 'JKL302']);
    assert.deepEqual(codes(['--rule', 'JKL203:off', '--rule', 'jkl101=error', 'Jenkinsfile']).sort(), ['JKL101', 'JKL204', 'JKL302']);
    assert.equal(run(['--rule', 'JKL203', 'Jenkinsfile'], dir).code, 2);
  });

  it('--print-config shows the configuration that applies to a file', () => {
    const d = repo({ 'ci/.jenkinsfile-lint.yaml': 'rules: {JKL203: off}\njenkins: {clouds: [kubernetes]}\n' });
    const r = run(['--print-config', 'ci/Jenkinsfile.release', '--rule', 'JKL306:off'], d);
    assert.deepEqual(JSON.parse(r.stdout), { configFile: join(d, 'ci', '.jenkinsfile-lint.yaml'), rules: { JKL203: 'off', JKL306: 'off' }, jenkins: { clouds: ['kubernetes'] } });
  });

  it('--output-file writes the report there, without colour', () => {
    const r = run(['-o', 'report.txt', 'Jenkinsfile'], dir);
    assert.equal(r.stdout, '');
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    assert.match(report, /^Jenkinsfile:3:5: info JKL203 /);
    assert.match(report, /\n1 file: 1 pipeline, 1 pod template; /);
    assert.doesNotMatch(report, /\u001b/);
  });

  it('prints in colour on a terminal, with the summary line', { skip: existsSync('/usr/bin/script') ? false : 'no script(1) to give the CLI a terminal' }, () => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    const r = spawnSync('/usr/bin/script', ['-qec', `${process.execPath} ${CLI} Jenkinsfile clean.jenkinsfile`, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    assert.match(r.stdout, /\u001b\[31merror\u001b\[39m/);
    assert.match(r.stdout, /\n2 files: 2 pipelines, 2 pod templates; 2 errors, 1 warning, 1 info\r?\n$/);
  });
});
