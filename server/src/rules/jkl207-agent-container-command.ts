import type { Rule } from './rule.js';

/** Words that show the command still starts the Jenkins agent (wrapped in a shell, a script, …). */
const STARTS_AGENT = /jenkins-agent|jenkins-slave|agent\.jar|slave\.jar|remoting|jnlp|entrypoint|\$\{?computer\./i;

export const rule: Rule = {
  code: 'JKL207',
  name: 'agent-container-command',
  severity: 'error',
  summary: "The agent container's command is replaced (e.g. `cat`, `sleep`), so the agent never connects",
  check(ctx) {
    for (const pod of ctx.pods) {
      const injected = pod.template.options.get('agentInjection')?.value;
      // agentInjection overwrites the agent container's command anyway.
      if (injected?.kind === 'bool' && injected.raw === 'true') continue;
      for (const c of pod.containers) {
        if (c.name !== pod.agentContainer || !c.command || c.command.interpolated) continue;
        const all = [...c.command.words, ...(c.args?.words ?? [])].join(' ').trim();
        // An empty command leaves the image's own in place (and a string one is JKL102's).
        if (!all || STARTS_AGENT.test(all)) continue;
        ctx.report({
          loc: c.command.loc,
          message: `The agent container "${c.name}" runs \`${all}\` instead of the Jenkins agent: the agent never connects and the build waits until "Agent is not connected"; remove the command`,
        });
      }
    }
  },
};
