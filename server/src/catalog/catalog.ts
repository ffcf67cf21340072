// The Jenkins catalog: what plugins define, looked up by kind and symbol, and the lookups Jenkins'
// DescriptorLookupCache makes when it validates a step or a method call. Parsed once, on first use.
// Source of the lookup order: pipeline-model-definition-plugin @ 42c9dc3e, pipeline-model-api/…/
// DescriptorLookupCache.java (lookupStepFirstThenFunction, lookupFunctionFirstThenStep, lookupFunction).

import { readFileSync } from 'node:fs';
import type { CatalogData, Entry, EntryKind } from './types.js';

export type { Entry, EntryKind, Param, ParamType, Source } from './types.js';

/** Every kind Jenkins' SymbolLookup can find as a "function" (a Describable with a @Symbol), i.e. all but steps. */
const FUNCTION_KINDS: readonly EntryKind[] = ['describable', 'option', 'jobProperty', 'trigger', 'parameter', 'tool', 'agent', 'when'];

export class Catalog {
  private readonly byKind = new Map<EntryKind, Map<string, Entry>>();

  /**
   * `complete`: the catalog holds everything the user's Jenkins defines (a plugin list it covers
   * wholly), so a name it does not know is certainly unknown to that Jenkins too.
   * `globals`: names of global variables (`env`, `docker`, a shared library's `vars/`) and of steps
   * the catalog has no entry for, from a GDSL export and the config's `jenkins.globals`.
   */
  constructor(
    readonly entries: readonly Entry[],
    readonly complete = false,
    readonly globals: ReadonlySet<string> = new Set(),
  ) {
    for (const e of entries) {
      let m = this.byKind.get(e.kind);
      if (!m) this.byKind.set(e.kind, (m = new Map()));
      for (const s of [e.symbol, ...(e.otherSymbols ?? [])]) if (!m.has(s)) m.set(s, e);
    }
  }

  /** The entry of a kind registered under a symbol (any of its @Symbol values, or a step's function name). */
  get(kind: EntryKind, symbol: string): Entry | undefined {
    return this.byKind.get(kind)?.get(symbol);
  }

  /** The entries of a kind, in the catalog's order. */
  all(kind: EntryKind): Entry[] {
    const m = this.byKind.get(kind);
    return m ? [...new Set(m.values())] : [];
  }

  /**
   * lookupFunction: a Describable by symbol among `kinds` (a parent type, as for a trigger's own
   * entry), or among all of them. (Jenkins prefers the argument types of meta-steps; here those,
   * `archiveArtifacts` and the like, are steps with `metaStep` set, found by the step lookups.)
   */
  function(name: string, kinds: readonly EntryKind[] = FUNCTION_KINDS): Entry | undefined {
    for (const k of kinds) {
      const e = this.get(k, name);
      if (e) return e;
    }
    return undefined;
  }

  /** lookupStepFirstThenFunction: what a step call in a Declarative `steps` block is checked against. */
  stepOrFunction(name: string): Entry | undefined {
    return this.get('step', name) ?? this.function(name);
  }

  /**
   * Whether a bare call `name(…)` is something this Jenkins has: what workflow-cps' DSL.invokeMethod
   * (@ e007b7ff, plugin/…/cps/DSL.java) resolves before it fails with "No such DSL method": a step
   * by function name, any Describable's @Symbol (so every kind but post conditions, which have no
   * descriptor), or a global variable.
   */
  isKnownName(name: string): boolean {
    return this.globals.has(name) || this.stepOrFunction(name) !== undefined;
  }

  /** lookupFunctionFirstThenStep: what an option, trigger or parameter entry, or a call nested in one, is checked against. */
  functionOrStep(name: string, kinds?: readonly EntryKind[]): Entry | undefined {
    return this.function(name, kinds) ?? this.get('step', name);
  }
}

let data: CatalogData | undefined;
let builtin: Catalog | undefined;

/** catalog/jenkins-catalog.json (copied to out/data/ by the build): the entries and the plugins they come from. */
export function catalogData(): CatalogData {
  // The build writes it in ASCII (scripts/copy-assets.mjs), so latin1 reads it exactly, without UTF-8's cost.
  data ??= JSON.parse(readFileSync(new URL('../data/jenkins-catalog.json', import.meta.url), 'latin1')) as CatalogData;
  return data;
}

/** The catalog generated from the plugins' sources (catalog/jenkins-catalog.json). */
export function builtinCatalog(): Catalog {
  builtin ??= new Catalog(catalogData().entries);
  return builtin;
}
