// The JSON export of a scale set's history (A5 + the journal), in a real VS Code on the simulator: the
// command takes the target file as its second argument, so no save dialog is involved.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { scaleSetId } from '../../src/azure/gateway';
import { planFromAzure } from '../../src/core/rollout';

// api-gateway: 12 healthy instances one release behind (default scenario).
const ref = { subscriptionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', resourceGroup: 'rg-api', name: 'api-gateway' };
const id = scaleSetId(ref);

interface ExportedEntry {
  readonly id: string;
  readonly source: 'platform' | 'embedded';
  readonly status: string;
  readonly startedAt?: string;
  readonly startedBy?: string;
  readonly succeeded: number;
}

describe('history export to JSON (real VS Code, on the simulator)', function () {
  this.timeout(180_000);
  let api: ExtensionApi;
  let dir: string;

  before(async () => {
    api = await vscode.extensions.getExtension<ExtensionApi>('vmss-upgrades.vmss-upgrades')!.activate();
    await vscode.commands.executeCommand('vmssUpgrades.useSimulator'); // a fresh world
    await api.connection.settled();
    dir = mkdtempSync(path.join(tmpdir(), 'vmss-export-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.connection.signOut();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes Azure's OS upgrade history merged with our journal's runs, newest first, with no token or certificate", async () => {
    const gateway = (await api.connection.access())!.gateway();
    // Ours: a journaled run of the orchestrator to the latest image.
    const planned = await planFromAzure(gateway, { ref, target: { kind: 'latest' }, strategy: { kind: 'percentage' } });
    assert.ok(planned.ok, planned.ok ? '' : planned.errors.join());
    api.upgrades.runs.review(ref, planned.plan);
    const run = await api.upgrades.runs.start(id);
    const summary = await run.done!;
    assert.equal(summary.outcome, 'succeeded', summary.reason);
    // Azure's: a manual OS rolling upgrade (A6), started after our run.
    await gateway.startOsRollingUpgrade(ref);

    const file = vscode.Uri.file(path.join(dir, 'api-gateway-history.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('vmssUpgrades.exportHistory', id, file);
    assert.equal(written?.fsPath, file.fsPath);

    const text = readFileSync(file.fsPath, 'utf8');
    const exported = JSON.parse(text) as { scaleSet: string; exportedAt: string; entries: ExportedEntry[] };
    assert.equal(exported.scaleSet.toLowerCase(), id.toLowerCase());
    assert.ok(!Number.isNaN(Date.parse(exported.exportedAt)));
    const ours = exported.entries.find((e) => e.source === 'embedded' && e.id === summary.runId);
    assert.ok(ours, `our run ${summary.runId} is missing: ${text}`);
    assert.equal(ours.status, 'succeeded');
    assert.equal(ours.succeeded, 12);
    const azures = exported.entries.filter((e) => e.source === 'platform' && e.startedBy === 'User');
    assert.ok(azures.length >= 1, `the manual OS upgrade is missing: ${text}`);
    // Newest first: timestamps as ISO strings, descending; Azure's manual upgrade came after our run.
    const starts = exported.entries.map((e) => Date.parse(e.startedAt ?? ''));
    assert.ok(starts.every((t) => !Number.isNaN(t)), 'every entry has an ISO start time');
    assert.deepEqual(starts, [...starts].sort((a, b) => b - a));
    assert.ok(exported.entries.indexOf(azures[0]) < exported.entries.indexOf(ours));
    // Nothing that authenticates: no bearer token, no authorization header, no JWT, no certificate.
    assert.doesNotMatch(text, /simulator-token|bearer|authorization|eyJ[\w-]+\.|BEGIN CERTIFICATE|PRIVATE KEY/i);
  });
});
