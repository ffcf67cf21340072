// What the Kubernetes API server refuses in a pod, beyond the schema (JKL104), and the duplicate
// env name it only warns about (JKL105). Written once over "a place" A, so that pod YAML (A = a
// path in the document) and containerTemplate(…) arguments (A = a source span) share the checks.
// Sources: kubernetes v1.31.1 pkg/apis/core/validation/validation.go (read in the vendored copy of
// ceph/ceph-csi@52fcb7b0, whose vendor/modules.txt pins k8s.io/kubernetes v1.31.1) and
// kubernetes/apimachinery v0.31.1 pkg/util/validation/validation.go.

import { suggest } from '../schema/validate-pod.js';
import { compareQuantities, parseQuantity, type Quantity } from '../schema/quantity.js';

export interface ApiFinding<A> {
  code: 'JKL104' | 'JKL105';
  at: A;
  message: string;
  /** Other places the verdict reads: when one of them is unknown (an interpolation), it is a guess. */
  reads?: A[];
  /** An earlier definition the finding is about (a duplicate's first). */
  first?: A;
}

export type Report<A> = (f: ApiFinding<A>) => void;

export const REJECTS = 'Kubernetes rejects the pod';

/** One written resource quantity: `memory: 2Gi` under requests or limits. */
export interface ResourceEntry<A> {
  resource: string;
  text: string;
  at: A;
  /** Where the resource name is written, for a name the API does not know (absent when it is fixed). */
  nameAt?: A;
}

/** ValidateResourceRequirements (validation.go 6684–6750) on one container's requests and limits. */
export function checkResources<A>(requests: ResourceEntry<A>[], limits: ResourceEntry<A>[], report: Report<A>): void {
  const parsed = (e: ResourceEntry<A>, where: string): Extract<Quantity, { ok: true }> | undefined => {
    if (e.nameAt !== undefined && !isContainerResource(e.resource)) {
      const close = suggest(e.resource, STANDARD_RESOURCES);
      report({
        code: 'JKL104',
        at: e.nameAt,
        message: `Unknown resource "${e.resource}" in ${where}: must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a name with a domain, like nvidia.com/gpu; ${REJECTS}` + (close ? `; did you mean "${close}"?` : ''),
      });
    }
    const q = parseQuantity(e.text);
    if (!q.ok) {
      report({ code: 'JKL104', at: e.at, message: `Invalid quantity "${e.text}" for ${e.resource}: ${q.error}; ${REJECTS}. ${SUFFIXES}` });
      return undefined;
    }
    if (q.num < 0n) {
      report({ code: 'JKL104', at: e.at, message: `Invalid quantity "${e.text}" for ${e.resource}: must be greater than or equal to 0; ${REJECTS}` });
      return undefined;
    }
    return q;
  };
  const limitOf = new Map<string, { q: Extract<Quantity, { ok: true }>; e: ResourceEntry<A> }>();
  for (const e of limits) {
    const q = parsed(e, 'limits');
    if (q) limitOf.set(e.resource, { q, e });
  }
  for (const e of requests) {
    const q = parsed(e, 'requests');
    const limit = limitOf.get(e.resource);
    // Only cpu, memory and ephemeral-storage may be overcommitted; others must equal their limit, not checked here.
    if (!q || !limit || !OVERCOMMITTABLE.includes(e.resource)) continue;
    if ((compareQuantities(q, limit.q) ?? 0) > 0) {
      report({
        code: 'JKL104',
        at: e.at,
        reads: [limit.e.at],
        message: `The ${e.resource} request "${e.text}" is more than its limit "${limit.e.text}": ${REJECTS} (must be less than or equal to ${e.resource} limit of ${limit.e.text})`,
      });
    }
  }
}

const SUFFIXES = 'Suffixes are m, k, M, G, T, P, E (powers of 1000) or Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024), case-sensitive';
const OVERCOMMITTABLE = ['cpu', 'memory', 'ephemeral-storage'];
const STANDARD_RESOURCES = OVERCOMMITTABLE;

/** validateContainerResourceName: a name without a domain must be standard (helpers.go IsStandardContainerResourceName). */
function isContainerResource(name: string): boolean {
  return name.includes('/') || STANDARD_RESOURCES.includes(name) || name.startsWith('hugepages-');
}

/** One container port as written. */
export interface PortEntry<A> {
  name?: { value: string; at: A };
  containerPort?: { value: number; at: A };
  hostPort?: { value: number; at: A };
}

/** validateContainerPorts (validation.go 2549–2585) on one container's ports. */
export function checkPorts<A>(ports: PortEntry<A>[], container: string | undefined, report: Report<A>): void {
  const names = new Map<string, A>();
  for (const p of ports) {
    if (p.name && p.name.value) {
      const msgs = portNameErrors(p.name.value);
      const first = names.get(p.name.value);
      if (msgs.length) report({ code: 'JKL104', at: p.name.at, message: `Invalid port name "${p.name.value}": ${msgs.join('; ')}; ${REJECTS}` });
      else if (first !== undefined) report({ code: 'JKL104', at: p.name.at, first, message: `Duplicate port name "${p.name.value}"${inContainer(container)}: ${REJECTS}` });
      else names.set(p.name.value, p.name.at);
    }
    for (const [field, port] of [['containerPort', p.containerPort], ['hostPort', p.hostPort]] as const) {
      // hostPort 0 means none; containerPort 0 is "Required value".
      if (!port || (field === 'hostPort' && port.value === 0) || (Number.isInteger(port.value) && port.value >= 1 && port.value <= 65535)) continue;
      report({ code: 'JKL104', at: port.at, message: `Invalid ${field} ${port.value}: must be between 1 and 65535, inclusive; ${REJECTS}` });
    }
  }
}

const inContainer = (name: string | undefined) => (name === undefined ? '' : ` in container "${name}"`);

/** IsValidPortName (apimachinery validation.go): an IANA service name. */
function portNameErrors(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** IsDNS1123Label (apimachinery validation.go), with its messages. */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    errs.push(
      DNS1123_SUBDOMAIN.test(value)
        ? 'must not contain dots'
        : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errs;
}
