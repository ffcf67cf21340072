// Every fix on every way the text it edits can be written: each Groovy string form ('…', "…", '''…''',
// """…""", .stripIndent(), escapes, concatenation), containerTemplate as map arguments and as a
// declarative block, YAML inline and in a yamlFile. `--fix` (a real process, a real file) must apply
// the fix once, make its finding go away, add nothing, leave every string closed, and change
// nothing on a second run. Where a form cannot take a fix safely, none is offered and the file is
// left as it was.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TokenReader } from '../server/out/extract/reader.js';
import type { Analysis } from '../server/out/core/lint.js';
import { CLI, lintPath, workspace } from './helpers.js';

const container = (a: Analysis, name: string) => a.pods.flatMap((p) => p.containers).find((c) => c.name === name);
const text = (v: { kind: string; text?: { text: string } } | undefined) => (v?.kind === 'string' ? v.text!.text : undefined);
/** The container keeps its image and runs sleep 99d. */
const keptAlive = (a: Analysis) => {
  const c = container(a, 'maven');
  assert.deepEqual([c?.image?.ref, c?.command?.words, c?.args?.words], ['maven:3.9', ['sleep'], ['99d']]);
};
const debugImage = (a: Analysis) => assert.equal(container(a, 'kaniko')?.image?.ref, 'gcr.io/kaniko-project/executor:v1.23.2-debug');

const CONFIG = 'jenkins:\n  clouds: [kubernetes]\n';

/** A pod YAML (lines without indentation) written into a Groovy string in the given form. */
const YAML_FORMS: Record<string, (lines: string[]) => string> = {
  "'''": (l) => `'''\n${l.join('\n')}\n'''`,
  '"""': (l) => `"""\n${l.join('\n')}\n"""`,
  "'''.stripIndent()": (l) => `'''\n${l.map((x) => '        ' + x).join('\n')}\n        '''.stripIndent()`,
  '"""${…}""".stripIndent()': (l) => `"""\n        # built \${env.BUILD_NUMBER}\n${l.map((x) => '        ' + x).join('\n')}\n        """.stripIndent()`,
  "'…\\n…'": (l) => `'${l.join('\\n')}\\n'`,
  '"…\\n…"': (l) => `"${l.join('\\n')}\\n"`,
  "'…' + '…'": (l) => l.map((x) => `'${x}\\n'`).join(' +\n        '),
};

const declarative = (yaml: string, steps: string) => `pipeline {
  agent {
    kubernetes {
      yaml ${yaml}
    }
  }
  stages { stage('a') { steps { ${steps} } } }
}
`;

/** A quoted Groovy string literal holding `s`, in each quote form. */
const QUOTES: Record<string, (s: string) => string> = {
  "'": (s) => `'${s}'`,
  '"': (s) => `"${s}"`,
  "'''": (s) => `'''${s}'''`,
  '"""': (s) => `"""${s}"""`,
  '/…/': (s) => `/${s.replace(/\//g, '\\/')}/`,
};

interface Case {
  name: string;
  files: Record<string, string>;
  code: string;
  /** What the fixed file must mean (read back through the linter's own model). */
  means: (a: Analysis) => void;
  /** false: this form takes no safe fix; the finding stays and the file is untouched. */
  fixable?: boolean;
}

const cases: Case[] = [];
const KANIKO_OLD = 'gcr.io/kaniko-project/executor:v1.23.2';

