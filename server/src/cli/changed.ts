// --changed: the files named are what a commit changes (the pre-commit hook passes them). A
// Jenkinsfile among them is linted. A YAML file is checked through the Jenkinsfiles of its
// repository that read it with `yamlFile`, as they see it: its findings at their place in it, and
// what the change breaks in them (a renamed container). A YAML file that no Jenkinsfile reads (a
// workflow, a manifest) is not a pod as far as the linter can tell, and is left alone.

import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyze, MAX_FILE_BYTES } from '../core/lint.js';
import { isPodYamlFile } from '../core/lint-pod-yaml.js';
import { FsHost, repositoryRootOf } from '../host/fs-host.js';
import { readRegularFile } from '../host/read-file.js';

/** The files to lint for a change: its Jenkinsfiles, then those that read its YAML files. */
export async function affectedBy(changed: string[], jenkinsfilesIn: (dir: string) => Promise<string[]>): Promise<string[]> {
  const isYaml = (f: string) => f !== '-' && isPodYamlFile(f);
  const out = changed.filter((f) => !isYaml(f));
  const yamls = new Set(changed.filter(isYaml).map((f) => realpathSync(f)));
  if (!yamls.size) return out;
  const linted = new Set(out.map((f) => resolve(f)));
  const host = new FsHost();
  const roots = new Set([...yamls].map((y) => repositoryRootOf(dirname(y)) ?? process.cwd()));
  for (const root of roots) {
    for (const file of await jenkinsfilesIn(root)) {
      if (linted.has(resolve(file))) continue;
      const read = readRegularFile(file, MAX_FILE_BYTES);
      // Most Jenkinsfiles read no YAML file: only those that mention yamlFile are analysed.
      if (!read.ok || !read.text.includes('yamlFile')) continue;
      const { pods } = await analyze(read.text, { file, host });
      if (!pods.some((p) => p.yaml && yamls.has(p.yaml.file))) continue;
      out.push(file);
      linted.add(resolve(file));
    }
  }
  return out;
}
