// The API server's checks (api-checks.ts) on pod YAML: volume names, and per container its resources,
// ports, env and mounts. Each finding points at the YAML node it is about; one whose node, or a
// node its verdict reads, holds a Groovy interpolation is dropped (the value is unknown).

import type { Loc } from '../core/diagnostic.js';
import { touchesPlaceholder } from '../extract/mapped-text.js';
import { yamlLoc, type PodYaml } from '../resolve/resolve.js';
import { locate, nodeRange } from '../yaml/parse-yaml.js';
import { checkPorts, checkResources, dns1123LabelErrors, REJECTS, type ApiFinding, type PortEntry, type Report, type ResourceEntry } from './api-checks.js';

/** A node of the pod YAML: the value at `path`, or (key) the key that holds it. */
export interface YamlPlace {
  path: string[];
  key?: true;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Findings on one pod YAML. `merged(name)` says Jenkins merges that container with a containerTemplate
 * of the same name: its resources, env and mounts are then not what the YAML says, so only its ports
 * (which the YAML keeps) are checked.
 */
export function yamlApiFindings(y: PodYaml, merged: (name: string) => boolean): Array<ApiFinding<YamlPlace>> {
  const spec = isObj(y.parsed.value) ? y.parsed.value.spec : undefined;
  if (!isObj(spec)) return [];
  // The findings depend on the YAML and on which of its containers are merged, not on where the YAML
  // sits in the Jenkinsfile: the parse memo hands back the same document while the user edits elsewhere.
  const groups = containerGroups(spec);
  const mergedNames = groups.flatMap(({ containers }) => containers.flatMap((c) => (isObj(c) && typeof c.name === 'string' && merged(c.name) ? [c.name] : [])));
  const key = mergedNames.join('\0');
  let byMerged = memo.get(y.parsed);
  if (!byMerged) memo.set(y.parsed, (byMerged = new Map()));
  let out = byMerged.get(key);
  if (!out) {
    out = [];
    const report: Report<YamlPlace> = (f) => out!.push(f);
    checkVolumes(list(spec.volumes), report);
    for (const { group, containers } of groups) {
      containers.forEach((c, i) => {
        if (isObj(c)) checkContainer(c, ['spec', group, String(i)], (name) => mergedNames.includes(name), report);
      });
    }
    byMerged.set(key, out);
  }
  return out;
}

const memo = new WeakMap<PodYaml['parsed'], Map<string, Array<ApiFinding<YamlPlace>>>>();

const containerGroups = (spec: Obj) => ['initContainers', 'containers'].map((group) => ({ group, containers: list(spec[group]) }));

/** ValidateVolumes (validation.go 388–419): each name a DNS-1123 label, no name twice. */
function checkVolumes(volumes: unknown[], report: Report<YamlPlace>): void {
  const seen = new Map<string, YamlPlace>();
  volumes.forEach((v, i) => {
    if (!isObj(v) || typeof v.name !== 'string') return;
    const at = { path: ['spec', 'volumes', String(i), 'name'] };
    const errs = dns1123LabelErrors(v.name);
    const first = seen.get(v.name);
    if (errs.length) report({ code: 'JKL104', at, message: `Invalid volume name "${v.name}": ${errs.join('; ')}; ${REJECTS}` });
    // Jenkins itself fails first: it maps the YAML's volumes by name (PodTemplateUtils.combineVolumes).
    else if (first) report({ code: 'JKL104', at, first, message: `Duplicate volume name "${v.name}": the pod is never created (Jenkins: "Duplicate key", Kubernetes: "Duplicate value"); give each volume its own name` });
    else seen.set(v.name, at);
  });
}

function checkContainer(c: Obj, path: string[], merged: (name: string) => boolean, report: Report<YamlPlace>): void {
  const name = typeof c.name === 'string' ? c.name : undefined;
  checkPorts(
    list(c.ports).flatMap((p, j): Array<PortEntry<YamlPlace>> => {
      if (!isObj(p)) return [];
      const at = (field: string) => ({ path: [...path, 'ports', String(j), field] });
      return [
        {
          ...(typeof p.name === 'string' ? { name: { value: p.name, at: at('name') } } : {}),
          ...(typeof p.containerPort === 'number' ? { containerPort: { value: p.containerPort, at: at('containerPort') } } : {}),
          ...(typeof p.hostPort === 'number' ? { hostPort: { value: p.hostPort, at: at('hostPort') } } : {}),
        },
      ];
    }),
    name,
    report,
  );
  if (name !== undefined && merged(name)) return;
  const resources = isObj(c.resources) ? c.resources : {};
  const entries = (kind: 'requests' | 'limits'): Array<ResourceEntry<YamlPlace>> => {
    const m = resources[kind];
    if (!isObj(m)) return [];
    return Object.entries(m).flatMap(([resource, v]) => {
      if (typeof v !== 'string' && typeof v !== 'number') return [];
      const at = [...path, 'resources', kind, resource];
      return [{ resource, text: String(v), at: { path: at }, nameAt: { path: at, key: true } }];
    });
  };
  checkResources(entries('requests'), entries('limits'), report);
  checkEnv(list(c.env), path, name, report);
  checkMounts(list(c.volumeMounts), path, name, report);
}

/** validateEnvVarValueFrom (validation.go 2667–2669), and the duplicate-name warning of pkg/api/pod/warnings.go. */
function checkEnv(env: unknown[], path: string[], container: string | undefined, report: Report<YamlPlace>): void {
  const seen = new Map<string, YamlPlace>();
  env.forEach((e, i) => {
    if (!isObj(e) || typeof e.name !== 'string') return;
    const at = (field: string) => ({ path: [...path, 'env', String(i), field] });
    const value = typeof e.value === 'string' || typeof e.value === 'number' || typeof e.value === 'boolean' ? String(e.value) : '';
    if (value && e.valueFrom !== undefined) {
      report({
        code: 'JKL104',
        at: { ...at('valueFrom'), key: true },
        reads: [at('value')],
        message: `Env "${e.name}" has both value and valueFrom: ${REJECTS} (valueFrom: may not be specified when \`value\` is not empty); keep one`,
      });
    }
    const first = seen.get(e.name);
    if (!first) {
      seen.set(e.name, at('name'));
      return;
    }
    // Kubernetes is quiet only when the later value builds on the earlier one: `PATH=$(PATH):/x`.
    const ref = `$(${e.name})`;
    if (e.valueFrom === undefined && value !== ref && value.includes(ref)) return;
    report({
      code: 'JKL105',
      at: at('name'),
      first,
      reads: [at('value')],
      message: `Env "${e.name}" is defined twice${container === undefined ? '' : ` in container "${container}"`}: the container gets only the last value, and Kubernetes warns "hides previous definition of "${e.name}", which may be dropped when using apply"`,
    });
  });
}

/** ValidateVolumeMounts (validation.go 2920–2921): one mount per mountPath, compared as written. */
function checkMounts(mounts: unknown[], path: string[], container: string | undefined, report: Report<YamlPlace>): void {
  const seen = new Map<string, YamlPlace>();
  mounts.forEach((m, i) => {
    if (!isObj(m) || typeof m.mountPath !== 'string' || !m.mountPath) return;
    const at = { path: [...path, 'volumeMounts', String(i), 'mountPath'] };
    const first = seen.get(m.mountPath);
    if (!first) seen.set(m.mountPath, at);
    else report({ code: 'JKL104', at, first, message: `Two volume mounts at "${m.mountPath}"${container === undefined ? '' : ` in container "${container}"`}: ${REJECTS} (mountPath: must be unique)` });
  });
}

/** Where a place is in the source, or undefined when it (or what it reads) is an interpolation or not in this text. */
export function yamlPlaceLoc(y: PodYaml, place: YamlPlace): Loc | undefined {
  const at = locate(y.parsed.doc, place.path);
  const range = place.key ? nodeRange(at.pair?.key ?? undefined) : nodeRange(at.node);
  return range && yamlLoc(y, range[0], range[1]);
}

/** True when the node at the place holds an interpolation (its value is unknown). */
export function yamlPlaceUnknown(y: PodYaml, place: YamlPlace): boolean {
  const range = nodeRange(locate(y.parsed.doc, place.path).node);
  return !!range && touchesPlaceholder(y.text, range[0], range[1]);
}
