// The plugins a plugin requires, read from its pom.xml the way maven-hpi-plugin writes the
// manifest's Plugin-Dependencies (jenkinsci/maven-hpi-plugin @ bcb67d71,
// AbstractJenkinsManifestMojo.findDependencyPlugins): the project's direct dependencies in the
// compile or runtime scope (ScopeArtifactFilter("runtime")) that are plugins, each plugin's id being
// its artifactId; an optional one is written `;resolution:=optional` and Jenkins installs the
// plugin without it. A pom does not say a dependency's packaging (hpi or jar), so a dependency is
// taken for a plugin by its groupId (PLUGIN_GROUPS), unless the pom names it among the jars it
// bundles (`hpi.bundledArtifacts`, as durable-task does lib-durable-task).

const PLUGIN_GROUPS = /^(?:org\.jenkins-ci\.plugins|org\.jenkinsci\.plugins|io\.jenkins\.plugins)(?:\.|$)/;

/** `plugins`: required plugin ids, A–Z; `libraries`: the other required dependencies (groupId:artifactId), to review. */
export function requiredPlugins(pom) {
  // Only the project's own <dependencies>: not those managed (BOM), of build plugins or of profiles.
  const own = pom
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(parent|dependencyManagement|build|profiles|reporting)>[\s\S]*?<\/\1>/g, '');
  const block = /<dependencies>([\s\S]*?)<\/dependencies>/.exec(own)?.[1] ?? '';
  const bundled = new Set((/<hpi\.bundledArtifacts>([^<]*)</.exec(own)?.[1] ?? '').split(',').map((a) => a.trim()));
  const plugins = new Set();
  const libraries = new Set();
  for (const [, dep] of block.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = dep.replace(/<exclusions>[\s\S]*?<\/exclusions>/g, '');
    const tag = (name) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(body)?.[1];
    const scope = tag('scope') ?? 'compile';
    if (!['compile', 'runtime'].includes(scope) || tag('optional') === 'true') continue;
    const group = tag('groupId') ?? '';
    if (PLUGIN_GROUPS.test(group) && !bundled.has(tag('artifactId'))) plugins.add(tag('artifactId'));
    else libraries.add(`${group}:${tag('artifactId')}`);
  }
  return { plugins: [...plugins].sort(), libraries: [...libraries].sort() };
}
