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
  contexts: { summary: 'List Kubernetes contexts from the kubeconfig files (merged like kubectl)', load: () => import('./commands/contexts.js') },
};
