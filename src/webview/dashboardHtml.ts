// The dashboard page: a strict Content Security Policy (nothing but our own bundle and stylesheets,
// the script gated by a fresh nonce), no inline script or handlers. Pure, so the policy is unit-tested.
import { randomBytes } from 'node:crypto';

export interface DashboardResources {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconsUri: string;
}

/** 128 random bits per page load; a nonce that repeats would let an injected script run. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function dashboardHtml(resources: DashboardResources, scaleSetId: string, title: string, nonce = createNonce()): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(resources.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(resources.codiconsUri)}">
<link rel="stylesheet" href="${attr(resources.styleUri)}">
<title>${attr(title)}</title>
</head>
<body data-scale-set-id="${attr(scaleSetId)}">
<div id="app"><p>Loading…</p></div>
<script nonce="${attr(nonce)}" src="${attr(resources.scriptUri)}"></script>
</body>
</html>`;
}
