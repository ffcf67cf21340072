// The plugins a Jenkins has when a plugin list names some: those listed and, recursively, every
// plugin they require. A plugins.txt often names only the top-level ones (`workflow-aggregator`);
// the plugin manager installs what they require (the manifest's Plugin-Dependencies, without the
// optional ones), which the catalog's sources record from each plugin's pom.xml.

import type { Source } from './types.js';

export function installedPlugins(listed: readonly string[], sources: readonly Source[]): Set<string> {
  const requires = new Map(sources.map((s) => [s.plugin, s.dependencies]));
  const installed = new Set<string>();
  const visit = (id: string): void => {
    if (installed.has(id)) return;
    installed.add(id);
    // A plugin the catalog has no data for ends the walk: what it requires is not known.
    for (const d of requires.get(id) ?? []) visit(d);
  };
  listed.forEach(visit);
  return installed;
}
