// The configuration: rule severities and the Jenkins the pipelines run on. Parsed from
// .jenkinsfile-lint.yaml / .json text, or taken as data from an editor's settings, and validated
// against schemas/jenkinsfile-lint.schema.json. Every problem is reported at once, each with its
// key, and in a file with its line and column.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { findRule, shellcheckCode, unknownRule } from '../rules/lookup.js';
import { suggest } from '../schema/validate-pod.js';
import { configValidator, type AjvError } from '../schema/validators.js';
import type { Severity } from './diagnostic.js';
import type { JenkinsModel, StaticTemplate } from './jenkins.js';
import { LineIndex } from './line-index.js';

export type RuleSetting = Severity | 'off';

export interface Config {
  /** Severity by rule code (JKL302), whichever way the rule was named. */
  rules: Record<string, RuleSetting>;
  /** Globs of files to leave out of directory searches, relative to the config file. */
  ignore?: string[];
  /** Whether ShellCheck runs on `sh` scripts: when installed (auto, the default), always (on), never (off). */
  shellcheck?: 'auto' | 'on' | 'off';
  /** What is known of the Jenkins; the host fills it in from `casc`, `pluginsFile` and `gdsl` too. */
  jenkins: JenkinsModel;
}

/** A key path in the config, as the user wrote it: `['jenkins', 'templates', 0, 'name']`. */
export type KeyPath = Array<string | number>;

/** Config as written: the Jenkins part may still name files to read. */
export interface ConfigFile extends Config {
  jenkinsFiles: { casc?: string; pluginsFile?: string; gdsl?: string };
  /** Where a key is written (`line:column`), when the config came from a file. */
  locate(path: KeyPath): string | undefined;
}

export const CONFIG_FILE_NAMES = ['.jenkinsfile-lint.yaml', '.jenkinsfile-lint.yml', '.jenkinsfile-lint.json'];

export function defaultConfig(): Config {
  return { rules: {}, jenkins: {} };
}

export interface ConfigProblem {
  /** A file the config names (a CasC file, a plugins.txt, a GDSL export), when the problem is in it. */
  file?: string;
  /** `line:column` in the file, when known. */
  at?: string;
  /** The key the problem is about (`jenkins.clouds`), unless it is about the whole text. */
  key?: KeyPath;
  message: string;
}

/** One or more problems with a config file (or with settings given as data), one line each. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    problems: string | ConfigProblem[],
  ) {
    const list: ConfigProblem[] = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map((p) => `${p.file ?? file}${p.at ? `:${p.at}` : ''}: ${p.key?.length ? `${keyText(p.key)}: ` : ''}${p.message}`).join('\n'));
  }
}

/** `jenkins.templates[0].name` */
export function keyText(path: KeyPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}

/** Parses and validates config text; throws ConfigError naming the file, with every problem. */
export function parseConfig(text: string, file: string): ConfigFile {
  const json = file.endsWith('.json');
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.position(offset);
    return `${p.line + 1}:${p.character + 1}`;
  };
  // The yaml package reads JSON too (YAML 1.2 includes it), and keeps where every node is.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: !json });
  let data: unknown;
  if (json) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      // V8 says where for some mistakes only ("… in JSON at position 18"); the YAML reading may know.
      const m = /^(.*) in JSON at position (\d+)/.exec((e as Error).message);
      const offset = m ? Number(m[2]) : doc.errors[0]?.pos[0];
      throw new ConfigError(file, [{ ...(offset !== undefined ? { at: at(offset) } : {}), message: `not valid JSON${m ? `: ${m[1]}` : ''}` }]);
    }
  } else {
    if (doc.errors.length) throw new ConfigError(file, doc.errors.map((e) => ({ at: at(e.pos[0]), message: `not valid YAML: ${e.message.split('\n')[0]}` })));
    data = doc.toJS();
  }
  return configFromData(data ?? {}, file, (path, what) => {
    const range = nodeRange(doc, path, what);
    return range ? at(range) : undefined;
  });
}

/**
 * Validates config data (a file's, or an editor's settings in the same shape) and normalizes it;
 * throws ConfigError naming `source`, with every problem. `locate` says where a key (or its value)
 * is written, for a file.
 */
