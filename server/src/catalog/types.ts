// The shape of catalog/jenkins-catalog.json (written by scripts/catalog/generate.mjs; its README
// says where each field is read from in the plugins' sources).

export type ParamType =
  /** boxed: a wrapper class (Integer, Boolean, …), printed `class java.lang.Integer` in Jenkins' messages. */
  | { kind: 'string' | 'int' | 'long' | 'boolean' | 'double'; boxed?: true }
  /** javaType: the erased type as Java prints the Class, e.g. `class java.util.concurrent.TimeUnit`. */
  | { kind: 'enum'; values: string[]; javaType: string }
  | { kind: 'list'; of?: ParamType }
  | { kind: 'map' }
  | { kind: 'describable'; base: string; javaType: string }
  | { kind: 'object' };

export interface Param {
  name: string;
  type: ParamType;
  required: boolean;
  deprecated?: true;
  description?: string;
}

export type EntryKind = 'step' | 'option' | 'jobProperty' | 'trigger' | 'parameter' | 'tool' | 'agent' | 'when' | 'post' | 'describable';

export interface Entry {
  kind: EntryKind;
  symbol: string;
  otherSymbols?: string[];
  plugin: string;
  className: string;
  params: Param[];
  takesBlock?: boolean;
  needsLauncherOrFilePath?: boolean;
  metaStep?: 'step' | 'wrap';
  canUseInStage?: boolean;
  implements?: string[];
  advanced?: true;
  description: string;
  example: string;
  displayName?: string;
  ordinal?: number;
}

export interface Source {
  plugin: string;
  version: string;
  repo: string;
  commit: string;
  /** Plugin ids it requires (not optional ones), A–Z. */
  dependencies: string[];
}

export interface CatalogData {
  generatedBy: string;
  sources: Source[];
  entries: Entry[];
}