for (const [form, write] of Object.entries(YAML_FORMS)) {
  // JKL101: a did-you-mean rename of a YAML key.
  cases.push({
    name: `JKL101 key rename in YAML as ${form}`,
    code: 'JKL101',
    means: keptAlive,
    files: { Jenkinsfile: declarative(write(['spec:', '  containers:', '  - name: maven', '    image: maven:3.9', '    comand: [sleep]', '    args: [99d]']), "container('maven') { sh 'mvn -v' }") },
  });
  // JKL302: the Kaniko image's debug tag.
  cases.push({
    name: `JKL302 debug tag in YAML as ${form}`,
    code: 'JKL302',
    means: debugImage,
    files: { Jenkinsfile: declarative(write(['spec:', '  containers:', '  - name: kaniko', `    image: ${KANIKO_OLD}`, '    command: [sleep]', '    args: [99d]']), "container('kaniko') { sh '/kaniko/executor --no-push' }") },
  });
  // JKL303: /bin/bash as the Kaniko container's command.
  cases.push({
    name: `JKL303 shell path in YAML as ${form}`,
    code: 'JKL303',
    means: (a) => assert.deepEqual(container(a, 'kaniko')?.command?.words, ['/busybox/sh', '-c', 'sleep 99d']),
    files: { Jenkinsfile: declarative(write(['spec:', '  containers:', '  - name: kaniko', `    image: ${KANIKO_OLD}-debug`, '    command: [/bin/bash, -c, sleep 99d]']), "container('kaniko') { sh '/kaniko/executor --no-push' }") },
  });
  // JKL208: a keep-alive added under the image; only where the YAML lines are source lines.
  cases.push({
    name: `JKL208 keep-alive in YAML as ${form}`,
    code: 'JKL208',
    means: keptAlive,
    fixable: form.startsWith("'''") || form.startsWith('"""'),
    files: { Jenkinsfile: declarative(write(['spec:', '  containers:', '  - name: maven', '    image: maven:3.9']), "container('maven') { sh 'mvn -v' }") },
  });
}

for (const [form, q] of Object.entries(QUOTES)) {
  const scripted = (template: string, body: string) => `podTemplate(cloud: 'kubernetes', containers: [\n  ${template}\n]) {\n  node(POD_LABEL) {\n    ${body}\n  }\n}\n`;
  cases.push({
    name: `JKL208 keep-alive after containerTemplate(image: ${form}…)`,
    code: 'JKL208',
    means: keptAlive,
    files: { Jenkinsfile: scripted(`containerTemplate(name: 'maven', image: ${q('maven:3.9')})`, "container('maven') { sh 'mvn -v' }") },
  });
  cases.push({
    name: `JKL302 debug tag in containerTemplate(image: ${form}…)`,
    code: 'JKL302',
    means: debugImage,
    files: { Jenkinsfile: scripted(`containerTemplate(name: 'kaniko', image: ${q(KANIKO_OLD)}, command: 'sleep', args: '99d')`, "container('kaniko') { sh '/kaniko/executor --no-push' }") },
  });
  cases.push({
    name: `JKL303 containerTemplate(shell: ${form}…)`,
    code: 'JKL303',
    means: (a) => assert.equal(container(a, 'kaniko')?.shell?.value, '/busybox/sh'),
    files: { Jenkinsfile: scripted(`containerTemplate(name: 'kaniko', image: '${KANIKO_OLD}-debug', command: 'sleep', args: '99d', shell: ${q('/bin/bash')})`, "container('kaniko') { sh '/kaniko/executor --no-push' }") },
  });
  cases.push({
    name: `JKL303 container(shell: ${form}…)`,
    code: 'JKL303',
    means: (a) => assert.equal(text(a.extraction.containers[0]!.call.args.find((x) => x.name?.text === 'shell')?.value), '/busybox/sh'),
    files: { Jenkinsfile: scripted(`containerTemplate(name: 'kaniko', image: '${KANIKO_OLD}-debug', command: 'sleep', args: '99d')`, `container(name: 'kaniko', shell: ${q('/bin/bash')}) { sh '/kaniko/executor --no-push' }`) },
  });
  cases.push({
    name: `JKL303 shebang in sh ${form}…`,
    code: 'JKL303',
    means: (a) => assert.equal(text(a.extraction.shells[0]!.script), '#!/busybox/sh\n/kaniko/executor --no-push'),
    // A slashy string has no \n escape: its script spans two lines (and needs parentheses to be a string).
    files: { Jenkinsfile: scripted(`containerTemplate(name: 'kaniko', image: '${KANIKO_OLD}-debug', command: 'sleep', args: '99d')`, `container('kaniko') { sh(${q(form === '/…/' ? '#!/bin/bash\n/kaniko/executor --no-push' : '#!/bin/bash\\n/kaniko/executor --no-push')}) }`) },
  });
  cases.push({
    name: `JKL204 container rename in container(${form}…)`,
    code: 'JKL204',
    means: (a) => assert.equal(text(a.extraction.containers[0]!.name), 'maven'),
    files: { Jenkinsfile: scripted("containerTemplate(name: 'maven', image: 'maven:3.9', command: 'sleep', args: '99d')", `container(${q('mavne')}) { sh 'mvn -v' }`) },
  });
}

