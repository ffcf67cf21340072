// npm run bench: every benchmark, each printed as a ratio against a baseline measured in the same run.
// BENCH_QUICK=1 keeps it well under a minute (fewer pairs and edits).
import { coldStart } from './cold-start.mjs';
import { latency, memory } from './lsp.mjs';

const quick = process.env.BENCH_QUICK === '1';
const r = coldStart(quick ? 9 : 15);
console.log(`cold start: jenkinsfile-lint ${r.lintMs.toFixed(1)} ms vs node -e 0 ${r.nodeMs.toFixed(1)} ms — median ratio ${r.ratio.toFixed(2)}× over ${r.pairs} interleaved pairs (target ≤ 2.0)`);
const l = await latency(quick ? 100 : 300);
console.log(`lsp latency: didChange → publishDiagnostics on ${l.lines} lines: p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms (target p95 ≤ 10 ms); bare tree-sitter parse ${l.parseP50.toFixed(2)} ms — p50 ratio ${(l.p50 / l.parseP50).toFixed(2)}×`);
const m = await memory(quick ? 1000 : 10_000);
console.log(`lsp memory: RSS ${m.samples.map((s) => `${s.edits}: ${(s.rssKb / 1024).toFixed(0)} MB`).join(', ')} — growth after the first 1,000 edits ${(m.growth * 100).toFixed(1)}% (target ≤ 10%)`);
