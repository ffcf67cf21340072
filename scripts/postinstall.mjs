// Root postinstall: in a source checkout (`npm ci` on a clone), build the linter; in an installed
// copy of this package (pre-commit installs the repository as a package) it is already built.
// A postinstall rather than `prepare`, because npm runs `prepare` on `npm pack` too, and its
// banner would end up in the pack output that pre-commit reads the tarball name from.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (existsSync(join(root, 'server', 'src'))) execSync('npm run build', { cwd: root, stdio: 'inherit' });
