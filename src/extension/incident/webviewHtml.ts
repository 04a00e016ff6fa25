import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The HTML shell of our webviews: a strict Content-Security-Policy (no inline script or
 * style, scripts only with this page's nonce, resources only from media/), codicons, and
 * the theme's CSS variables.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, opts: { title: string; scripts: string[]; styles: string[]; body: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (rel: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', rel)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('vendor/codicons/codicon.css')}">
${opts.styles.map((s) => `<link rel="stylesheet" href="${uri(s)}">`).join('\n')}
<title>${escapeHtml(opts.title)}</title>
</head>
<body>
${opts.body}
${opts.scripts.map((s) => `<script nonce="${nonce}" src="${uri(s)}"></script>`).join('\n')}
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A webview panel that may load only from media/, with our icon and HTML shell. */
export function createPanel(extensionUri: vscode.Uri, viewType: string, title: string, column: vscode.ViewColumn, assets: { styles: string[]; scripts: string[] }): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, title, column, {
    enableScripts: true,
    retainContextWhenHidden: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  });
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'runbook-lens.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, { title, ...assets, body: '<div id="app" class="app"></div>' });
  return panel;
}
