// Every call in a step position of the file: the steps of a Declarative pipeline's `steps` and
// `post` blocks (from the model), and the statement-level calls on implicit `this` of Groovy code —
// `script { }` bodies, a scripted pipeline, a library's `vars/*.groovy`, the code around a
// `pipeline { }`. Section names (`stages`, `agent`, …) are never among them: the pipeline block is
// read only through the model. Also the names the file defines (`def notify(…)`), which are no steps.

import type { TokenReader } from '../extract/reader.js';
import { isPunct } from '../parse/lexer.js';
import { callOf, GroovyReader, thisMethodName, type Body, type Span } from './groovy.js';
import type { Pipeline, Post, Stage, Stages, Step } from './model.js';

/** Words a statement can start with that this reading takes for a call: a constructor's `super(…)`, a method declared `boolean name(…) {`. */
const NOT_CALLS = new Set(['super', 'this', 'void', 'boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double']);

export interface StepCall {
  name: string;
  nameSpan: Span;
  /** In a Declarative `steps`/`post` block (checked by Jenkins at start-up) or in Groovy code. */
  declarative: boolean;
}

export function stepCalls(reader: TokenReader, pipeline: Pipeline | undefined): StepCall[] {
  const out: StepCall[] = [];
  const g = new GroovyReader(reader);
  const codeBodies: Body[] = [];
  if (pipeline) {
    const visitStep = (s: Step): void => {
      if (s.call) out.push({ name: s.name, nameSpan: s.call.nameSpan, declarative: true });
      if (s.code) codeBodies.push(s.code);
      for (const c of s.children ?? []) visitStep(c);
    };
    forEachStep(pipeline, visitStep);
  }
  const toks = reader.tokens;
  // Every `pipeline { }` (a library may hold several; the model is the first) is read through the model only.
  const pipelines = pipelineBlocks(reader);
  const inCode = (offset: number) => codeBodies.some((b) => offset > b.start && offset < b.end);
  const skipped = (offset: number) => pipelines.some((p) => offset >= p.start && offset < p.end) && !inCode(offset);
  const ranges: Array<[number, number]> = [[0, toks.length]];
  for (const b of codeBodies) ranges.push([b.open + 1, b.close]);
  // Every block of Groovy code: the file, each `{ }` outside the pipelines, each script body and the blocks in it.
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'punct' || t.text !== '{' || skipped(t.start) || codeBodies.some((b) => b.open === i)) continue;
    ranges.push([i + 1, Math.min(reader.closerOf(i), toks.length)]);
  }
  for (const [from, to] of ranges) {
    for (const st of g.statementsIn(from, to)) {
      if (skipped(st.start)) continue;
      const call = callOf(st);
      const name = call && thisMethodName(call);
      if (call && name && !NOT_CALLS.has(name)) out.push({ name, nameSpan: call.nameSpan, declarative: false });
    }
  }
  return out;
}

/** The source spans of `pipeline { … }` blocks, from the word to the closing brace. */
function pipelineBlocks(reader: TokenReader): Span[] {
  const toks = reader.tokens;
  const out: Span[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'ident' || t.text !== 'pipeline' || (i > 0 && toks[i - 1]!.kind === 'punct' && toks[i - 1]!.text === '.')) continue;
    let j = i + 1;
    while (toks[j]?.kind === 'newline') j++;
    if (toks[j]?.kind !== 'punct' || toks[j]!.text !== '{') continue;
    const close = reader.closerOf(j);
    out.push({ start: t.start, end: toks[close]?.end ?? reader.src.length });
    i = close;
  }
  return out;
}

/** Names the file defines as methods, variables or classes (`def deploy(…)`, `void notify(…)`, `def helper = { … }`, `class Helper`). */
export function definedNames(reader: TokenReader): Set<string> {
  const names = new Set<string>();
  const toks = reader.tokens;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1]!;
    const next = toks[i + 1]!;
    if (t.kind === 'ident' && prev.kind === 'ident' && CLASS_WORDS.has(prev.text)) names.add(t.text);
    if (t.kind !== 'ident' || next.kind !== 'punct' || (next.text !== '(' && next.text !== '=')) continue;
    // After `def`, a type or a modifier (`String name(`, `List<X> name =`), not after `.` or an operator.
    if (prev.kind === 'ident' || (prev.kind === 'punct' && (prev.text === '>' || prev.text === ']'))) names.add(t.text);
  }
  return names;
}

const CLASS_WORDS = new Set(['class', 'interface', 'enum', 'trait']);

/** The identifiers that could name a step call: not a `key:`, an `@Annotation`, or a member other than `this.name`. */
export function callableNames(reader: TokenReader): Set<string> {
  const names = new Set<string>();
  const toks = reader.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'ident' || isPunct(toks[i + 1], ':') || isPunct(toks[i - 1], '@')) continue;
    const member = isPunct(toks[i - 1], '.') || isPunct(toks[i - 1], '?.');
    if (member && !(toks[i - 2]?.kind === 'ident' && toks[i - 2]!.text === 'this')) continue;
    names.add(t.text);
  }
  return names;
}

function forEachStep(p: Pipeline, visit: (s: Step) => void): void {
  const post = (x: Post | undefined) => x?.conditions.forEach((c) => c.branch.steps.forEach(visit));
  const stages = (x: Stages | undefined) => x?.stages.forEach(stage);
  const stage = (s: Stage): void => {
    for (const b of s.branches) b.steps.forEach(visit);
    post(s.post);
    stages(s.parallel);
    stages(s.stages);
    if (s.matrix) {
      post(s.matrix.post);
      stages(s.matrix.stages);
    }
  };
  stages(p.stages);
  post(p.post);
}
