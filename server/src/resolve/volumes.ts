// The volumes a scripted podTemplate mounts itself: `volumes: [secretVolume(mountPath: …, …), …]`.
// Jenkins names them volume-0, volume-1, … and mounts them at their mountPath in every containerTemplate
// container and in the agent container it adds, never in a container that comes only from the pod
// YAML (kubernetes-plugin PodTemplateBuilder.build(); facts-k8s §1.1–1.2).

import type { Loc } from '../core/diagnostic.js';
import { argument } from '../extract/extract.js';
import type { PodTemplate } from '../extract/model.js';
import type { Value } from '../extract/reader.js';
import { stringSpan } from './containers.js';

/** The `PodVolume` describables' symbols (kubernetes-plugin `volumes/*.java` @Symbol). */
const POD_VOLUMES = new Set(['configMapVolume', 'secretVolume', 'emptyDirVolume', 'hostPathVolume', 'nfsVolume', 'persistentVolumeClaim', 'dynamicPVC', 'genericEphemeralVolume']);

export interface TemplateVolume {
  /** The describable's symbol, e.g. `secretVolume`. */
  kind: string;
  /** Normalised as Jenkins does (`Paths.get(p).normalize()`). */
  mountPath: string;
  loc: Loc;
}

export interface TemplateVolumes {
  /** One per mountPath, the first written winning, as Jenkins keeps them. */
  list: TemplateVolume[];
  /** Some entry (or the list itself) cannot be read statically, so a mount may be missing from the list. */
  unknowable: boolean;
}

export function templateVolumes(t: PodTemplate, file: string): TemplateVolumes {
  const out: TemplateVolumes = { list: [], unknowable: false };
  // Declarative `kubernetes { }` has no `volumes` option: Jenkins refuses the file (JKL201).
  const value = t.kind === 'scripted' ? t.options.get('volumes')?.value : undefined;
  if (!value) return out;
  if (value.kind !== 'list') return { list: [], unknowable: true };
  for (const item of value.items) add(out, item, file);
  return out;
}

function add(out: TemplateVolumes, item: Value, file: string): void {
  const mountPath = item.kind === 'call' && POD_VOLUMES.has(item.call.name) ? argument(item.call, 'mountPath', -1) : undefined;
  if (item.kind !== 'call' || mountPath?.kind !== 'string' || mountPath.text.placeholders.length) {
    out.unknowable = true;
    return;
  }
  const path = normalizePath(mountPath.text.text);
  if (!out.list.some((v) => v.mountPath === path)) out.list.push({ kind: item.call.name, mountPath: path, loc: { file, ...stringSpan(mountPath) } });
}

/** An empty, `.` or `..` segment, or a trailing slash (after any character, a line break too: the `s` flag). */
const NOT_NORMAL = /\/\/|(^|\/)\.\.?(\/|$)|.\/$/s;

/** Java's `Paths.get(p).normalize()` on a Unix path: no empty or `.` segments, `..` resolved, no trailing slash. */
export function normalizePath(p: string): string {
  // Most paths are normal already; the editor asks this of every mount of every pod on each keystroke.
  if (!NOT_NORMAL.test(p)) return p;
  const segments: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..' && segments.length && segments[segments.length - 1] !== '..') segments.pop();
    else if (s !== '..' || !p.startsWith('/')) segments.push(s);
  }
  return (p.startsWith('/') ? '/' : '') + segments.join('/');
}
