// Growth: time to lint each pathological pattern at one, two and four times a base size, in this
// process. Linear code doubles its time when the input doubles; a ratio near 4 (or worse) per
// doubling is the quadratic blow-up that turns a large file into a hang. The patterns are the
// red-team's (unmatched closers, nested podTemplates, a wide yamlFile, concatenated strings with
// escapes) and their relatives: nesting that the reader caps, many containers, steps and templates.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => import(pathToFileURL(join(root, 'server', 'out', p)).href);
const { lint } = await out('core/lint.js');
const { defaultConfig } = await out('core/config.js');
const { FsHost } = await out('host/fs-host.js');
const { forgetPodYamls } = await out('resolve/resolve.js');

const pod = "podTemplate(yaml: 'spec: {}') { node(POD_LABEL) { sh 'x' } }\n";

/** Each pattern: n → { text, files? } with its size growing linearly in n; `base` is n at ×1. */
export const PATTERNS = {
  'unmatched closers (×n ]×n': { base: 20_000, make: (n) => ({ text: '('.repeat(n) + ']'.repeat(n) }) },
  'nested podTemplates': {
    base: 300,
    make: (n) => ({
      text: Array.from({ length: n }, (_, i) => `podTemplate(label: 'l${i}', containers: [containerTemplate(name: 'c${i}', image: 'maven')]) {\n node('l${i}') { container('c${i}') { sh 'mvn' } }\n`).join('') + '}\n'.repeat(n),
    }),
  },
  'yamlFile with many keys': {
    base: 10_000,
    make: (n) => ({
      text: "pipeline { agent { kubernetes { yamlFile 'pod.yaml' } } stages { stage('a') { steps { sh 'x' } } } }\n",
      files: { 'pod.yaml': 'spec:\n' + Array.from({ length: n }, (_, i) => `  k${i}: v`).join('\n') + '\n' },
    }),
  },
  'concatenated strings with escapes': { base: 3_000, make: (n) => ({ text: `podTemplate(yaml: ${Array(n).fill("'a\\tb\\n'").join(' + ')}) { node(POD_LABEL) { sh 'x' } }\n` }) },
  'nested brackets (capped)': { base: 5_000, make: (n) => ({ text: `podTemplate(containers: ${'['.repeat(n)}${']'.repeat(n)}) { node(POD_LABEL) {} }\n` }) },
  'nested GString interpolations': { base: 5_000, make: (n) => ({ text: `podTemplate(yaml: ${'"${'.repeat(n)}) { node(POD_LABEL) {} }\n` }) },
  'containers without an image': {
    base: 3_000,
    make: (n) => ({ text: `podTemplate(yaml: '''\nspec:\n  containers:\n${'  - name: x\n'.repeat(n)}''') { node(POD_LABEL) { ${"container('x') { sh 'x' }\n".repeat(n)} } }\n` }),
  },
  'many Kaniko executor calls': {
    base: 2_000,
    make: (n) => ({ text: `podTemplate(yaml: '''\nspec:\n  containers:\n  - name: kaniko\n    image: gcr.io/kaniko-project/executor:debug\n''') { node(POD_LABEL) { container('kaniko') {\n${"sh '/kaniko/executor --context . --destination registry.example.com/app:1'\n".repeat(n)} } } }\n` }),
  },
  'many POD_LABEL uses and templates': { base: 1_500, make: (n) => ({ text: pod.repeat(n) + 'node(POD_LABEL) {}\n'.repeat(n) }) },
  'nested calls, the tree consulted': { base: 800, make: (n) => ({ text: `x = /a/\nnode { ${'container('.repeat(n)}${')'.repeat(n)} { sh 'ls' } }\n` }) },
  // tree-sitter's GLR recovery grows faster than linear here; the parse is given up after a time linear in the size (parse/parser.ts).
  'many `agent any` lines, the tree consulted': { base: 1_000, make: (n) => ({ text: `x = a / b\npipeline {\n${'  agent any\n'.repeat(n)}}\n` }) },
  // One statement thousands of command calls long (each `\` continues a line): found by the fuzz run.
  'continued sh lines': { base: 6_000, make: (n) => ({ text: "sh 'mvn -B \\\n".repeat(n) }) },
  // Calls whose parenthesis a stray `}` leaves unclosed: found by the fuzz run.
  'unclosed calls with a stray brace': { base: 3_000, make: (n) => ({ text: "podTemplate(label: 'b', }yaml: '') {\n".repeat(n) }) },
  // Each placeholder line looked upward for the line it nests under: quadratic (fuzz input 99761: 19,721 lines, 10 s).
  'interpolated lines in a block scalar': {
    // ×4 stays under the pod YAML size limit (parse-yaml.ts), past which nothing is parsed.
    base: 6_000,
    make: (n) => ({ text: `podTemplate(yaml: """\nspec:\n  containers:\n  - name: m\n    image: maven\n    args:\n    - |\n${'      ${script}\n'.repeat(n)}""") { node(POD_LABEL) { sh 'x' } }\n` }),
  },
  // A key repeated thousands of times in a flow sequence each (the fuzz run's input 37817: 1.6 MB, 4–6 s, now past the pod YAML size limit).
  'duplicate keys in pod YAML': {
    base: 5_000,
    make: (n) => ({ text: `podTemplate(yaml: '''\nspec:\n  containers:\n  - name: m\n    image: maven\n${'    command: [sleep]\n'.repeat(n)}''') { node(POD_LABEL) { sh 'x' } }\n` }),
  },
  'one long line': { base: 200_000, make: (n) => ({ text: `// ${'x'.repeat(n)}\n${pod}` }) },
};

async function timeLint(make, n) {
  const { text, files } = make(n);
  const dir = mkdtempSync(join(tmpdir(), 'jkl-growth-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, t] of Object.entries(files ?? {})) writeFileSync(join(dir, name), t);
  const opts = { file: join(dir, 'Jenkinsfile'), host: new FsHost(), config: defaultConfig() };
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    forgetPodYamls();
    const t0 = performance.now();
    await lint(text, opts);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, chars: text.length + Object.values(files ?? {}).reduce((s, t) => s + t.length, 0) };
}

/** For each pattern: ms at ×1, ×2, ×4 and the ratios per doubling (≈2 is linear). */
export async function growth(quick = false) {
  const rows = [];
  for (const [name, { base, make }] of Object.entries(PATTERNS)) {
    const b = quick ? Math.ceil(base / 2) : base;
    await timeLint(make, Math.ceil(b / 4)); // warm the JIT on this pattern
    const t = [];
    for (const k of [1, 2, 4]) t.push(await timeLint(make, b * k));
    rows.push({ name, kb: t.map((x) => x.chars / 1024), ms: t.map((x) => x.ms), ratios: [t[1].ms / t[0].ms, t[2].ms / t[1].ms] });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await growth(process.env.BENCH_QUICK === '1')) {
    console.log(`${r.name}: ${r.kb.map((k) => k.toFixed(0)).join('/')} KB → ${r.ms.map((m) => m.toFixed(1)).join('/')} ms, ×${r.ratios.map((x) => x.toFixed(2)).join(', ×')} per doubling`);
  }
}
