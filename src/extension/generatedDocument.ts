import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generatedDocumentReason } from '../core/incident/generatedDocs';
import { INCIDENT_JSON } from '../core/incident/incidentFiles';
import { showError } from './commands';

const isIncidentFolder = (dir: string): boolean => fs.existsSync(path.join(dir, INCIDENT_JSON));

/** Why this document must not run (a post-mortem, timeline.md, a message draft…), or undefined. */
export function notRunnableReason(document: vscode.TextDocument): string | undefined {
  // The marker is on the first line: a few lines are enough, whatever the document's size.
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 5), 0));
  return generatedDocumentReason(document.uri.fsPath, head, isIncidentFolder);
}

/** True (after telling the user why) when `document` is a generated record; nothing may run from it. */
export function refuseGenerated(document: vscode.TextDocument): boolean {
  const why = notRunnableReason(document);
  if (why) {
    void showError(`${path.basename(document.uri.fsPath)} does not run: ${why}. Run the blocks from the runbook itself.`);
  }
  return !!why;
}
