// The build's warm-up run (scripts/bundle.mjs): the CLI on the given files, writing its code cache.
require('../server/bin/run-bundle.cjs').run('jenkinsfile-lint', { writeCache: true });
