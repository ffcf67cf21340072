// What ShellCheck adds when it runs (it is off in the cold-start figure):
// - per file: the whole CLI process on the example (three sh scripts) with `shellcheck: auto` against
//   `shellcheck: off`, interleaved;
// - over many files: the CLI on copies of the corpus's Jenkinsfiles (one thread), on against off;
// - per script: in process, a Jenkinsfile with N sh steps linted with ShellCheck and without, so the
//   slope over N is the cost of one more script in the one ShellCheck run of a file.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';
import { cli, exampleWith, time } from './cold-start.mjs';
import { corpusTree, run } from './scale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => import(pathToFileURL(join(root, 'server', 'out', p)).href);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function shellcheckInstalled() {
  return spawnSync('shellcheck', ['--version']).status === 0;
}

export function shellcheckPerFile(pairs = 15) {
  const off = exampleWith('off');
  const on = exampleWith('auto');
  time([cli, on], dirname(on));
  const offMs = [];
  const onMs = [];
  for (let i = 0; i < pairs; i++) {
    offMs.push(time([cli, off], dirname(off)));
    onMs.push(time([cli, on], dirname(on)));
  }
  return { pairs, offMs: median(offMs), onMs: median(onMs), addedMs: median(onMs.map((x, i) => x - offMs[i])), scripts: 3 };
}

/** A scripted Jenkinsfile with n sh steps of a few lines each (one SC2086 apiece). */
function withScripts(n) {
  const steps = Array.from({ length: n }, (_, i) => `    sh '''\n      cd build-${i}\n      make -j4 TARGET=$TARGET${i}\n      test -f out/${i}.bin\n    '''`);
  return `node {\n  stage('Build') {\n${steps.join('\n')}\n  }\n}\n`;
}

export async function shellcheckPerScript(counts = [1, 10, 50], reps = 9) {
  const [{ lint }, { defaultConfig }, { FsHost }] = await Promise.all([out('core/lint.js'), out('core/config.js'), out('host/fs-host.js')]);
  const host = new FsHost({ shellcheck: true, root: '/bench' });
  const rows = [];
  for (const n of counts) {
    const text = withScripts(n);
    const one = async (shellcheck) => {
      const t0 = performance.now();
      const r = await lint(text, { file: '/bench/Jenkinsfile', host, config: { ...defaultConfig(), shellcheck } });
      if (shellcheck === 'auto' && r.shellcheck?.scripts !== n) throw new Error(`ShellCheck was given ${r.shellcheck?.scripts} scripts of ${n}`);
      return performance.now() - t0;
    };
    await one('auto');
    const added = [];
    for (let i = 0; i < reps; i++) {
      const off = await one('off');
      added.push((await one('auto')) - off);
    }
    rows.push({ scripts: n, addedMs: median(added) });
  }
  const [first, last] = [rows[0], rows[rows.length - 1]];
  return { rows, perScriptMs: (last.addedMs - first.addedMs) / (last.scripts - first.scripts) };
}

export function shellcheckScale(count = 300) {
  const dir = corpusTree(count);
  if (!dir) return undefined;
  try {
    const offMs = run(dir, 0, 'off');
    const onMs = run(dir, 0, 'auto');
    return { files: count, offFilesPerSecond: (count / offMs) * 1000, onFilesPerSecond: (count / onMs) * 1000, addedPerFileMs: (onMs - offMs) / count };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
