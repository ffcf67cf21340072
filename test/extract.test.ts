// Strings, expressions and extraction through the constructs tree-sitter-groovy misreads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lex } from '../server/out/parse/lexer.js';
import { decodeString, stripIndent, type MappedText } from '../server/out/extract/mapped-text.js';
import { TokenReader, type Value } from '../server/out/extract/reader.js';
import { analyze } from '../server/out/core/lint.js';
import { FsHost } from '../server/out/host/fs-host.js';
import { normalizePath } from '../server/out/resolve/volumes.js';

function decode(src: string): MappedText {
  const tok = lex(src).tokens.find((t) => t.kind === 'string');
  assert.ok(tok, `no string token in ${src}`);
  return decodeString(src, tok);
}

function expression(src: string): Value | undefined {
  const r = new TokenReader(src);
  return r.readExpression(0, r.tokens.length);
}

describe('Groovy strings', () => {
  it('decodes escapes in single and double quotes, mapping each character to its source offset', () => {
    const mt = decode(String.raw`x = 'it\'s\ta'`);
    assert.equal(mt.text, "it's\ta");
    assert.deepEqual([...mt.offsets], [5, 6, 7, 9, 10, 12, 13]);
    assert.equal(decode(String.raw`"a\nb\$c"`).text, 'a\nb$c');
  });

  it('turns GString interpolations into placeholders, but not in single quotes or when escaped', () => {
    const mt = decode('"img:${params.TAG}-$BUILD_NUMBER.x"');
    assert.equal(mt.text, 'img:xxxxxxxxxxxxx-xxxxxxxxxxxxxxx');
    assert.deepEqual(mt.placeholders, [[4, 17], [18, 33]]);
    assert.deepEqual(decode("'${computer.jnlpmac}'").placeholders, []);
    assert.deepEqual(decode('"\\${NOT}"').placeholders, []);
  });

  it('reads triple quotes with line continuations and CRLF, slashy and dollar-slashy strings', () => {
    assert.equal(decode('"""\\\nspec:\r\n  a: 1\r\n"""').text, 'spec:\n  a: 1\n');
    assert.equal(decode("'''it's'''").text, "it's");
    assert.equal(decode('sh(/echo a\\/b/)').text, 'echo a/b');
    assert.equal(decode('$/a$/b $$ /$').text, 'a/b $ ');
  });

  it('closes a triple-quoted string at the last of a run of quotes', () => {
    const toks = lex('x = """say "hi""""\ny = 1').tokens;
    assert.equal(toks.filter((t) => t.kind === 'string').length, 1);
    assert.equal(decode('x = """say "hi""""').text, 'say "hi"');
  });

  it('applies .stripIndent() the Groovy way (smallest indentation of non-blank lines)', () => {
    const mt = stripIndent(decode("'''\n    spec:\n      containers: []\n\n    '''"));
    assert.equal(mt.text, '\nspec:\n  containers: []\n\n');
  });
});

describe('expressions', () => {
  it('concatenates strings with + across lines, keeping offsets', () => {
    const v = expression("'spec:\\n' +\n  \"  containers: []\"");
    assert.equal(v?.kind, 'string');
    if (v?.kind !== 'string') return;
    assert.equal(v.text.text, 'spec:\n  containers: []');
    assert.equal(v.text.offsets[6], 15); // just past the opening quote of the second string
  });

  it('reads stripIndent() on the next line as part of the string', () => {
    const v = expression('"""\n  a: 1\n  """\n  .stripIndent()');
    assert.equal(v?.kind === 'string' && v.text.text, '\na: 1\n');
  });

  it('marks what cannot be known statically as dynamic or a call', () => {
    assert.equal(expression('env.CLOUD')?.kind, 'dynamic');
    assert.equal(expression("x ?: 'y'")?.kind, 'dynamic');
    assert.equal(expression("libraryResource('pod.yaml')")?.kind, 'call');
    assert.equal(expression("'a'.replace('a', 'b')")?.kind, 'dynamic');
  });
});

