// The catalog for the Jenkins a config describes. Its plugin list (`jenkins.plugins`, a
// `pluginsFile`) narrows the built-in catalog to Jenkins core and the installed plugins; a GDSL
// export (`jenkins.gdsl`) decides which steps there are and their parameters; `jenkins.globals` and
// the export's global variables are names never unknown. Built once per configured Jenkins, and only
// when a pipeline needs it.

import type { JenkinsModel } from '../core/jenkins.js';
import { builtinCatalog, Catalog, catalogData } from './catalog.js';
import { stepsFromGdsl } from './gdsl-steps.js';
import { installedPlugins } from './installed-plugins.js';
import type { Entry } from './types.js';

/**
 * By the identity of the plugin list, the export and the globals list rather than of the model: an
 * editor's settings merged over a config file make a new model for every lint, holding the same three.
 */
const built = new WeakMap<object, WeakMap<object, WeakMap<object, Catalog>>>();
const NONE = {};

export function catalogFor(jenkins: JenkinsModel): Catalog {
  if (!jenkins.plugins && !jenkins.gdsl && !jenkins.globals) return builtinCatalog();
  const byPlugins = getOrAdd(built, jenkins.plugins ?? NONE, () => new WeakMap());
  const byGdsl = getOrAdd(byPlugins, jenkins.gdsl ?? NONE, () => new WeakMap());
  return getOrAdd(byGdsl, jenkins.globals ?? NONE, () => build(jenkins));
}

function getOrAdd<V>(map: WeakMap<object, V>, key: object, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function build({ plugins, gdsl, globals }: JenkinsModel): Catalog {
  const builtin = builtinCatalog();
  const { sources } = catalogData();
  const installed = plugins && installedPlugins(plugins, sources);
  const kept = (e: Entry) => !installed || e.plugin === 'core' || installed.has(e.plugin);
  let entries = builtin.entries.filter(kept);
  if (gdsl) {
    // The export leaves out metastep symbols (`junit`, `archiveArtifacts`) and steps Jenkins could
    // not describe; those the built-in catalog has stay.
    const failed = new Set(gdsl.failedClasses);
    const notInExport = (e: Entry) => e.kind !== 'step' || e.metaStep !== undefined || failed.has(e.className);
    entries = [...stepsFromGdsl(gdsl, builtin), ...entries.filter(notInExport)];
  }
  // Certain only when every listed plugin is one the catalog has data for, and the export names no
  // step it could not describe that the catalog lacks.
  const complete =
    !!plugins?.every((p) => sources.some((s) => s.plugin === p)) && !gdsl?.failedClasses.some((c) => !builtin.entries.some((e) => e.className === c));
  return new Catalog(entries, complete, new Set([...(gdsl?.globals ?? []), ...(globals ?? [])]));
}
