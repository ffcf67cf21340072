// The Declarative view of a Jenkinsfile: the pipeline Jenkins would run, read from the same tokens
// as the pod extraction, and what Jenkins' parser and validator would report about it.

import type { Catalog } from '../catalog/catalog.js';
import type { TokenReader } from '../extract/reader.js';
import type { Block, Pipeline, Span } from './model.js';
import { parseDeclarative } from './parse.js';
import type { Problem } from './problems.js';
import { definedNames, stepCalls, type StepCall } from './step-calls.js';
import { validatePipeline } from './validate.js';

export interface Declarative {
  /** The pipeline { } Jenkins would run; absent in a scripted Jenkinsfile. */
  pipeline?: Pipeline;
  problems: Problem[];
  /** Blocks nested too deep for the Declarative checks to read (JKL005). */
  limits: Span[];
  /** Every block of the pipeline with what it holds, for the editor. */
  blocks: Block[];
  /** The calls in step positions and the names the file defines; read when first asked for. */
  steps?(): { calls: StepCall[]; defined: ReadonlySet<string> };
}

/** `catalog` is asked for only when there is a pipeline to validate (parsing it costs a cold start). */
export function analyzeDeclarative(reader: TokenReader, catalog: () => Catalog): Declarative {
  const { pipeline, problems, limits, blocks } = parseDeclarative(reader);
  if (pipeline) validatePipeline(pipeline, problems, catalog());
  let steps: ReturnType<NonNullable<Declarative['steps']>> | undefined;
  return { ...(pipeline ? { pipeline } : {}), problems: problems.list, limits, blocks, steps: () => (steps ??= { calls: stepCalls(reader, pipeline), defined: definedNames(reader) }) };
}
