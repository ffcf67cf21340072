// What is at an offset of a linted document: a pod's YAML (and which index of its text), an option
// of a kubernetes block, a container name. Shared by hover, completion and go-to-definition.

import type { PodTemplate, TemplateOption } from '../extract/model.js';
import type { Value } from '../extract/reader.js';
import type { PodYaml, ResolvedPod } from '../resolve/resolve.js';
import type { Linted } from './linter.js';

export interface YamlSpot {
  pod: ResolvedPod;
  yaml: PodYaml;
  /** Index into the YAML text whose character maps to (or nearest before) the offset. */
  index: number;
}

/** The pod YAML written inline in this document that covers the offset. */
export function yamlAt(l: Linted, offset: number): YamlSpot | undefined {
  for (const pod of l.result.analysis.pods) {
    const y = pod.yaml;
    if (!y || y.file !== l.path || !y.text.text.length) continue;
    const offs = y.text.offsets;
    if (offset < offs[0]! || offset > offs[offs.length - 1]!) continue;
    let lo = 0;
    let hi = offs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offs[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { pod, yaml: y, index: lo };
  }
  return undefined;
}

export function optionAt(l: Linted, offset: number): { template: PodTemplate; option: TemplateOption; onKey: boolean } | undefined {
  for (const t of l.result.analysis.extraction.templates) {
    for (const option of t.options.values()) {
      if (offset >= option.keySpan.start && offset <= option.keySpan.end) return { template: t, option, onKey: true };
      const v = option.value;
      if (v && offset >= v.start && offset <= v.end) return { template: t, option, onKey: false };
    }
  }
  return undefined;
}

/** A container name written in `container('x')` or `defaultContainer 'x'` at the offset. */
export function containerNameAt(l: Linted, offset: number): { pod: ResolvedPod; name: string; value: Value } | undefined {
  const { extraction, pods } = l.result.analysis;
  const podOf = (t: PodTemplate | undefined) => pods.find((p) => p.template === t);
  for (const step of extraction.containers) {
    const v = step.name;
    const pod = podOf(step.template);
    if (pod && v?.kind === 'string' && offset >= v.start && offset <= v.end) return { pod, name: v.text.text, value: v };
  }
  for (const pod of pods) {
    const v = pod.template.options.get('defaultContainer')?.value;
    if (v?.kind === 'string' && offset >= v.start && offset <= v.end) return { pod, name: v.text.text, value: v };
  }
  return undefined;
}

/** The pod whose steps run at the offset: the innermost template scope around it. */
export function podAround(l: Linted, offset: number): ResolvedPod | undefined {
  let best: ResolvedPod | undefined;
  for (const pod of l.result.analysis.pods) {
    const s = pod.template.scope;
    if (offset < s.start || offset > s.end) continue;
    if (!best || s.end - s.start < best.template.scope.end - best.template.scope.start) best = pod;
  }
  return best;
}