describe('extraction where the grammar produces ERROR nodes', () => {
  const host = new FsHost();
  const options = async (src: string) => {
    const { extraction } = await analyze(src, { file: '/nonexistent/Jenkinsfile', host });
    return extraction.templates.map((t) => Object.fromEntries([...t.options].map(([k, o]) => [k, o.value?.kind ?? 'block'])));
  };

  it('reads every option of a kubernetes block around cloud env.X, podRetention onFailure(), yaml """…""".stripIndent()', async () => {
    const src = [
      'pipeline {',
      '  agent {',
      '    kubernetes {',
      '      cloud env.CLOUD_NAME',
      '      podRetention onFailure()',
      '      yamlMergeStrategy merge()',
      '      yaml """',
      '        spec:',
      '          containers:',
      '          - name: maven',
      '            image: maven:3.9',
      '      """.stripIndent()',
      "      defaultContainer 'maven'",
      '    }',
      '  }',
      '  stages { stage(\'a\') { steps { script { def m = [a: 1]; m.each { k, v -> println k }; x = y ?: \'z\' } } } }',
      '}',
    ].join('\n');
    assert.deepEqual(await options(src), [{ cloud: 'dynamic', podRetention: 'call', yamlMergeStrategy: 'call', yaml: 'string', defaultContainer: 'string' }]);
    const { pods } = await analyze(src, { file: '/nonexistent/Jenkinsfile', host });
    assert.deepEqual(pods[0]!.containers.map((c) => c.name), ['maven']);
  });

  it("reads podTemplate(yaml: '') with an empty single-quoted string and trailing commas", async () => {
    assert.deepEqual(await options("podTemplate(yaml: '', label: 'x',\n) {\n  node(POD_LABEL) { sh 'true' }\n}"), [{ yaml: 'string', label: 'string' }]);
  });

  it('finds templates inside regions the grammar cannot read at all', async () => {
    // `throw e` without a semicolon and an untyped catch make the surrounding pipeline an ERROR.
    const src = "try { a() } catch (e) { throw e }\npipeline {\n  agent { kubernetes { yaml '''\nspec: {}\n''' } }\n}\n";
    assert.deepEqual(await options(src), [{ yaml: 'string' }]);
  });

  it('never mistakes calls inside strings or comments for steps', async () => {
    const src = "// podTemplate(yaml: 'a') {}\nsh '''podTemplate(yaml: 'b') { }'''\n/* kubernetes { yaml 'c' } */\n";
    assert.deepEqual(await options(src), []);
  });

  it('reads `agent any` as a call, a multi-line slashy string as a string, and asks the tree only where the lexer guessed', async () => {
    const containers = async (src: string) => (await analyze(src, { file: '/nonexistent/Jenkinsfile', host })).extraction.containers.map((c) => c.call.start);
    // tree-sitter reads `agent any` as a declaration (fixture JKL204/ok-other-agents-and-slashy); without a guess the tree is not consulted at all.
    assert.equal(new TokenReader("pipeline {\n  agent any\n}\n").guessed, false);
    assert.deepEqual(await containers("node {\n  def re = /first\ncontainer('x') { }\n/\n}\n"), []);
    // A "…" string over several lines is broken Groovy; the lexer ends it at the line break (a guess),
    // the tree reads on to the closing quote, and its reading vetoes the call inside.
    const src = "node {\n  sh \"echo\n  container('x') { sh 'y' }\n\"\n  container('z') { }\n}\n";
    assert.equal(new TokenReader(src).guessed, true);
    assert.deepEqual(await containers(src), [src.indexOf("container('z')")]);
  });

  it('is sure of a slashy string where only an expression can follow (`=~ /…/`, `(/…/)`, `~/…/`), interpolations and all', async () => {
    const containers = async (src: string) => (await analyze(src, { file: '/nonexistent/Jenkinsfile', host })).extraction.containers.map((c) => c.call.start);
    for (const sure of ["def m = log =~ /Signed: 1/\n", "def parts = out.split(/\\n/)\n", "switch (b) { case ~/^test-.*/: break }\n"]) {
      assert.equal(new TokenReader(sure).guessed, false, sure);
    }
    // A `/` inside `${…}` does not end the string: the call after it is code, the one inside is not.
    const src = "node {\n  def re = ~/a${x/2}b container('x') { }/\n  container('z') { }\n}\n";
    assert.equal(new TokenReader(src).guessed, false);
    assert.deepEqual(await containers(src), [src.indexOf("container('z')")]);
    // After a value a `/` is division, or a string Groovy would not read there: still a guess.
    assert.equal(new TokenReader('def half = total / 2\n').guessed, true);
    assert.equal(new TokenReader('println /x/\n').guessed, true);
  });
});

