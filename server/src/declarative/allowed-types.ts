// The type names Jenkins accepts in `options`, a stage's `options`, `triggers`, `parameters` and
// `tools`, computed from the catalog as Jenkins computes them from its installed plugins, in the
// order its InvalidSectionType message lists them.
// Source: pipeline-model-definition-plugin @ 42c9dc3e, pipeline-model-definition/src/main/groovy/
// org/jenkinsci/plugins/pipeline/modeldefinition/model/{Options,StageOptions,Triggers,Parameters,
// Tools}.groovy and Utils.populateTypeCache (a descriptor's first @Symbol, a step's function name).

import type { Catalog, Entry, EntryKind } from '../catalog/catalog.js';

/** Options.BLOCKED_PROPERTIES: job properties that have their own directive. */
const BLOCKED_PROPERTIES = new Set(['pipelineTriggers', 'parameters']);
/** BlockedStepsAndMethodCalls.blockedInMethodCalls(): never wrapper options. */
const BLOCKED_IN_METHOD_CALLS = new Set(['node', 'stage', 'properties', 'parallel']);

export type SectionKind = 'option' | 'stageOption' | 'trigger' | 'parameter' | 'tool';

const cache = new WeakMap<Catalog, Map<SectionKind, string[]>>();

/** The names Jenkins accepts for a kind of entry; memoized per catalog. */
export function allowedTypes(catalog: Catalog, kind: SectionKind): string[] {
  let byKind = cache.get(catalog);
  if (!byKind) cache.set(catalog, (byKind = new Map()));
  let names = byKind.get(kind);
  if (!names) byKind.set(kind, (names = compute(catalog, kind)));
  return names;
}

function compute(catalog: Catalog, kind: SectionKind): string[] {
  switch (kind) {
    case 'option':
      // getAllowedOptionTypes(): job properties, declarative options, wrapper steps; a sorted map.
      return sorted([...catalog.all('jobProperty').filter((e) => !BLOCKED_PROPERTIES.has(e.symbol)), ...catalog.all('option'), ...wrapperSteps(catalog)].map((e) => e.symbol));
    case 'stageOption':
      return sorted([...catalog.all('option').filter((e) => e.canUseInStage), ...wrapperSteps(catalog)].map((e) => e.symbol));
    case 'trigger':
      return catalog.all('trigger').map((e) => e.symbol);
    case 'parameter':
      return catalog.all('parameter').map((e) => e.symbol);
    case 'tool':
      // generateTypeCache(ToolDescriptor.class, true): each tool's symbol and then its class name.
      return catalog.all('tool').flatMap((e) => [e.symbol, e.className]);
  }
}

/** Options.wrapperStepsTypeCache: block steps that need no launcher or workspace, from StepDescriptors (so no meta-step describables). */
function wrapperSteps(catalog: Catalog): Entry[] {
  return catalog.all('step').filter((e) => e.takesBlock && !e.metaStep && !e.needsLauncherOrFilePath && !BLOCKED_IN_METHOD_CALLS.has(e.symbol));
}

/** Groovy's Map.sort(): keys in String order. */
function sorted(names: string[]): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const ALL_KINDS: readonly EntryKind[] = ['step', 'option', 'jobProperty', 'trigger', 'parameter', 'tool', 'agent', 'when', 'post', 'describable'];

/** The catalog defines the name as something (so it cannot be an unknown plugin's type of this kind). */
export function knownAsAnything(catalog: Catalog, name: string): boolean {
  return ALL_KINDS.some((k) => catalog.get(k, name));
}

const ENTRY_KINDS: Record<SectionKind, EntryKind[]> = { option: ['jobProperty', 'option', 'step'], stageOption: ['option', 'step'], trigger: ['trigger'], parameter: ['parameter'], tool: ['tool'] };

/** The first symbol of an accepted type that has `name` as another @Symbol (`string` for `stringParam`). */
export function aliasOf(catalog: Catalog, kind: SectionKind, name: string): string | undefined {
  for (const k of ENTRY_KINDS[kind]) {
    const e = catalog.get(k, name);
    if (e && e.symbol !== name && allowedTypes(catalog, kind).includes(e.symbol)) return e.symbol;
  }
  return undefined;
}
