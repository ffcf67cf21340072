// Pod YAML read as Jenkins reads it, with positions mapped back into the Jenkinsfile.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../server/out/yaml/parse-yaml.js';
import { lintText } from './helpers.js';

describe('pod YAML semantics', () => {
  it('reads YAML 1.1: 0644 is octal, yes is a boolean', () => {
    const { value } = parseYaml('spec:\n  volumes:\n  - name: s\n    secret: {secretName: x, defaultMode: 0644}\n  hostNetwork: yes\n');
    assert.deepEqual(value, { spec: { volumes: [{ name: 's', secret: { secretName: 'x', defaultMode: 420 } }], hostNetwork: true } });
  });

  it('treats blank YAML as an empty pod and drops null fields as Jackson leaves them unset', () => {
    assert.deepEqual(parseYaml('').value, {});
    assert.deepEqual(parseYaml('spec:\n  containers:\n  - name: jnlp\n    env:\n').value, { spec: { containers: [{ name: 'jnlp' }] } });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const started = process.hrtime.bigint();
    const { problems } = parseYaml(bomb);
    assert.ok(process.hrtime.bigint() - started < 5_000_000_000n);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /alias/i);
  });

  it('maps positions through CRLF line endings and tab-indented Groovy', async () => {
    const src = "pipeline {\r\n\tagent {\r\n\t\tkubernetes {\r\n\t\t\tyaml '''\r\nspec:\r\n  containers:\r\n  - name: maven\r\n    image: maven\r\n    imagePullPolicy: Sometimes\r\n'''\r\n\t\t}\r\n\t}\r\n}\r\n";
    const { flat } = await lintText(src);
    const d = flat.find((x) => x.code === 'JKL104');
    assert.deepEqual(d && [d.line, d.column, d.endLine, d.endColumn], [9, 22, 9, 31]);
  });

  it('maps positions through escapes and GString placeholders on the same line', async () => {
    const src = 'podTemplate(yaml: "spec:\\n  containers:\\n  - name: \\"${NAME}\\"\\n    image: \\"x\\"\\n    tty: \\"maybe\\"") {}\n';
    const { flat } = await lintText(src);
    assert.deepEqual(
      flat.filter((x) => x.code.startsWith('JKL1')).map((x) => [x.code, x.line, x.column, x.endColumn]),
      [['JKL102', 1, 92, 101]],
    );
    assert.equal(src.slice(91, 100), '\\"maybe\\"');
  });
});

describe('one YAML mistake, one finding, on the line to edit', () => {
  const cases: Array<[string, string, number]> = [
    ['a key one space short', 'spec:\n  containers:\n  - name: a\n    image: b\n   command: [sleep]\n    args: [99d]\n', 5],
    ['a key one space too deep', 'spec:\n  containers:\n  - name: a\n    image: b\n     command: [sleep]\n    args: [99d]\n', 5],
    ['the second key of an item too deep', 'spec:\n  containers:\n  - name: a\n     image: b\n', 4],
    ['a nested key too deep', 'spec:\n  containers:\n  - name: a\n    volumeMounts:\n    - name: v\n       mountPath: /x\n', 6],
    ['a dash without its space', 'spec:\n  containers:\n  -name: a\n    image: b\n', 3],
    ['a colon without its space', 'spec:\n  containers:\n  - name:a\n    image: b\n', 3],
    ['an unclosed quote', 'spec:\n  containers:\n  - name: "a\n    image: b\n', 3],
    ['two mistakes: the first', 'spec:\n  containers:\n  - name: a\n   image: b\n  - name: c\n      image: d\n', 4],
  ];
  for (const [name, text, line] of cases) {
    it(name, () => {
      const errors = parseYaml(text).problems.filter((p) => p.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      const at = (o: number) => text.slice(0, o).split('\n').length;
      assert.deepEqual([at(errors[0]!.start), at(errors[0]!.end - 1)], [line, line]);
    });
  }
});