describe('extraction never skips a template', () => {
  const host = new FsHost();
  const read = async (src: string) => (await analyze(src, { file: '/nonexistent/Jenkinsfile', host })).extraction;
  /** Each container step's template, as the line of its `podTemplate`/`kubernetes`. */
  const containerTemplates = async (src: string) => {
    const x = await read(src);
    return x.containers.map((c) => c.template && src.slice(0, c.template.call.start).split('\n').length);
  };

  it('reads braces on lines of their own, with blank lines and comments between (Allman style)', async () => {
    const src = [
      'pipeline',
      '{',
      '',
      '  agent',
      '',
      '  {',
      '    // the pod',
      '    kubernetes',
      '',
      '    {',
      "      yaml '''",
      'spec:',
      '  containers:',
      '  - name: maven',
      '    image: maven:3.9',
      "'''",
      '    }',
      '  }',
      "  stages { stage('a') { steps { container('maven') { sh 'mvn -v' } } } }",
      '}',
    ].join('\n');
    const x = await read(src);
    assert.deepEqual(x.templates.map((t) => [t.kind, [...t.options.keys()]]), [['declarative', ['yaml']]]);
    assert.deepEqual(await containerTemplates(src), [8]);
    const scripted = "podTemplate(yaml: '')\n\n{\n  node(POD_LABEL)\n\n  {\n    container('maven') { sh 'mvn -v' }\n  }\n}\n";
    assert.deepEqual(await containerTemplates(scripted), [1]);
  });

  it('takes a closure written last inside the parentheses as the body, a trailing comma allowed', async () => {
    const src = "podTemplate(label: 'x', containers: [containerTemplate(name: 'maven', image: 'maven:3.9')], {\n  node('x') { container('maven') { sh 'mvn -v' } }\n},\n)\n";
    const x = await read(src);
    assert.deepEqual([...x.templates[0]!.options.keys()], ['label', 'containers']);
    assert.equal(x.templates[0]!.call.args.length, 2);
    assert.deepEqual(await containerTemplates(src), [1]);
    // Closures that are the value of a named argument are no body; a closure written first is not read as one.
    assert.deepEqual((await read("podTemplate(label: c ? { } : { })\npodTemplate({ }, label: 'x')\n")).templates.map((t) => t.noBody), [true]);
  });

  it('extracts a podTemplate without a body, whose pod nothing runs on, but not one whose body comes in a variable', async () => {
    const x = await read("podTemplate(label: 'x', yaml: '')\nnode('x') { container('maven') { sh 'true' } }\npodTemplate label: 'y'\n");
    assert.deepEqual(x.templates.map((t) => [t.noBody, t.scope.end - t.scope.start]), [[true, 0], [true, 0]]);
    assert.deepEqual(x.containers.map((c) => c.template), [undefined]);
    assert.deepEqual((await read('def inPod(Map args, Closure body) {\n  podTemplate(args, body)\n}\n')).templates, []);
  });

  it("runs node(label) on the template that label names: a variable holding it, an outer template's, POD_LABEL's", async () => {
    const src = [
      'def label = "maven-${UUID.randomUUID()}"',
      "podTemplate(label: label, containers: [containerTemplate(name: 'maven', image: 'maven:3.9')]) {",
      "  node(label) { container('maven') { sh 'mvn -v' } }",
      '}',
      "podTemplate(label: 'outer', yaml: '') {",
      "  podTemplate(label: 'inner', yaml: '') {",
      "    node('outer') { container('a') { sh 'true' } }",
      "    node('elsewhere') { container('b') { sh 'true' } }",
      '  }',
      '}',
      "podTemplate(yaml: '') {",
      "  podTemplate(label: 'inner', yaml: '') {",
      "    node(POD_LABEL) { container('c') { sh 'true' } }",
      '  }',
      '}',
    ].join('\n');
    const x = await read(src);
    const line = (t: { call: { start: number } } | undefined) => t && src.slice(0, t.call.start).split('\n').length;
    assert.deepEqual(x.nodes.map((n) => [line(n.template), line(n.runsOn)]), [[2, 2], [6, 5], [6, undefined], [12, 11]]);
    assert.deepEqual(await containerTemplates(src), [2, 5, undefined, 11]);
  });

  it('tells where POD_LABEL runs: deferred in methods, classes and kept closures; in the closures of which calls', async () => {
    const src = [
      "def build() { node(POD_LABEL) { sh 'a' } }",
      'def work = { echo POD_LABEL }',
      'def branches = [a: { echo POD_LABEL }]',
      'class B { def s; void run() { s.node(s.POD_LABEL) { } } }',
      "stage('x') { lib.inPod(yaml: '') { echo POD_LABEL } }",
      "inPod(yaml: '', { echo POD_LABEL })",
      'parallel a: { echo POD_LABEL }',
      'if (POD_LABEL) { echo POD_LABEL }',
    ].join('\n');
    const x = await read(src);
    assert.deepEqual(
      x.podLabelRefs.map((r) => {
        const calls: string[] = [];
        for (let o = r.inClosureOf; o; o = o.outer) calls.push((o.call.receiver ? `${o.call.receiver.name}.` : '') + o.call.name);
        return [src.slice(0, r.start).split('\n').length, r.deferred ?? false, calls];
      }),
      [[1, true, []], [2, true, []], [3, true, []], [4, true, []], [5, false, ['lib.inPod', 'stage']], [6, false, ['inPod']], [7, false, ['parallel']], [8, false, []], [8, false, []]],
    );
  });

  it('lists the calls in a body with the head of the chain they are called on', async () => {
    const x = await read("podTemplate(yaml: '') {\n  body()\n  if (ok) { lib.steps.build(this) }\n  'a'.trim()\n  readFile('f').trim()\n  sh 'x'\n}\n");
    assert.deepEqual(
      x.callsIn(x.templates[0]!.call).map((c) => [c.name, c.receiver?.name ?? (c.receiver ? '(value)' : '')]),
      [['body', ''], ['build', 'lib'], ['trim', '(value)'], ['readFile', ''], ['trim', '(value)']],
    );
  });
});

describe('mount paths', () => {
  it("normalizes as Java's Paths.get(p).normalize() does, a path already normal as it is", () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['/', '/'],
      ['/a/b', '/a/b'],
      ['a/b', 'a/b'],
      ['a/', 'a'],
      ['/a/b/', '/a/b'],
      ['/a//b', '/a/b'],
      ['./a', 'a'],
      ['a/./b', 'a/b'],
      ['/a/../b', '/b'],
      ['/..', '/'],
      ['../a', '../a'],
      ['.', ''],
      ['/a/.b', '/a/.b'],
      ['/a/..b', '/a/..b'],
      // A trailing slash after a line break (an escape in the Groovy string) goes too.
      ['/cache\n/', '/cache\n'],
      ['/cache\u2028/', '/cache\u2028'],
    ];
    for (const [path, normal] of cases) assert.equal(normalizePath(path), normal, JSON.stringify(path));
  });
});
