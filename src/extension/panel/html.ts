/**
 * The page's HTML: a locked-down shell that loads the bundled script and styles. No data is
 * written into the HTML (state arrives by message), so nothing from a commit or clients.md ever
 * reaches markup here.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Webview options: scripts on, command links off, only the built webview folder readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [webviewRoot(extensionUri)],
  };
}

export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** A fresh nonce for every render. */
export function nonce(): string {
  return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

export function contentSecurityPolicy(cspSource: string, n: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, lang: string): string {
  const n = nonce();
  const root = webviewRoot(extensionUri);
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, n)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" id="vscode-codicon-stylesheet" href="${esc(asset('codicon.css'))}">
<link rel="stylesheet" nonce="${n}" href="${esc(asset('main.css'))}">
<title>${esc(title)}</title>
</head>
<body>
<div id="app" class="app"><p class="loading">…</p></div>
<script nonce="${n}" src="${esc(asset('main.js'))}"></script>
</body>
</html>`;
}
