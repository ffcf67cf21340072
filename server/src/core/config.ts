// The configuration: rule severities and the Jenkins the pipelines run on. Parsed from
// .jenkinsfile-lint.yaml / .json text and validated against schemas/jenkinsfile-lint.schema.json.

import { parse as parseYamlText } from 'yaml';
import type { Severity } from './diagnostic.js';
import type { JenkinsModel, StaticTemplate } from './jenkins.js';
import { configValidator } from '../schema/validators.js';

export type RuleSetting = Severity | 'off';

export interface Config {
  rules: Record<string, RuleSetting>;
  /** Globs of files to leave out of directory searches, relative to the config file. */
  ignore?: string[];
  /** What is known of the Jenkins; the host fills it in from `casc` and `pluginsFile` too. */
  jenkins: JenkinsModel;
}

/** Config as written: the Jenkins part may still name files to read. */
export interface ConfigFile extends Config {
  jenkinsFiles: { casc?: string; pluginsFile?: string };
}

export const CONFIG_FILE_NAMES = ['.jenkinsfile-lint.yaml', '.jenkinsfile-lint.yml', '.jenkinsfile-lint.json'];

export function defaultConfig(): Config {
  return { rules: {}, jenkins: {} };
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Parses and validates config text; throws ConfigError naming the file and the problem. */
export function parseConfig(text: string, file: string, knownCodes: ReadonlySet<string>): ConfigFile {
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseYamlText(text, { prettyErrors: false });
  } catch (e) {
    throw new ConfigError(file, `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  return configFromData(data ?? {}, file, knownCodes);
}

/**
 * Validates config data (a file's, or an editor's settings in the same shape) and normalizes it;
 * throws ConfigError naming `source` and the problem.
 */
export function configFromData(data: unknown, source: string, knownCodes: ReadonlySet<string>): ConfigFile {
  if (!configValidator(data)) {
    const e = configValidator.errors![0]!;
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
    const detail = e.keyword === 'additionalProperties' ? `unknown key "${String(e.params.additionalProperty)}"` : e.keyword === 'enum' ? `must be one of ${(e.params.allowedValues as string[]).join(', ')}` : e.message;
    throw new ConfigError(source, `${where}: ${detail}`);
  }
  const raw = data as {
    rules?: Record<string, RuleSetting>;
    ignore?: string[];
    jenkins?: { clouds?: string[]; templates?: Array<Omit<StaticTemplate, 'containers'> & { containers?: string[] }>; plugins?: string[]; casc?: string; pluginsFile?: string };
  };
  for (const code of Object.keys(raw.rules ?? {})) {
    if (!knownCodes.has(code)) throw new ConfigError(source, `rules: unknown rule code ${code}`);
  }
  const { casc, pluginsFile, templates: written, ...jenkins } = raw.jenkins ?? {};
  const templates = written?.map((t) => ({ ...t, containers: t.containers ?? [] }));
  return {
    rules: { ...raw.rules },
    ...(raw.ignore ? { ignore: raw.ignore } : {}),
    jenkins: { ...jenkins, ...(templates ? { templates } : {}) },
    jenkinsFiles: { ...(casc ? { casc } : {}), ...(pluginsFile ? { pluginsFile } : {}) },
  };
}
