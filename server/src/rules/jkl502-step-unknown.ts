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
    const steps = ctx.declarative.steps?.();
    if (!steps) return;
    const catalog = catalogFor(ctx.config.jenkins);
    // Read only when a name is not known otherwise: it lists a folder, on every edit in the editor.
    let library: Set<string> | undefined;
    const names = stepNames(catalog);
    for (const c of steps.calls) {
      // Jenkins accepts unknown names at start-up, and libraries and uncovered plugins add steps: only a slip is worth a word.
      // isKnownName: steps, @Symbols, and the globals of the config and the GDSL export.
      if (catalog.isKnownName(c.name) || steps.defined.has(c.name) || DECLARATIVE_WORDS.has(c.name)) continue;
      if ((library ??= new Set(ctx.libraryGlobals())).has(c.name)) continue;
      const close = nearMiss(c.name, names);
      if (!close) continue;
      ctx.report({
        loc: { file: ctx.file, ...c.nameSpan },
        message: `Unknown step "${c.name}": did you mean "${close}"? Jenkins stops the build there: No such DSL method '${c.name}' found among steps`,
      });
    }
  },
};

/** Declarative's own words (`stages`, `steps`, …) written in Groovy code are Declarative out of place, not a misspelt `stage`/`step`. */
const DECLARATIVE_WORDS = new Set(SECTIONS.map((s) => s.name));

const namesOf = new WeakMap<Catalog, string[]>();

function stepNames(catalog: Catalog): string[] {
  let names = namesOf.get(catalog);
  if (!names) namesOf.set(catalog, (names = catalog.all('step').map((e) => e.symbol)));
  return names;
}
