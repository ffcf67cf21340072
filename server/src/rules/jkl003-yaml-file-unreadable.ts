import type { Rule } from './rule.js';

export const rule: Rule = {
  code: 'JKL003',
  name: 'yaml-file-unreadable',
  severity: 'error',
  summary: '`yamlFile` names a file that does not exist at the repository root, lies outside the workspace, or is too large',
  fixable: ['unsafe'],
  check(ctx) {
    for (const pod of ctx.pods) {
      const problem = pod.fileProblem;
      if (problem?.callersFile) {
        ctx.report({
          loc: problem.loc,
          severity: 'info',
          message: `${problem.message}; this is shared-library code, and Jenkins reads its yamlFile from the repository of the job that calls it, which the linter cannot see: this pod is not checked`,
        });
      } else if (problem) ctx.report({ loc: problem.loc, message: problem.message });
      const beside = pod.yamlFileBesideJenkinsfile;
      if (!beside) continue;
      const written = ctx.extraction.source.slice(beside.literal.start, beside.literal.end);
      ctx.report({
        loc: beside.loc,
        message: `yamlFile '${written}' does not exist at the repository root, where Jenkins reads it (readTrusted); the file beside the Jenkinsfile is '${beside.fromRoot}' from the root`,
        fix: { title: `Name it from the repository root: '${beside.fromRoot}'`, edits: [{ loc: beside.literal, newText: beside.fromRoot }], safe: false },
      });
    }
  },
};
