// The Declarative view of a Jenkinsfile: the pipeline Jenkins would run, read from the same tokens
// as the pod extraction, and what Jenkins' parser and validator would report about it.

import type { Catalog } from '../catalog/catalog.js';
import type { TokenReader } from '../extract/reader.js';
import type { Block, Pipeline, Span } from './model.js';
import { parseDeclarative } from './parse.js';
import type { Problem } from './problems.js';
import { callableNames, definedNames, stepCalls, type StepCall } from './step-calls.js';
import { validatePipeline } from './validate.js';

export interface Declarative {
  /** The pipeline { } Jenkins would run; absent in a scripted Jenkinsfile. */
  pipeline?: Pipeline;
  problems: Problem[];
  /** Blocks nested too deep for the Declarative checks to read (JKL005). */
  limits: Span[];
  /** Every block of the pipeline with what it holds, for the editor. */
  blocks: Block[];
  /** The calls in step positions (the file's code read statement by statement); read when first asked for. */
  stepCalls?(): StepCall[];
  /** The names the file defines (`def notify(…)`), which are no steps; read when first asked for. */
  definedNames?(): ReadonlySet<string>;
  /**
   * The identifiers that could name a step call (not a `key:`, an `@Annotation` or a member other
   * than `this.name`): a superset of the step names, so a rule can tell at once that none concerns it.
   */
  identifiers?(): ReadonlySet<string>;
}

/** `catalog` is asked for only when there is a pipeline to validate (parsing it costs a cold start). */
export function analyzeDeclarative(reader: TokenReader, catalog: () => Catalog): Declarative {
  const { pipeline, problems, limits, blocks } = parseDeclarative(reader);
  if (pipeline) validatePipeline(pipeline, problems, catalog());
  return new Analysis(reader, pipeline, problems.list, limits, blocks);
}

/** A class, so that every analysis has one shape and the lazy readings are methods, not closures made per file. */
class Analysis implements Declarative {
  private calls?: StepCall[];
  private defined?: ReadonlySet<string>;
  private names?: ReadonlySet<string>;

  constructor(
    private readonly reader: TokenReader,
    readonly pipeline: Pipeline | undefined,
    readonly problems: Problem[],
    readonly limits: Span[],
    readonly blocks: Block[],
  ) {}

  stepCalls(): StepCall[] {
    return (this.calls ??= stepCalls(this.reader, this.pipeline));
  }

  definedNames(): ReadonlySet<string> {
    return (this.defined ??= definedNames(this.reader));
  }

  identifiers(): ReadonlySet<string> {
    return (this.names ??= callableNames(this.reader));
  }
}
