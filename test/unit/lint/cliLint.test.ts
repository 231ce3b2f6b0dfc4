// `vmss-upgrades lint`: formats, exit codes, and the sibling parameter file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusDirectory } from './corpusFixtures';
import { runCli } from '../support/runCli';

const corpus = (name: string) => path.join(corpusDirectory, name);

const minimalTemplate = (image: string) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { imageSku: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachineScaleSets',
          apiVersion: '2024-07-01',
          name: 'web',
          properties: {
            upgradePolicy: { mode: 'Automatic', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } },
            virtualMachineProfile: {
              storageProfile: { imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: image, version: 'latest' } },
              osProfile: { linuxConfiguration: {} },
              extensionProfile: {
                extensions: [{ name: 'health', properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthLinux', typeHandlerVersion: '2.0' } }],
              },
            },
          },
        },
      ],
    },
    null,
    2,
  );

describe('cli: vmss-upgrades lint', () => {
  it('prints JSON findings with file, rule, code, severity, message, resource, line, column and exits 1 on an error', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json', corpus('qs21-vmss-windows-autoscale.json')]);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout) as Record<string, unknown>[];
    const r3 = findings.find((f) => f.rule === 'R3');
    assert.ok(r3);
    assert.deepEqual(Object.keys(r3).sort(), ['code', 'column', 'file', 'line', 'message', 'resource', 'rule', 'severity']);
    assert.equal(r3.code, 'vmss-health-signal');
    assert.equal(r3.severity, 'error');
    assert.ok(typeof r3.line === 'number' && r3.line > 1 && typeof r3.column === 'number' && r3.column >= 1);
  });

  it('exits 0 when only information remains (a ready, enabled template)', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json', corpus('sfct-windows-mi-autoosupgrade.json')]);
    assert.equal(code, 0);
    const findings = JSON.parse(stdout) as { severity: string }[];
    assert.ok(findings.length > 0 && findings.every((f) => f.severity === 'information'));
  });

  it('writes SARIF 2.1.0 with the rule catalog and one result per finding', async () => {
    const json = await runCli(['lint', '--format', 'json', corpus('fitz-dailyupdate.json')]);
    const { code, stdout } = await runCli(['lint', '--format', 'sarif', corpus('fitz-dailyupdate.json')]);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'vmss-legacy-auto-upgrade-flag' && r.helpUri.startsWith('https://learn.microsoft.com/')));
    assert.equal(run.results.length, (JSON.parse(json.stdout) as unknown[]).length);
    assert.ok(run.results.some((r) => r.ruleId === 'vmss-image-supported' && r.level === 'error'));
  });

  it('uses the sibling <name>.parameters.json for parameters without a default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vmss-lint-'));
    const template = path.join(dir, 'main.json');
    writeFileSync(template, minimalTemplate("[parameters('imageSku')]"));
    const without = JSON.parse((await runCli(['lint', '--format', 'json', template])).stdout) as { rule: string; message: string }[];
    assert.ok(without.some((f) => f.rule === 'R2' && f.message.includes('deployment-time')));
    writeFileSync(path.join(dir, 'main.parameters.json'), JSON.stringify({ parameters: { imageSku: { value: '16.04-LTS' } } }));
    const withFile = await runCli(['lint', '--format', 'json', template]);
    assert.equal(withFile.code, 1);
    assert.ok((JSON.parse(withFile.stdout) as { rule: string; severity: string }[]).some((f) => f.rule === 'R2' && f.severity === 'error'));
  });

  it('honours --severity overrides and reports usage errors with exit code 2', async () => {
    const relaxed = await runCli(['lint', '--format', 'json', '--severity', 'vmss-health-signal=warning,R4=off', corpus('qs21-vmss-windows-autoscale.json')]);
    const findings = JSON.parse(relaxed.stdout) as { rule: string; severity: string }[];
    assert.equal(relaxed.code, 0);
    assert.ok(findings.some((f) => f.rule === 'R3' && f.severity === 'warning'));
    assert.ok(!findings.some((f) => f.rule === 'R4'));
    assert.equal((await runCli(['lint', '--format', 'xml', corpus('fitz-autoupdate.json')])).code, 2);
    assert.equal((await runCli(['lint', path.join(corpusDirectory, 'no-such-file.json')])).code, 2);
  });

  it('reports JSON that is not a deployment template and exits 2 (issue 14: a skipped file is no pass)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vmss-lint-'));
    const file = path.join(dir, 'package.json');
    writeFileSync(file, '{"name": "x"}');
    const { code, stderr, stdout } = await runCli(['lint', '--format', 'json', file]);
    assert.equal(code, 2);
    assert.match(stderr, /not an ARM deployment template/);
    assert.deepEqual((JSON.parse(stdout) as { rule: string }[]).map((f) => f.rule), ['input']);
  });
});
