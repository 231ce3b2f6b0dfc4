// The readiness rules on Bicep (issue 14): the same rules as ARM over a ScaleSetModel built from
// Bicep, with positions in the Bicep source, and quick fixes as Bicep edits that parse and clear
// the finding.
import assert from 'node:assert/strict';
import { bicepParser, syntaxErrors } from '../../../src/bicep/bicepParser';
import { lintBicepText, type BicepLintOptions } from '../../../src/bicep/lintBicep';
import type { TextEdit } from '../../../src/lint/quickFixEdits';
import { readyBicepScaleSet } from '../support/bicepScaleSet';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

async function rules(text: string, options: BicepLintOptions = {}): Promise<string[]> {
  const result = await lintBicepText(text, options);
  assert.deepEqual(result.syntaxErrors, []);
  return result.findings.filter((f) => f.severity !== 'information').map((f) => f.rule);
}

describe('Bicep lint: the readiness rules on Bicep (issue 14)', () => {
  it('a ready scale set has no error or warning findings', async () => {
    assert.deepEqual(await rules(readyBicepScaleSet()), []);
  });

  it('R1: a pinned image version is an error at the version in the Bicep source, and the fix writes latest', async () => {
    const text = readyBicepScaleSet({ version: '1.2.3' });
    const result = await lintBicepText(text);
    const r1 = result.findings.find((f) => f.rule === 'R1')!;
    assert.equal(text.slice(r1.range.offset, r1.range.offset + r1.range.length), "'1.2.3'");
    assert.equal(r1.start.line, text.split('\n').findIndex((l) => l.includes("'1.2.3'")));
    const fixed = applyEdits(text, r1.fixes[0].edits);
    assert.match(fixed, /version: 'latest'/);
    assert.deepEqual(await rules(fixed), []);
  });

  it('R4: the apiVersion comes from the type string; the fix edits the @version', async () => {
    const text = readyBicepScaleSet({ apiVersion: '2017-12-01' });
    const result = await lintBicepText(text);
    const r4 = result.findings.find((f) => f.rule === 'R4')!;
    assert.ok(r4);
    const fixed = applyEdits(text, r4.fixes[0].edits);
    assert.match(fixed, /virtualMachineScaleSets@2024-07-01'/);
    assert.ok(!(await rules(fixed)).includes('R4'));
  });

  it('R3/R15: without a health signal; the fix adds the extension as Bicep that parses', async () => {
    const text = readyBicepScaleSet().replace(/ {6}extensionProfile: \{[\s\S]*?\n {6}\}\n/, '');
    assert.ok(!text.includes('extensionProfile'));
    const result = await lintBicepText(text);
    const r3 = result.findings.find((f) => f.rule === 'R3')!;
    assert.ok(r3, 'R3 reported');
    assert.ok(result.findings.some((f) => f.rule === 'R15'), 'R15 reported (Rolling without health)');
    const fix = r3.fixes.find((f) => /Application Health/.test(f.title))!;
    const fixed = applyEdits(text, fix.edits);
    const parser = await bicepParser();
    assert.deepEqual(syntaxErrors(parser.parse(fixed)!.rootNode), []);
    assert.match(fixed, /\n {6}extensionProfile: \{\n {8}extensions: \[\n {10}\{\n {12}name: 'HealthExtension'/);
    assert.deepEqual(await rules(fixed), []);
  });

  it('R12: automatic OS upgrade off; the fix adds automaticOSUpgradePolicy in Bicep syntax', async () => {
    const text = readyBicepScaleSet().replace(/ {6}automaticOSUpgradePolicy: \{[\s\S]*?\n {6}\}\n/, '');
    const result = await lintBicepText(text);
    const r12 = result.findings.find((f) => f.rule === 'R12' && f.fixes.length > 0)!;
    const fixed = applyEdits(text, r12.fixes[0].edits);
    assert.match(fixed, /automaticOSUpgradePolicy: \{\n {8}enableAutomaticOSUpgrade: true\n {8}useRollingUpgradePolicy: true\n {6}\}/);
    const after = await lintBicepText(fixed);
    assert.ok(!after.findings.some((f) => f.rule === 'R12' && f.fixes.length > 0));
  });

  it('RP1: a misspelt rolling policy property is renamed by the fix', async () => {
    const text = readyBicepScaleSet({ extra: '' }).replace("      mode: 'Rolling'\n", "      mode: 'Rolling'\n      rollingUpgradePolicy: {\n        maxBatchInstancePercnt: 20\n      }\n");
    const result = await lintBicepText(text);
    const rp1 = result.findings.find((f) => f.rule === 'RP1')!;
    assert.ok(rp1);
    const fixed = applyEdits(text, rp1.fixes[0].edits);
    assert.match(fixed, /maxBatchInstancePercent: 20/);
  });

  it('a finding follows parameters, variables and ternaries: pinned only when the parameter says so', async () => {
    const text = `param pin bool = true\nvar image = {\n  version: pin ? '1.0.0' : 'latest'\n}\n${readyBicepScaleSet().replace("version: 'latest'", 'version: image.version')}`;
    assert.ok((await rules(text)).includes('R1'));
    assert.ok(!(await rules(text, { parameterValues: new Map([['pin', false]]) })).includes('R1'));
  });

  it('an unknown condition with differing branches is not a guess: no error either way', async () => {
    const text = `param pin bool\n${readyBicepScaleSet().replace("version: 'latest'", "version: pin ? '1.0.0' : 'latest'")}`;
    const result = await lintBicepText(text);
    const r1 = result.findings.filter((f) => f.rule === 'R1');
    assert.ok(r1.every((f) => f.severity !== 'error' || /depend|one of/i.test(f.message)), JSON.stringify(r1.map((f) => f.message)));
  });

  it('if (false) and existing scale sets are not judged', async () => {
    const off = readyBicepScaleSet({ version: '1.2.3' }).replace("virtualMachineScaleSets@2024-07-01' = {", "virtualMachineScaleSets@2024-07-01' = if (false) {");
    assert.deepEqual((await lintBicepText(off)).findings, []);
    const existing = "resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' existing = {\n  name: 'web'\n}\n";
    assert.deepEqual((await lintBicepText(existing)).findings, []);
  });

  it('a child extension resource with parent: counts as the health signal (R3)', async () => {
    const noProfileExtension = readyBicepScaleSet().replace(/ {6}extensionProfile: \{[\s\S]*?\n {6}\}\n/, '');
    const withChild = `${noProfileExtension}
resource health 'Microsoft.Compute/virtualMachineScaleSets/extensions@2024-07-01' = {
  parent: vmss
  name: 'health'
  properties: {
    publisher: 'Microsoft.ManagedServices'
    type: 'ApplicationHealthLinux'
    typeHandlerVersion: '2.0'
  }
}
`;
    assert.ok((await rules(noProfileExtension)).includes('R3'));
    assert.ok(!(await rules(withChild)).includes('R3'));
  });

  it('local module: findings of the module scale set with the values passed in, at the module declaration', async () => {
    const module = `param version string = 'latest'\n${readyBicepScaleSet().replace("version: 'latest'", 'version: version')}`;
    const main = "module web './vmss.bicep' = {\n  name: 'web'\n  params: {\n    version: '9.9.9'\n  }\n}\n";
    const result = await lintBicepText(main, { path: '/w/main.bicep', readFile: (p) => (p === '/w/vmss.bicep' ? module : undefined) });
    const r1 = result.findings.find((f) => f.rule === 'R1')!;
    assert.ok(r1, 'R1 from the module');
    assert.match(r1.message, /^module 'web' \(\.\/vmss\.bicep\): R1/);
    assert.equal(main.slice(r1.range.offset, r1.range.offset + r1.range.length), "'./vmss.bicep'");
  });

  it('a sibling .bicepparam (using this file) supplies the values', async () => {
    const text = `param version string = 'latest'\n${readyBicepScaleSet().replace("version: 'latest'", 'version: version')}`;
    const files: Record<string, string> = { '/w/main.bicepparam': "using './main.bicep'\nparam version = '2.0.0'\n" };
    const result = await lintBicepText(text, { path: '/w/main.bicep', readFile: (p) => files[p] });
    assert.equal(result.parameterFile, '/w/main.bicepparam');
    assert.ok(result.findings.some((f) => f.rule === 'R1'));
  });

  it('a syntax error is reported with its position and nothing is linted', async () => {
    const result = await lintBicepText("resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'x'\n  properties: {\n");
    assert.ok(result.syntaxErrors.length > 0);
    assert.deepEqual(result.findings, []);
  });
});
