// What every formatter receives: per file, its diagnostics and the texts they point into.

import type { Diagnostic } from '../../core/diagnostic.js';

export interface FileReport {
  /** The path to show: as given on the command line, or relative to the current directory. */
  file: string;
  diagnostics: Diagnostic[];
  /** The file's text, for excerpts. */
  text: string;
}

/** Files linted, and the `pipeline { }` blocks and pod templates they held. */
export interface Checked {
  files: number;
  pipelines: number;
  podTemplates: number;
}

export interface FormatContext {
  /** Colour escape codes allowed (text format on a terminal, no NO_COLOR). */
  color: boolean;
  /** What the run checked, for the text format's summary line; none, no summary. */
  summary?: Checked;
  /** The current directory, which relative paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  version: string;
  /** Whether a finding fails the run (--severity-threshold, --max-warnings): what CI formats mark failed. */
  fails(d: Diagnostic): boolean;
}

/** 1-based line and column of a diagnostic's start and end, as every machine format wants them. */
export function oneBased(d: Diagnostic) {
  return { line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 };
}

/**
 * Text from the linted files made safe for a terminal or a one-line format: control characters
 * (an ESC from a YAML `\e` would drive the terminal), bidirectional overrides, lone surrogates and
 * noncharacters are shown as `\u{…}`. Tabs stay when `keepTabs` (excerpts line carets up with them).
 */
export function printable(s: string, keepTabs = false): string {
  return s.replace(keepTabs ? UNPRINTABLE_BUT_TAB : UNPRINTABLE, visible);
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNPRINTABLE_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** What XML 1.0 cannot carry at all (its Char production), escaped or not. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(c: string): string {
  return `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`;
}

export function escapeXml(s: string): string {
  return s.replace(NOT_XML, visible).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
