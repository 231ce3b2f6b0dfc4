// Telemetry inside a real VS Code (issue 8): every command is measured through the registration point,
// events hold nothing private, and with the user's telemetry off nothing leaves the machine even when a
// connection string is configured.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { findSensitiveData } from '../../src/shared/redact';
import { TelemetryReporter } from '@vscode/extension-telemetry';
import { createReporterSink } from '../../src/telemetry/telemetry-reporter';
import { sanitizeEvent } from '../../src/telemetry/sanitize';

const extensionId = 'vmss-upgrades.vmss-upgrades';
const hostileId = '/subscriptions/7d3c1b2a-0f9e-4d8c-b7a6-5e4d3c2b1a09/resourceGroups/rg-secret/providers/Microsoft.Web/sites/secret-site';

async function api(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  return extension.activate();
}

function capture(ext: ExtensionApi) {
  assert.ok(ext.telemetryCapture, 'outside production mode the extension exposes its captured telemetry');
  return ext.telemetryCapture;
}

async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('telemetry in a real VS Code', () => {
  let ext: ExtensionApi;

  before(async () => {
    ext = await api();
  });

  it('reports activation with its duration and the kind of connection', async () => {
    const activation = await until(() => capture(ext).events.find((e) => e.name === 'activation'));
    assert.ok(['azure', 'simulator', 'none'].includes(activation.properties.connection));
    assert.ok(activation.measurements.durationMs >= 0 && activation.measurements.durationMs < 10_000);
  });

  it('measures a command run through VS Code: its id, outcome and duration', async () => {
    const before = capture(ext).events.length;
    await vscode.commands.executeCommand('vmssUpgrades.refresh');
    const events = capture(ext).events.slice(before).filter((e) => e.name === 'command');
    assert.deepEqual(events.map((e) => e.properties), [{ command: 'vmssUpgrades.refresh', outcome: 'succeeded' }]);
    assert.equal(typeof events[0].measurements.durationMs, 'number');
  });

  it('reports a failed command by an error code only, never the message with the id it held', async () => {
    const before = capture(ext).events.length;
    await vscode.commands.executeCommand('vmssUpgrades.showDashboard', hostileId);
    const [event] = capture(ext).events.slice(before).filter((e) => e.name === 'command');
    assert.ok(event, 'the failing command was measured');
    assert.equal(event.properties.command, 'vmssUpgrades.showDashboard');
    assert.equal(event.properties.outcome, 'failed');
    assert.match(event.properties.errorCode ?? '', /^[A-Za-z][A-Za-z0-9_]+$/);
    assert.equal(event.isError, true);
    const text = JSON.stringify(event);
    assert.deepEqual(findSensitiveData(text, ['rg-secret', 'secret-site']), []);
  });

  it('reports the readiness findings of an opened template as rule counts, without its name or path', async function () {
    this.timeout(60_000);
    const before = capture(ext).events.length;
    const folder = mkdtempSync(path.join(os.tmpdir(), 'secret-project-'));
    const file = path.join(folder, 'payments-prod-vmss.json');
    // A real template (MIT, see test/fixtures/arm-corpus/INDEX.md) whose expected findings are R3 and R4.
    copyFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'arm-corpus', 'qs21-vmss-windows-autoscale.json'), file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const lint = await until(() => capture(ext).events.slice(before).find((e) => e.name === 'lint'), 30_000);
    assert.equal(lint.properties.source, 'editor');
    assert.equal(lint.measurements.documents, 1);
    assert.ok((lint.measurements.R3 ?? 0) >= 1 && (lint.measurements.R4 ?? 0) >= 1, JSON.stringify(lint.measurements));
    assert.ok(lint.measurements.findings >= 2);
    assert.deepEqual(findSensitiveData(JSON.stringify(lint), [folder, 'payments-prod-vmss', 'secret-project']), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    rmSync(folder, { recursive: true, force: true });
  });

  const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/';
  const recordingFetcher = (requests: string[]) => async (url: string) => {
    requests.push(url);
    return { status: 200, text: async () => '', headers: [] as Iterable<[string, string]> };
  };

  it('control: the recording transport does see events that bypass the telemetry setting', async () => {
    const requests: string[] = [];
    const reporter = new TelemetryReporter(connectionString, undefined, undefined, recordingFetcher(requests));
    reporter.sendDangerousTelemetryEvent('control', { outcome: 'succeeded' });
    await settle(); // the Application Insights client loads asynchronously, then sends its queue
    await reporter.dispose(); // flushes
    await until(() => (requests.length > 0 ? true : undefined), 5000).catch(() => undefined);
    assert.ok(requests.length > 0, 'a forced event reaches the transport, so an empty list below means nothing was sent');
  });

  it('sends nothing while VS Code telemetry is off, even with a connection string configured', async () => {
    assert.equal(vscode.env.isTelemetryEnabled, false, 'the test host runs with telemetry off');
    const requests: string[] = [];
    const sink = createReporterSink(connectionString, recordingFetcher(requests));
    assert.equal(sink.level, 'off');
    for (let i = 0; i < 20; i++) {
      sink.send(sanitizeEvent('command', { command: 'vmssUpgrades.refresh', outcome: 'succeeded' }, { durationMs: i }), false);
      sink.send(sanitizeEvent('command', { command: 'vmssUpgrades.refresh', outcome: 'failed', errorCode: 'Error' }, { durationMs: i }), true);
    }
    await settle(); // as long as the control waited for the client
    await sink.dispose(); // flushes whatever the client queued
    await settle();
    assert.deepEqual(requests, []);
  });

  it('the connection-string setting is user-only, so a workspace cannot redirect telemetry', () => {
    const inspected = vscode.workspace.getConfiguration().inspect<string>('vmssUpgrades.telemetry.connectionString');
    assert.equal(inspected?.defaultValue, '');
    const property = vscode.extensions.getExtension(extensionId)?.packageJSON.contributes.configuration.properties['vmssUpgrades.telemetry.connectionString'];
    assert.equal(property.scope, 'application');
  });

  after(() => {
    // Every event this run produced, scanned for data that must never be sent.
    const events = ext ? capture(ext).events : [];
    assert.ok(events.length >= 3);
    assert.deepEqual(findSensitiveData(JSON.stringify(events)), []);
  });
});
