// The API server's checks (api-checks.ts) on containerTemplate(…) arguments: the resource* quantities
// (kubernetes-plugin passes them to the API as written: PodTemplateBuilder.getResourcesMap) and the
// ports: [portMapping(name:, containerPort:, hostPort:)].

import type { Loc } from '../core/diagnostic.js';
import type { Extraction, PodTemplate } from '../extract/model.js';
import type { Value } from '../extract/reader.js';
import { containerTemplateCalls, containerTemplateOption, stringSpan } from '../resolve/containers.js';
import { argument } from '../extract/extract.js';
import { checkPorts, checkResources, type ApiFinding, type PortEntry, type ResourceEntry } from './api-checks.js';

const RESOURCE_OPTIONS = [
  ['Memory', 'memory'],
  ['Cpu', 'cpu'],
  ['EphemeralStorage', 'ephemeral-storage'],
] as const;

export function templateApiFindings(t: PodTemplate, ex: Extraction, file: string): Array<ApiFinding<Loc>> {
  const out: Array<ApiFinding<Loc>> = [];
  for (const call of containerTemplateCalls(t)) {
    const get = containerTemplateOption(call, ex);
    const entries = (kind: 'Request' | 'Limit'): Array<ResourceEntry<Loc>> =>
      RESOURCE_OPTIONS.flatMap(([option, resource]) => {
        const text = knownString(get(`resource${kind}${option}`));
        // Blank means "not set" to the plugin.
        return text?.value.trim() ? [{ resource, text: text.value, at: { file, ...text.span } }] : [];
      });
    const name = knownString(get('name'))?.value;
    checkResources(entries('Request'), entries('Limit'), (f) => out.push(f));
    checkPorts(portMappings(get('ports'), file), name, (f) => out.push(f));
  }
  return out;
}

/** A string written in full: no GString interpolation, and no `${…}` the plugin would substitute from the environment. */
function knownString(v: Value | undefined): { value: string; span: { start: number; end: number } } | undefined {
  if (v?.kind !== 'string' || v.text.placeholders.length || v.text.text.includes('${')) return undefined;
  return { value: v.text.text, span: stringSpan(v) };
}

function portMappings(v: Value | undefined, file: string): Array<PortEntry<Loc>> {
  if (v?.kind !== 'list') return [];
  return v.items.flatMap((item): Array<PortEntry<Loc>> => {
    if (item.kind !== 'call' || item.call.name !== 'portMapping') return [];
    const number = (key: string, position: number) => {
      const n = argument(item.call, key, position);
      return n?.kind === 'number' && /^-?\d+$/.test(n.raw) ? { value: Number(n.raw), at: { file, start: n.start, end: n.end } } : undefined;
    };
    const name = knownString(argument(item.call, 'name', 0));
    const containerPort = number('containerPort', 1);
    const hostPort = number('hostPort', 2);
    return [
      {
        ...(name ? { name: { value: name.value, at: { file, ...name.span } } } : {}),
        ...(containerPort ? { containerPort } : {}),
        ...(hostPort ? { hostPort } : {}),
      },
    ];
  });
}
