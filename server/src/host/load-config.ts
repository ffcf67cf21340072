// Finds and reads the config that applies to a Jenkinsfile, and the Jenkins files it names
// (CasC jenkins.yaml, plugins.txt), caching each config once per run.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, parseConfig, type Config } from '../core/config.js';
import { JenkinsFileError, readCasc, readPluginsTxt } from '../core/jenkins.js';
import { RULE_CODES } from '../rules/index.js';
import { FsHost } from './fs-host.js';

export class ConfigLoader {
  private readonly cache = new Map<string, Config>();
  /** Per directory, the config file that applies there (a run over 10,000 files asks each directory once). */
  private readonly found = new Map<string, string | undefined>();

  /**
   * `explicit`: a --config path that applies to every file; `root`: the workspace folder, if known;
   * `untrusted`: read no CasC or plugins file the config names (an editor's restricted mode).
   */
  constructor(
    private readonly explicit?: string,
    private readonly root?: string,
    private readonly untrusted = false,
  ) {}

  /** The config for a Jenkinsfile; throws ConfigError for a broken config or a broken file it names. */
  forFile(jenkinsfile: string): { config: Config; file?: string } {
    const file = this.explicit ?? this.configFileFor(dirname(resolve(jenkinsfile)));
    if (!file) return { config: defaultConfig() };
    let config = this.cache.get(file);
    if (!config) {
      config = this.load(file);
      this.cache.set(file, config);
    }
    return { config, file };
  }

  /** The nearest config file in `dir` or above it. */
  private configFileFor(dir: string): string | undefined {
    if (this.found.has(dir)) return this.found.get(dir);
    const here = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((p) => existsSync(p));
    const file = here ?? (dirname(dir) === dir ? undefined : this.configFileFor(dirname(dir)));
    this.found.set(dir, file);
    return file;
  }

  private load(file: string): Config {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const { jenkinsFiles, ...config } = parseConfig(text, file, RULE_CODES);
    // Files the config names are read like a yamlFile: relative to it, inside the workspace, size-capped.
    const host = new FsHost(this.root ? { root: this.root } : {});
    const read = (key: string, path: string, parse: (text: string) => void) => {
      if (this.untrusted) return;
      const r = host.readWorkspaceFile(path, dirname(file), key);
      if (!r.ok) throw new ConfigError(file, `jenkins.${key}: ${r.message}`);
      try {
        parse(r.text);
      } catch (e) {
        if (e instanceof JenkinsFileError) throw new ConfigError(r.path, e.message);
        throw e;
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
    return config;
  }
}
