// The shapes every stage after extraction speaks: file locations, findings and diagnostics.

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A range of offsets in one file's text (the Jenkinsfile, or a yamlFile it reads). */
export interface Loc {
  file: string;
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based column in UTF-16 code units, as LSP counts */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedInfo {
  file: string;
  range: Range;
  message: string;
}

/** A text edit in one file: replace [start, end) (offsets; range for LSP clients) with newText. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * Whether the fix cannot change what the file means (a debug tag, `/busybox/sh`, an enum's case):
   * `--fix` applies only these. A guess (a did-you-mean rename, an added keep-alive) is unsafe:
   * a quick fix in editors, applied by `--fix-unsafe` (ruff's model).
   */
  safe: boolean;
}

export interface Diagnostic {
  code: string;
  source: 'jenkinsfile-lint';
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  /** The rule's docs page. */
  href: string;
  related?: RelatedInfo[];
  /** An automatic fix: a quick fix in editors; `--fix` applies it when it is safe. */
  fix?: Fix;
}

/** A rule's report before severity and positions are applied. */
export interface Finding {
  code: string;
  loc: Loc;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. a warning when a parent is invisible). */
  severity?: Severity;
  related?: Array<{ loc: Loc; message: string }>;
  /** `verbatim`: newText is Groovy source for [loc) (a whole string literal rewritten), not text inside a string. */
  fix?: { title: string; edits: Array<{ loc: Loc; newText: string; verbatim?: true }>; safe: boolean };
}
