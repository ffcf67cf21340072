// Go to definition (container('x') → its container; yamlFile 'p' → the file) and the outline
// (pipeline, stages, pod templates, containers).

import { SymbolKind, type DocumentSymbol, type Location, type Range } from 'vscode-languageserver';
import type { Loc } from '../core/diagnostic.js';
import type { Stages } from '../declarative/model.js';
import { containerNamed } from '../resolve/effective.js';
import { pathToUri } from './convert.js';
import type { Linted } from './linter.js';
import { containerNameAt, optionAt } from './locate.js';

function rangeOf(l: Linted, loc: Loc): Range {
  const idx = l.result.lines(loc.file);
  return { start: idx.position(loc.start), end: idx.position(loc.end) };
}

export function definition(l: Linted, offset: number): Location | null {
  const c = containerNameAt(l, offset);
  if (c) {
    const def = containerNamed(c.pod, c.name);
    return def && def.origin !== 'static' ? { uri: pathToUri(def.nameLoc.file), range: rangeOf(l, def.nameLoc) } : null;
  }
  const o = optionAt(l, offset);
  if (o?.option.key === 'yamlFile') {
    const pod = l.result.analysis.pods.find((p) => p.template === o.template);
    if (pod?.yaml && pod.yaml.file !== l.path) return { uri: pathToUri(pod.yaml.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }
  return null;
}

export function symbols(l: Linted): DocumentSymbol[] {
  const flat: Array<DocumentSymbol & { span: [number, number] }> = [];
  const add = (name: string, detail: string, kind: SymbolKind, span: [number, number], select: [number, number]) =>
    flat.push({ name, detail, kind, span, range: rangeOf(l, { file: l.path, start: span[0], end: span[1] }), selectionRange: rangeOf(l, { file: l.path, start: select[0], end: select[1] }), children: [] });
  const { extraction, pods, declarative } = l.result.analysis;
  const pipeline = declarative.pipeline;
  if (pipeline) {
    // The Declarative model: pipeline → stages → their sequential, parallel and matrix stages.
    add('pipeline', pipeline.inLibraryCall ? 'declarative (shared library)' : 'declarative', SymbolKind.Module, [pipeline.start, pipeline.end], [pipeline.anchor.start, pipeline.anchor.end]);
    const stages = (list: Stages | undefined, how: string) => {
      for (const st of list?.stages ?? []) {
        add(st.name, how, SymbolKind.Class, [st.start, st.end], [st.anchor.start, st.anchor.end]);
        stages(st.stages, 'stage');
        stages(st.parallel, 'parallel stage');
        stages(st.matrix?.stages, 'matrix stage');
      }
    };
    stages(pipeline.stages, 'stage');
  } else {
    // A scripted pipeline: its pipeline { } and stage('…') { } calls as the extractor found them.
    for (const b of extraction.blocks) add(b.name ?? b.kind, b.kind, b.kind === 'pipeline' ? SymbolKind.Module : SymbolKind.Namespace, [b.call.start, b.call.end], [b.call.nameSpan.start, b.call.nameSpan.end]);
  }
  for (const pod of pods) {
    const t = pod.template.call;
    add(t.name === 'kubernetes' ? 'kubernetes agent' : 'podTemplate', 'pod template', SymbolKind.Class, [t.start, t.end], [t.nameSpan.start, t.nameSpan.end]);
    for (const c of pod.containers) {
      if (c.nameLoc.file !== l.path) continue;
      add(c.name ?? '${…}', c.image?.ref ?? 'container', SymbolKind.Field, [c.nameLoc.start, c.nameLoc.end], [c.nameLoc.start, c.nameLoc.end]);
    }
  }
  // Nest by containment: each symbol goes under the smallest one that contains it.
  flat.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const roots: DocumentSymbol[] = [];
  const stack: typeof flat = [];
  for (const s of flat) {
    while (stack.length && !(s.span[0] >= stack[stack.length - 1]!.span[0] && s.span[1] <= stack[stack.length - 1]!.span[1])) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children!.push(s);
    else roots.push(s);
    stack.push(s);
  }
  const strip = (s: DocumentSymbol & { span?: unknown }): DocumentSymbol => {
    const { span: _span, ...rest } = s;
    return { ...rest, children: (s.children ?? []).map(strip) };
  };
  return roots.map(strip);
}