export function configFromData(data: unknown, source: string, locate: (path: KeyPath, what: 'key' | 'value') => string | undefined = () => undefined): ConfigFile {
  const problems: ConfigProblem[] = [];
  const add = (key: KeyPath, what: 'key' | 'value', message: string) => {
    const at = locate(key, what);
    problems.push({ ...(at ? { at } : {}), key, message });
  };
  if (!configValidator(data)) for (const e of configValidator.errors ?? []) schemaProblem(e, add);
  const raw = data as {
    rules?: Record<string, RuleSetting>;
    ignore?: string[];
    shellcheck?: Config['shellcheck'];
    jenkins?: { clouds?: string[]; templates?: Array<Omit<StaticTemplate, 'containers'> & { containers?: string[] }>; plugins?: string[]; globals?: string[]; casc?: string; pluginsFile?: string; gdsl?: string };
  };
  // Rules by code in any case or by name; kept by code.
  const rules: Record<string, RuleSetting> = {};
  const rulesWritten = raw && typeof raw.rules === 'object' && !Array.isArray(raw.rules) ? raw.rules : {};
  for (const [ref, setting] of Object.entries(rulesWritten)) {
    const rule = findRule(ref);
    const sc = shellcheckCode(ref);
    if (sc) {
      if (sc in rules) add(['rules', ref], 'key', `names ${sc} a second time`);
      else rules[sc] = setting;
    } else if (!rule) add(['rules', ref], 'key', unknownRule(ref));
    else if (rule.code in rules) add(['rules', ref], 'key', `names ${rule.code} (${rule.name}) a second time`);
    else rules[rule.code] = setting;
  }
  if (problems.length) {
    const line = (p: ConfigProblem) => (p.at ? Number(p.at.split(':')[0]) : Infinity);
    throw new ConfigError(source, problems.sort((a, b) => line(a) - line(b)));
  }
  const { casc, pluginsFile, gdsl, templates: written, ...jenkins } = raw.jenkins ?? {};
  const templates = written?.map((t) => ({ ...t, containers: t.containers ?? [] }));
  return {
    rules,
    ...(raw.ignore ? { ignore: raw.ignore } : {}),
    ...(raw.shellcheck ? { shellcheck: raw.shellcheck } : {}),
    jenkins: { ...jenkins, ...(templates ? { templates } : {}) },
    jenkinsFiles: { ...(casc ? { casc } : {}), ...(pluginsFile ? { pluginsFile } : {}), ...(gdsl ? { gdsl } : {}) },
    locate: (path) => locate(path, 'value'),
  };
}

/** One schema error as a problem at its key: unknown keys with a did-you-mean. */
function schemaProblem(e: AjvError, add: (key: KeyPath, what: 'key' | 'value', message: string) => void): void {
  const path: KeyPath = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    type ObjectSchema = { properties?: Record<string, ObjectSchema> };
    const parent = e.parentSchema as ObjectSchema | undefined;
    const known = Object.keys(parent?.properties ?? {});
    const close = suggest(key, known);
    // `clouds:` at the top level belongs under `jenkins:`.
    const nested = !path.length && !close ? suggest(key, Object.keys(parent?.properties?.jenkins?.properties ?? {})) : undefined;
    const hint = close ? `; did you mean "${close}"?` : nested ? `; did you mean "jenkins.${nested}"?` : `; the keys here are ${known.join(', ')}`;
    add([...path, key], 'key', `unknown key${hint}`);
  } else if (e.keyword === 'enum') {
    add(path, 'value', `must be one of ${(e.params.allowedValues as string[]).join(', ')}`);
  } else if (e.keyword === 'required') {
    add(path, 'value', `needs a "${String(e.params.missingProperty)}"`);
  } else {
    add(path, 'value', e.message ?? e.keyword);
  }
}

/** Start offset of the key (or the value) at `path` in a parsed document, if it is there. */
function nodeRange(doc: Document, path: KeyPath, what: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === k);
      if (!pair) return undefined;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof k === 'number') {
      node = node.items[k];
      keyNode = undefined;
    } else return undefined;
  }
  const target = (what === 'key' ? keyNode : undefined) ?? (node as Node | null | undefined) ?? keyNode;
  return target?.range?.[0];
}
