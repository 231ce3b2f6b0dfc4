// The dashboard client outside VS Code, for the benchmark and quick previews: the real bundle
// (dist/webview/dashboard.js) and stylesheet in Debian's Chromium, with a stand-in for the
// `acquireVsCodeApi` global and a few Dark Modern theme colours. Messages are delivered the way the
// webview receives them (a `message` event on window).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { HostMessage } from '../src/webview/contract';

const root = path.resolve(__dirname, '..', path.basename(path.resolve(__dirname, '..')) === 'out' ? '..' : '.');

// A subset of Dark Modern, enough for the dashboard to look as it does in VS Code.
const themeColours: Record<string, string> = {
  foreground: '#cccccc',
  descriptionForeground: '#9d9d9d',
  errorForeground: '#f85149',
  'editor-background': '#1f1f1f',
  'sideBar-background': '#181818',
  'panel-border': '#2b2b2b',
  'widget-border': '#313131',
  focusBorder: '#0078d4',
  'button-background': '#0078d4',
  'button-foreground': '#ffffff',
  'button-hoverBackground': '#026ec1',
  'button-secondaryBackground': '#313131',
  'button-secondaryForeground': '#cccccc',
  'button-secondaryHoverBackground': '#3c3c3c',
  'charts-red': '#f14c4c',
  'charts-blue': '#3794ff',
  'charts-yellow': '#cca700',
  'charts-orange': '#d18616',
  'charts-green': '#89d185',
  'charts-purple': '#b180d7',
  'editorWarning-foreground': '#cca700',
  'testing-iconPassed': '#73c991',
  'textLink-foreground': '#4daafc',
  'disabledForeground': '#6e7681',
};

export interface DashboardPage {
  readonly page: Page;
  /** Delivers a host message and resolves when the client has rendered it and the frame is painted. */
  deliver(message: HostMessage): Promise<number>;
  /** Messages the client posted to the extension. */
  posted(): Promise<unknown[]>;
  close(): Promise<void>;
}

// Runs in the page. Kept as source text: a compiled closure may reference helpers (e.g. esbuild's
// __name) that do not exist in the page.
const deliverInPage = `function deliver(m) {
  return new Promise(function (resolve) {
    var before = Number(document.body.dataset.renders || 0);
    var start = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: m }));
    // The client renders on the next animation frame; the frame after that is on screen.
    (function waitForRender() {
      if (Number(document.body.dataset.renders || 0) > before) requestAnimationFrame(function () { setTimeout(function () { resolve(performance.now() - start); }, 0); });
      else requestAnimationFrame(waitForRender);
    })();
  });
}`;

export async function openDashboardPage(scaleSetId: string, viewport = { width: 1400, height: 1000 }): Promise<DashboardPage> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-page-'));
  const vars = Object.entries(themeColours).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  const file = (p: string) => pathToFileURL(path.join(root, p)).href;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<style>:root { ${vars} --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace; }</style>
<link rel="stylesheet" href="${file('node_modules/@vscode/codicons/dist/codicon.css')}">
<link rel="stylesheet" href="${file('media/dashboard.css')}">
<script>
  window.__posted = [];
  let saved;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => saved, setState: (s) => { saved = s; } });
</script></head>
<body data-scale-set-id="${scaleSetId}"><div id="app"></div><script src="${file('dist/webview/dashboard.js')}"></script></body></html>`;
  writeFileSync(path.join(dir, 'index.html'), html);
  const context: BrowserContext = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    handleSIGINT: false,
    handleSIGTERM: false,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  await page.waitForSelector('#run-heading');
  return {
    page,
    deliver: (message) => page.evaluate(`(${deliverInPage})(${JSON.stringify(message)})`) as Promise<number>,
    posted: () => page.evaluate('window.__posted') as Promise<unknown[]>,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
