import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, dashboardHtml } from '../../../src/webview/dashboardHtml';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/dashboard.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.css',
  codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/node_modules/@vscode/codicons/dist/codicon.css',
};

describe('dashboard page', () => {
  it('denies everything by default and allows scripts only with the nonce', () => {
    const csp = contentSecurityPolicy(resources.cspSource, 'abc');
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads the one script with the nonce, has no inline script or handlers', () => {
    const html = dashboardHtml(resources, '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web', 'Upgrades: web', 'n0nce');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], /nonce="n0nce"/);
    assert.match(scripts[0][1], /src="https:\/\/file\+\.vscode-resource[^"]+dashboard\.js"/);
    assert.equal(scripts[0][2].trim(), '');
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('escapes the scale set id and title into attributes', () => {
    const html = dashboardHtml(resources, '/subscriptions/s/x"><script>alert(1)</script>', 'a<b', 'n');
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /data-scale-set-id="\/subscriptions\/s\/x&quot;&gt;&lt;script&gt;/);
  });

  it('makes a different 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    assert.equal(Buffer.from(createNonce(), 'base64').length, 16);
  });
});
