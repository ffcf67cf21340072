// What a Declarative pipeline may write where, from the catalog: the steps of a steps body and the
// entries of options (at the top and in a stage), triggers, parameters and tools.
// Source: pipeline-model-definition-plugin @ 42c9dc3e, …/model/Options.groovy (wrapper steps,
// job properties, stage options) and …/validator/BlockedStepsAndMethodCalls.java; summed up in
// reference/declarative-model.md §4 and §7.

import type { Catalog, Entry } from '../catalog/catalog.js';
import type { BlockKind } from './model.js';

/** Rejected as a step in a steps body (`parallel` is not: it may be the body's only statement). */
const BLOCKED_STEPS = new Set(['stage', 'properties']);
/** Rejected as a method call, so never a wrapper option. */
const BLOCKED_CALLS = new Set(['node', 'stage', 'properties', 'parallel']);
/** Job properties Declarative writes as sections of their own, not as options. */
const OWN_SECTIONS = new Set(['pipelineTriggers', 'parameters']);

export type DirectiveBlock = 'options' | 'stageOptions' | 'triggers' | 'parameters' | 'tools';

/** The catalog kinds an entry of each directive block is looked up in (before steps). */
export const DIRECTIVE_KINDS: Readonly<Record<DirectiveBlock, readonly Entry['kind'][]>> = {
  options: ['option', 'jobProperty'],
  stageOptions: ['option'],
  triggers: ['trigger'],
  parameters: ['parameter'],
  tools: ['tool'],
};

export function isDirectiveBlock(kind: BlockKind | undefined): kind is DirectiveBlock {
  return kind !== undefined && kind in DIRECTIVE_KINDS;
}

/** The steps a Declarative steps body (or a post condition's) accepts. */
export function declarativeSteps(catalog: Catalog): Entry[] {
  return catalog.all('step').filter((e) => !BLOCKED_STEPS.has(e.symbol));
}

/** What each directive block accepts; options sorted by symbol, as Jenkins lists them. */
export function directiveEntries(catalog: Catalog, kind: DirectiveBlock): Entry[] {
  switch (kind) {
    case 'options':
      return bySymbol([...catalog.all('jobProperty').filter((e) => !OWN_SECTIONS.has(e.symbol)), ...catalog.all('option'), ...wrapperSteps(catalog)]);
    case 'stageOptions':
      return bySymbol([...catalog.all('option').filter((e) => e.canUseInStage), ...wrapperSteps(catalog)]);
    case 'triggers':
      return catalog.all('trigger');
    case 'parameters':
      return catalog.all('parameter');
    case 'tools':
      return catalog.all('tool');
  }
}

/** Steps usable as options: they take a block and need neither a workspace nor a launcher (meta-steps never). */
function wrapperSteps(catalog: Catalog): Entry[] {
  return catalog.all('step').filter((e) => e.takesBlock && !e.needsLauncherOrFilePath && !e.metaStep && !BLOCKED_CALLS.has(e.symbol));
}

function bySymbol(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}
