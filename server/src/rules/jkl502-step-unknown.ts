import { catalogFor } from '../catalog/for-jenkins.js';
import { nearMiss } from '../catalog/near-miss.js';
import type { Catalog } from '../catalog/catalog.js';
import { SECTIONS } from '../declarative/sections.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL502',
  name: 'step-unknown',
  severity: 'warning',
  summary: 'A step name no plugin of the catalog defines that is one slip from one it does (`chekout`); Jenkins fails there at run time',
  check(ctx) {
    const d = ctx.declarative;
    if (!d.stepCalls || !d.definedNames || !d.identifiers) return;
    const catalog = catalogFor(ctx.config.jenkins);
    const slipOf = slips(catalog);
    // Step names are identifiers: where none is a slip, the file's code need not be read for its calls.
    let any = false;
    for (const name of d.identifiers()) if ((any = slipOf(name) !== undefined)) break;
    if (!any) return;
    const defined = d.definedNames();
    // Read only when a name is not known otherwise: it lists a folder, on every edit in the editor.
    let library: Set<string> | undefined;
    for (const c of d.stepCalls()) {
      const close = slipOf(c.name);
      if (!close || defined.has(c.name)) continue;
      if ((library ??= new Set(ctx.libraryGlobals())).has(c.name)) continue;
      ctx.report({
        loc: { file: ctx.file, ...c.nameSpan },
        message: `Unknown step "${c.name}": did you mean "${close}"? Jenkins stops the build there: No such DSL method '${c.name}' found among steps`,
      });
    }
  },
};

/** Declarative's own words (`stages`, `steps`, …) written in Groovy code are Declarative out of place, not a misspelt `stage`/`step`. */
const DECLARATIVE_WORDS = new Set(SECTIONS.map((s) => s.name));

const slipsOf = new WeakMap<Catalog, (name: string) => string | undefined>();

/**
 * The catalog step a name is a slip of, for a name the catalog does not know otherwise (isKnownName:
 * steps, @Symbols, and the globals of the config and the GDSL export) and no Declarative word; kept
 * per name, as the same names come back in file after file and edit after edit.
 */
function slips(catalog: Catalog): (name: string) => string | undefined {
  let slipOf = slipsOf.get(catalog);
  if (!slipOf) {
    const steps = catalog.all('step').map((e) => e.symbol);
    const known = new Map<string, string | undefined>();
    slipOf = (name) => {
      if (known.has(name)) return known.get(name);
      // Bounded: a long-running language server sees many names.
      if (known.size >= 100_000) known.clear();
      // Jenkins accepts unknown names at start-up, and libraries and uncovered plugins add steps: only a slip is worth a word.
      const slip = catalog.isKnownName(name) || DECLARATIVE_WORDS.has(name) ? undefined : nearMiss(name, steps);
      known.set(name, slip);
      return slip;
    };
    slipsOf.set(catalog, slipOf);
  }
  return slipOf;
}
