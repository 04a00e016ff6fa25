import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * `runbookLens.kubeconfig`: files to read instead of KUBECONFIG / ~/.kube/config.
 * `~` and `${workspaceFolder}` are expanded; relative paths are relative to the workspace folder.
 */
export function configuredKubeconfigs(): string[] | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const files = vscode.workspace.getConfiguration('runbookLens').get<string[]>('kubeconfig') ?? [];
  const expanded = files
    .filter((f) => typeof f === 'string' && f.trim() !== '')
    .map((f) => f.trim().replace(/^~(?=$|[/\\])/, os.homedir()).replace(/\$\{workspaceFolder\}/g, folder ?? '.'))
    .map((f) => (path.isAbsolute(f) ? f : path.resolve(folder ?? process.cwd(), f)));
  return expanded.length > 0 ? expanded : undefined;
}
