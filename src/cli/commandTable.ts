/** One line per subcommand; modules load lazily so `--help` stays fast. */
export interface CliCommand {
  help: string;
  run(argv: string[]): Promise<number>;
}

export interface CliEntry {
  summary: string;
  load(): Promise<CliCommand>;
}

export const commandTable: Record<string, CliEntry> = {
  blocks: { summary: 'List the runnable blocks of a runbook', load: () => import('./commands/blocks.js') },
  run: { summary: 'Run one block and record it in an incident timeline', load: () => import('./commands/run.js') },
  explain: { summary: 'Explain a block: what it runs, where, what is destructive, placeholders', load: () => import('./commands/explain.js') },
  contexts: { summary: 'List Kubernetes contexts from the kubeconfig files (merged like kubectl)', load: () => import('./commands/contexts.js') },
  alerts: { summary: 'List the active Alertmanager alerts; add chosen ones to an incident', load: () => import('./commands/alerts.js') },
  pagerduty: { summary: 'Acknowledge or resolve a PagerDuty alert (Events API v2)', load: () => import('./commands/pagerduty.js') },
  incident: { summary: 'Start an incident; set status, milestones, notes, pins and details', load: () => import('./commands/incident.js') },
  postmortem: { summary: 'Write the post-mortem draft of an incident (never overwrites edits)', load: () => import('./commands/postmortem.js') },
  comms: { summary: 'Print or post the initial, update or resolution message of an incident', load: () => import('./commands/comms.js') },
  metrics: { summary: 'Incident metrics: time to detect/acknowledge/resolve, counts, repeat rate', load: () => import('./commands/metrics.js') },
  lint: { summary: 'Check runbooks for flaws (exit 1 on errors, for CI)', load: () => import('./commands/lint.js') },
};
