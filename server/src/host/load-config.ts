// Finds and reads the config that applies to a Jenkinsfile, and the Jenkins files it names
// (CasC jenkins.yaml, plugins.txt, GDSL export), caching each config once per run. An editor's settings, given
// as data in the same shape, go through the same validation and the same file reading.

import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { existsSync } from 'node:fs';
import { CONFIG_FILE_NAMES, ConfigError, configFromData, defaultConfig, parseConfig, type Config, type ConfigFile, type ConfigProblem } from '../core/config.js';
import { readGdslExport } from '../core/gdsl-export.js';
import { JenkinsFileError, readCasc, readPluginsTxt } from '../core/jenkins.js';
import { FsHost, repositoryRootOf } from './fs-host.js';
import { readRegularFile } from './read-file.js';
import { pushAll } from '../core/push-all.js';

/** A config file is a few hundred bytes; a larger one is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigLoaderOptions {
  /** A --config path that applies to every file. */
  explicit?: string;
  /**
   * Where the search for a config file stops when a file is in no git repository (the CLI's working
   * folder, an editor's workspace folder). In a repository it stops at the repository's root.
   */
  stopAt?: string;
  /** Read no CasC, plugins or GDSL file a config names (an editor's restricted mode). */
  untrusted?: boolean;
}

export class ConfigLoader {
  private readonly cache = new Map<string, Config>();
  /** Per directory, the config file that applies there (a run over 10,000 files asks each directory once). */
  private readonly found = new Map<string, string | undefined>();
  /** The config where no file applies: one object, so that what the core keeps per config is kept. */
  private readonly fallback = defaultConfig();

  constructor(private readonly options: ConfigLoaderOptions = {}) {}

  /** The config for a Jenkinsfile; throws ConfigError for a broken config or a broken file it names. */
  forFile(jenkinsfile: string): { config: Config; file?: string } {
    const dir = dirname(resolve(jenkinsfile));
    const file = this.options.explicit ?? this.configFileFor(dir, searchBoundary(dir, this.options.stopAt));
    if (!file) return { config: this.fallback };
    let config = this.cache.get(file);
    if (!config) {
      config = this.load(file);
      this.cache.set(file, config);
    }
    return { config, file };
  }

  /**
   * Config given as data (an editor's settings): validated like a file's; the CasC, plugins and GDSL
   * files it names are read relative to `baseDir`. Throws ConfigError naming `source`.
   */
  fromData(data: unknown, source: string, baseDir: string): Config {
    return this.readNamedFiles(configFromData(data, source), source, baseDir);
  }

  /** The nearest config file in `dir` or above it, up to `boundary`. */
  private configFileFor(dir: string, boundary: string): string | undefined {
    if (this.found.has(dir)) return this.found.get(dir);
    const here = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((p) => existsSync(p));
    const file = here ?? (dir === boundary || dirname(dir) === dir ? undefined : this.configFileFor(dirname(dir), boundary));
    this.found.set(dir, file);
    return file;
  }

  private load(file: string): Config {
    const r = readRegularFile(file, MAX_CONFIG_BYTES);
    if (!r.ok) throw new ConfigError(file, r.message);
    return this.readNamedFiles(parseConfig(r.text, file), file, dirname(file));
  }

  /**
   * Files the config names are read like a yamlFile: relative to `baseDir`, inside the workspace,
   * size-capped. A problem with one is reported with the others'.
   */
  private readNamedFiles(parsed: ConfigFile, source: string, baseDir: string): Config {
    const { jenkinsFiles, locate, ...config } = parsed;
    const host = new FsHost();
    const problems: ConfigProblem[] = [];
    const read = (key: string, path: string, parse: (text: string) => void) => {
      if (this.options.untrusted) return;
      const r = host.readWorkspaceFile(path, baseDir, key);
      const at = locate(['jenkins', key]);
      if (!r.ok) return void problems.push({ ...(at ? { at } : {}), key: ['jenkins', key], message: r.message });
      try {
        parse(r.text);
      } catch (e) {
        if (!(e instanceof JenkinsFileError)) throw e;
        pushAll(problems, e.problems.map((p) => ({ file: r.path, ...p })));
      }
    };
    if (jenkinsFiles.casc) {
      read('casc', jenkinsFiles.casc, (t) => {
        const casc = readCasc(t);
        config.jenkins.clouds = [...(config.jenkins.clouds ?? []), ...casc.clouds.filter((c) => !config.jenkins.clouds?.includes(c))];
        config.jenkins.templates = [...(config.jenkins.templates ?? []), ...casc.templates];
      });
    }
    if (jenkinsFiles.pluginsFile) {
      read('pluginsFile', jenkinsFiles.pluginsFile, (t) => {
        config.jenkins.plugins = [...(config.jenkins.plugins ?? []), ...readPluginsTxt(t)];
      });
    }
    if (jenkinsFiles.gdsl) {
      read('gdsl', jenkinsFiles.gdsl, (t) => {
        config.jenkins.gdsl = readGdslExport(t);
      });
    }
    if (problems.length) throw new ConfigError(source, problems);
    return config;
  }
}

/**
 * Where the search upward from `dir` ends: the repository root; outside any repository, `stopAt`
 * when `dir` lies inside it, else `dir` itself. A config above the repository (a shared /tmp, a CI
 * workspace root) would otherwise silently turn rules off or hide files.
 */
function searchBoundary(dir: string, stopAt: string | undefined): string {
  const repo = repositoryRootOf(dir);
  if (repo) return repo;
  if (stopAt) {
    const rel = relative(resolve(stopAt), dir);
    if (rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel))) return resolve(stopAt);
  }
  return dir;
}
