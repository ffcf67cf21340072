// Shared-library code (a `vars/` step, a `src/` class) runs in the calling job's checkout: a yamlFile
// it names is read from that job's repository (readTrusted uses the run's SCM, never the library's),
// which the linter does not see.

/**
 * Whether a file is a shared library's, by its '/'-separated path from the workspace root: a
 * `vars/*.groovy` step, or a `.groovy` file under `src/` (the library's package tree; not `src/main`
 * or `src/test`, which are a Maven or Gradle project's source sets).
 */
export function isLibraryPath(path: string): boolean {
  if (!path.endsWith('.groovy')) return false;
  const parts = path.split('/');
  if (parts[parts.length - 2] === 'vars') return true;
  const src = parts.indexOf('src');
  return src >= 0 && src < parts.length - 1 && parts[src + 1] !== 'main' && parts[src + 1] !== 'test';
}
