// The catalog for the Jenkins a config describes. For now the built-in catalog as it is; the
// plugin list and a GDSL export are to narrow and extend it (issue 12, item 4).

import type { JenkinsModel } from '../core/jenkins.js';
import { builtinCatalog, type Catalog } from './catalog.js';

export function catalogFor(_jenkins: JenkinsModel): Catalog {
  return builtinCatalog();
}
