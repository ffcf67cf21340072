// npm run bench: every benchmark, each printed as a ratio against a baseline measured in the same
// run. BENCH_QUICK=1 keeps it well under a minute (fewer pairs, edits and files).
import { coldStart } from './cold-start.mjs';
import { growth } from './growth.mjs';
import { latency, memory, memoryLargeYaml, requests } from './lsp.mjs';
import { peerComparison } from './peer.mjs';
import { scale } from './scale.mjs';
import { shellcheckInstalled, shellcheckPerFile, shellcheckPerScript, shellcheckScale } from './shellcheck.mjs';
import { throughput } from './throughput.mjs';

const quick = process.env.BENCH_QUICK === '1';
const f = (n, d = 1) => n.toFixed(d);

const c = coldStart(quick ? 9 : 15);
console.log(`cold start: jenkinsfile-lint ${f(c.lintMs)} ms vs node -e 0 ${f(c.nodeMs)} ms — median ratio ${f(c.ratio, 2)}× over ${c.pairs} interleaved pairs (target ≤ 1.5)`);

if (shellcheckInstalled()) {
  const sf = shellcheckPerFile(quick ? 9 : 15);
  const sp = await shellcheckPerScript([1, 10, 50], quick ? 5 : 9);
  const ss = shellcheckScale(quick ? 100 : 300);
  if (ss) console.log(`shellcheck over many files: the CLI on ${ss.files} corpus copies (one thread) ${f(ss.onFilesPerSecond, 0)} files/s with it vs ${f(ss.offFilesPerSecond, 0)} files/s without — ${f(ss.addedPerFileMs)} ms added per file`);
  console.log(`shellcheck: the CLI on the example (${sf.scripts} sh scripts) ${f(sf.onMs)} ms with it vs ${f(sf.offMs)} ms without — ${f(sf.addedMs)} ms added per file (median of ${sf.pairs} interleaved pairs); in process, added per file with ${sp.rows.map((r) => `${r.scripts} scripts ${f(r.addedMs)} ms`).join(', ')} — ${f(sp.perScriptMs, 2)} ms per further script`);
} else console.log('shellcheck: skipped, shellcheck is not installed');

const t = await throughput();
if (t) {
  console.log(`throughput: ${t.files} corpus files, ${f(t.perFileMs, 2)} ms/file = ${f(t.filesPerSecond, 0)} files/s on one core, steady state (median of passes 11–15; the first pass, JIT warmed on other files only: ${f(t.firstPassPerFileMs, 2)} ms/file, passes 2–4 while V8 still optimizes: ${f(t.warmupPerFileMs, 2)} ms/file); bare tree-sitter parse ${f(t.parsePerFileMs, 2)} ms/file (median of 5) — ratio ${f(t.ratio, 2)}× (targets ≥ 2,000 files/s, ≤ 3×); a tree was needed for ${t.treeFiles} files`);
}
else console.log('throughput: skipped, ../shared/corpus not found');

const s = scale(quick ? 1000 : 10_000);
if (s) console.log(`scale: ${s.files} files: ${f(s.oneCoreFilesPerSecond, 0)} files/s on one thread, ${f(s.allCoresFilesPerSecond, 0)} files/s with ${s.cores} workers — speed-up ${f(s.speedup, 2)}×`);

const l = await latency(quick ? 100 : 300);
console.log(`lsp latency: didChange → publishDiagnostics on ${l.lines} lines: p50 ${f(l.p50, 2)} ms, p95 ${f(l.p95, 2)} ms (target p95 ≤ 10 ms); bare tree-sitter parse ${f(l.parseP50, 2)} ms — p50 ratio ${f(l.p50 / l.parseP50, 2)}×`);

if (shellcheckInstalled()) {
  // The Jenkinsfile diagnostics with ShellCheck on, while the user types: ShellCheck waits for the
  // scripts to be left alone, so each lint only asks for it.
  const lt = await latency(quick ? 100 : 300, 'auto');
  console.log(`lsp latency with ShellCheck on, typing (each edit changes a script): p50 ${f(lt.p50, 2)} ms, p95 ${f(lt.p95, 2)} ms (target p95 ≤ 10 ms)`);
  const ls = await latency(quick ? 100 : 300, 'auto', true);
  const lp = await latency(quick ? 100 : 300, 'off', true);
  console.log(`lsp latency with ShellCheck (each edit changes a script; bursts of 5 edits, each burst while ShellCheck reads the scripts left alone for its quiet period): p50 ${f(ls.p50, 2)} ms, p95 ${f(ls.p95, 2)} ms; the same typing without ShellCheck p50 ${f(lp.p50, 2)} ms, p95 ${f(lp.p95, 2)} ms`);
}

const q = await requests(quick ? 100 : 300);
console.log(`lsp requests after each edit, on the same file: ${Object.entries(q).map(([name, x]) => `${name} p50 ${f(x.p50, 2)} ms, p95 ${f(x.p95, 2)} ms`).join('; ')}`);

const m = await memory(quick ? 1000 : 10_000);
console.log(`lsp memory: RSS ${m.samples.map((x) => `${x.edits}: ${f(x.rssKb / 1024, 0)} MB`).join(', ')} — growth after the first 1,000 edits ${f(m.growth * 100)}% (target ≤ 10%)`);

const y = await memoryLargeYaml(quick ? 20 : 60);
console.log(`lsp memory, 0.45 MB of inline pod YAML edited: RSS ${y.samples.map((x) => `${x.edits}: ${f(x.rssKb / 1024, 0)} MB`).join(', ')} — growth ${f(y.growth * 100)}% (target: flat)`);

for (const g of await growth(quick)) {
  console.log(`growth, ${g.name}: ${g.kb.map((k) => f(k, 0)).join('/')} KB → ${g.ms.map((m) => f(m)).join('/')} ms — ×${g.ratios.map((x) => f(x, 2)).join(', ×')} per doubling (≈2 is linear)`);
}

// The peer runs a JVM per cold run (~10 s each): the full bench only.
if (!quick) {
  const p = peerComparison();
  if (p.skipped) console.log(`peer: skipped, ${p.skipped}`);
  else {
    const found = Object.entries(p.peerFindings).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'nothing';
    console.log(`peer: npm-groovy-lint ${p.version} on the same file: --noserver ${f(p.coldMs, 0)} ms (${f(p.coldRatio, 0)}× ours), server warm ${f(p.warmMs, 0)} ms (${f(p.warmRatio, 0)}× ours; starting its server took ${f(p.serverStartMs, 0)} ms); jenkinsfile-lint ${f(p.oursMs, 0)} ms, interleaved; it reported ${found}`);
  }
}
