// What every formatter receives: per file, its diagnostics and the texts they point into.

import type { Diagnostic } from '../../core/diagnostic.js';

export interface FileReport {
  /** The path to show: as given on the command line, or relative to the current directory. */
  file: string;
  diagnostics: Diagnostic[];
  /** The file's text, for excerpts. */
  text: string;
}
