// The Jenkins the pipelines run on, as far as the configuration describes it, and the readers for
// the real files it may come from: a Configuration-as-Code jenkins.yaml and a plugins.txt (a GDSL
// export is read by gdsl-export.ts).

import { parse as parseYamlText } from 'yaml';
import type { GdslExport } from './gdsl-export.js';
import { pushAll } from './push-all.js';

export interface StaticTemplate {
  name: string;
  /** Space-separated labels. */
  label?: string;
  containers: string[];
}

export interface JenkinsModel {
  /** Kubernetes cloud names in Jenkins' order; undefined when not known. */
  clouds?: string[];
  /** Static pod templates; undefined when not known (then inherited templates are invisible). */
  templates?: StaticTemplate[];
  /** Installed plugin ids; undefined when not known. With the plugins they require, they narrow the catalog. */
  plugins?: string[];
  /** The Jenkins' own steps and global variables, from its GDSL export (`jenkins.gdsl`). */
  gdsl?: GdslExport;
  /** Names of steps and global variables never to report as unknown (`jenkins.globals`). */
  globals?: string[];
}

/** What is wrong with such a file, each problem with its `line:column` when known; the caller adds the file name. */
export class JenkinsFileError extends Error {
  readonly problems: Array<{ at?: string; message: string }>;
  constructor(problems: string | Array<{ at?: string; message: string }>) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map((p) => p.message).join('; '));
    this.problems = list;
  }
}

/** Reads `jenkins.clouds[].kubernetes` (name, templates[].name/label/containers) from a CasC jenkins.yaml. */
export function readCasc(text: string): { clouds: string[]; templates: StaticTemplate[] } {
  let data: unknown;
  try {
    data = parseYamlText(text, { prettyErrors: false });
  } catch (e) {
    throw new JenkinsFileError(`not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const clouds = (data as { jenkins?: { clouds?: unknown } } | null)?.jenkins?.clouds;
  if (clouds === undefined) throw new JenkinsFileError('has no jenkins.clouds list');
  if (!Array.isArray(clouds)) throw new JenkinsFileError('jenkins.clouds is not a list');
  const out = { clouds: [] as string[], templates: [] as StaticTemplate[] };
  clouds.forEach((entry, i) => {
    const k8s = (entry as { kubernetes?: Record<string, unknown> } | null)?.kubernetes;
    if (!k8s) return; // another kind of cloud (docker, ec2, …)
    if (typeof k8s.name !== 'string' || !k8s.name) throw new JenkinsFileError(`jenkins.clouds[${i}].kubernetes has no name`);
    out.clouds.push(k8s.name);
    const templates = Array.isArray(k8s.templates) ? k8s.templates : [];
    templates.forEach((t: Record<string, unknown> | null, j: number) => {
      if (!t || typeof t.name !== 'string') throw new JenkinsFileError(`jenkins.clouds[${i}].kubernetes.templates[${j}] has no name`);
      const containers = (Array.isArray(t.containers) ? t.containers : []).map((c: { name?: unknown } | null) => c?.name).filter((n): n is string => typeof n === 'string');
      if (typeof t.yaml === 'string') pushAll(containers, yamlContainerNames(t.yaml));
      out.templates.push({ name: t.name, ...(typeof t.label === 'string' ? { label: t.label } : {}), containers });
    });
  });
  return out;
}

function yamlContainerNames(yaml: string): string[] {
  try {
    const pod = parseYamlText(yaml, { version: '1.1' }) as { spec?: { containers?: Array<{ name?: unknown }> } } | null;
    return (pod?.spec?.containers ?? []).map((c) => c?.name).filter((n): n is string => typeof n === 'string');
  } catch {
    return [];
  }
}

/** Plugin ids from a plugins.txt in the jenkins/jenkins image format: `id:version` or `id`, `#` comments. */
export function readPluginsTxt(text: string): string[] {
  const ids: string[] = [];
  const bad: Array<{ at: string; message: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const id = line.split(':')[0]!.trim();
    if (/^[A-Za-z0-9][\w.-]*$/.test(id)) ids.push(id);
    else bad.push({ at: `${i + 1}:${raw.length - raw.trimStart().length + 1}`, message: `"${raw.trim()}" is not a plugin id` });
  });
  if (bad.length) throw new JenkinsFileError(bad);
  return ids;
}
