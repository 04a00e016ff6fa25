import * as vscode from 'vscode';

/*
 * Every pick and input box of the extension comes from here, and stays open when focus leaves it.
 * A timeline or metrics webview that had focus takes it back as the Command Palette closes, which
 * hid a pick the moment it opened; and mid-outage, a click into a terminal to copy a pod name must
 * not throw away the answers typed so far. Escape still closes them.
 */

export function showPick<T extends vscode.QuickPickItem | string>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany: true }, token?: vscode.CancellationToken): Thenable<T[] | undefined>;
export function showPick<T extends vscode.QuickPickItem | string>(items: readonly T[] | Thenable<readonly T[]>, options?: vscode.QuickPickOptions, token?: vscode.CancellationToken): Thenable<T | undefined>;
export function showPick<T extends vscode.QuickPickItem | string>(items: readonly T[] | Thenable<readonly T[]>, options?: vscode.QuickPickOptions, token?: vscode.CancellationToken): Thenable<T | T[] | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- the one place that calls it
  const show = vscode.window.showQuickPick as (i: typeof items, o: vscode.QuickPickOptions, t?: vscode.CancellationToken) => Thenable<T | T[] | undefined>;
  return show.call(vscode.window, items, { ...options, ignoreFocusOut: true }, token);
}

export function askText(options: vscode.InputBoxOptions, token?: vscode.CancellationToken): Thenable<string | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- the one place that calls it
  return vscode.window.showInputBox({ ...options, ignoreFocusOut: true }, token);
}

export function createPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
  // eslint-disable-next-line no-restricted-syntax -- the one place that calls it
  const qp = vscode.window.createQuickPick<T>();
  qp.ignoreFocusOut = true;
  return qp;
}