// The declarative containerTemplate block, on one line and on several.
cases.push({
  name: 'JKL208 keep-alive in a declarative containerTemplate block, one line',
  code: 'JKL208',
  means: keptAlive,
  files: { Jenkinsfile: "pipeline {\n  agent { kubernetes { containerTemplate { name 'maven'; image '''maven:3.9''' } } }\n  stages { stage('a') { steps { container('maven') { sh 'mvn -v' } } } }\n}\n" },
});
cases.push({
  name: 'JKL208 keep-alive in a declarative containerTemplate block, several lines',
  code: 'JKL208',
  means: keptAlive,
  files: { Jenkinsfile: "pipeline {\n  agent {\n    kubernetes {\n      containerTemplate {\n        name 'maven'\n        image \"maven:3.9\"\n      }\n    }\n  }\n  stages { stage('a') { steps { container('maven') { sh 'mvn -v' } } } }\n}\n" },
});
// A yamlFile: raw YAML, no Groovy string around it.
cases.push({
  name: 'JKL208 keep-alive in a yamlFile',
  code: 'JKL208',
  means: keptAlive,
  files: { Jenkinsfile: "pipeline {\n  agent { kubernetes { yamlFile 'pod.yaml' } }\n  stages { stage('a') { steps { container('maven') { sh 'mvn -v' } } } }\n}\n", 'pod.yaml': 'spec:\n  containers:\n  - name: maven\n    image: maven:3.9\n' },
});

function fix(dir: string) {
  const r = spawnSync(process.execPath, [CLI, '--fix-unsafe', '--format', 'json', 'Jenkinsfile'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.match(r.stderr, /^jenkinsfile-lint: fixed \d+ problems? in \d+ files?\n$/);
  return r;
}

/** Every string in the file is closed. */
function stringsClosed(text: string): boolean {
  return !new TokenReader(text).tokens.some((t) => t.kind === 'string' && t.unterminated);
}

describe('--fix on every form of what it edits', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = workspace({ ...c.files, '.jenkinsfile-lint.yaml': CONFIG, '.git/HEAD': '' });
      const file = join(dir, 'Jenkinsfile');
      const before = (await lintPath(file)).diagnostics;
      const target = before.filter((d) => d.code === c.code);
      assert.ok(target.length, `the case produces ${c.code}: ${JSON.stringify(before.map((d) => d.code))}`);
      const texts = Object.keys(c.files).map((f) => readFileSync(join(dir, f), 'utf8'));
      fix(dir);
      const linted = await lintPath(file);
      const after = linted.diagnostics;
      const fixedText = readFileSync(file, 'utf8');
      if (c.fixable === false) {
        assert.ok(target.every((d) => !d.fix), 'no fix is offered');
        assert.deepEqual(Object.keys(c.files).map((f) => readFileSync(join(dir, f), 'utf8')), texts, 'nothing written');
        return;
      }
      assert.ok(target.some((d) => d.fix), 'a fix is offered');
      assert.ok(stringsClosed(fixedText), `every string still closed:\n${fixedText}`);
      assert.deepEqual(after.filter((d) => d.code === c.code), [], `the finding is gone:\n${fixedText}`);
      c.means(linted.analysis);
      const key = (d: { code: string; message: string }) => `${d.code} ${d.message}`;
      const others = new Set(before.filter((d) => d.code !== c.code).map(key));
      assert.deepEqual(after.map(key).filter((k) => !others.has(k)), [], 'nothing new');
      const once = Object.keys(c.files).map((f) => readFileSync(join(dir, f), 'utf8'));
      fix(dir);
      assert.deepEqual(Object.keys(c.files).map((f) => readFileSync(join(dir, f), 'utf8')), once, 'a second --fix changes nothing');
    });
  }
});
