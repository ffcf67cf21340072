// A host that reads the files a fix pass has already changed from memory: --fix computes every pass
// before it writes anything, and --fix-dry-run writes nothing at all.

import type { Host } from '../core/host.js';

export function withTexts(host: Host, texts: ReadonlyMap<string, string>): Host {
  return {
    readReferencedFile(relativePath, jenkinsfile) {
      const read = host.readReferencedFile(relativePath, jenkinsfile);
      const text = read.ok ? texts.get(read.path) : undefined;
      return read.ok && text !== undefined ? { ...read, text } : read;
    },
    ...(host.libraryGlobals ? { libraryGlobals: (jenkinsfile: string) => host.libraryGlobals!(jenkinsfile) } : {}),
    ...(host.shellcheck ? { shellcheck: host.shellcheck.bind(host) } : {}),
  };
}
