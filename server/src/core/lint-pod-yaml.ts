// A pod YAML file linted on its own (`jenkinsfile-lint ci/pod.yaml`): the same YAML reading, Pod
// schema validation and pod rules as for a yamlFile a Jenkinsfile reads, with positions in the
// file. No Jenkinsfile is read, so the rules about one (options, clouds, the steps that use the
// containers) have nothing to report; the pod is taken as complete (no inherited containers).

import { emptyExtraction } from '../extract/extract.js';
import { resolveStandalonePod } from '../resolve/resolve.js';
import { check, lintOversized, withoutGroovy, MAX_FILE_BYTES, type LintOptions, type LintResult } from './lint.js';

/** Whether a file named to the linter is a pod YAML rather than a Jenkinsfile: by its extension. */
export function isPodYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

export async function lintPodYaml(text: string, opts: LintOptions): Promise<LintResult> {
  if (text.length > MAX_FILE_BYTES) return lintOversized(text, text.length, 'characters', opts);
  // No Groovy here: the whole file is YAML, where a fix is written as it is (no string to escape for).
  const extraction = { ...emptyExtraction('', []), stringAt: () => 'code' as const };
  return check(text, withoutGroovy(extraction, [await resolveStandalonePod(opts.file, text)]), opts);
}
