// The template linter on focused templates: scopes (variables, parameters, parameter files,
// nested deployments, copy loops, languageVersion 2.0, apiProfile), positions and the
// rolling-policy checks.
import assert from 'node:assert/strict';
import { lintTemplateText, type LintFinding } from '../../../src/lint/lintTemplate';
import { readParameterFile } from '../../../src/lint/parameterFile';
import { scaleSet, template } from './templateBuilder';

const rules = (findings: readonly LintFinding[], severity?: string) => findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule).sort();
const errors = (text: string) => rules(lintTemplateText(text).findings, 'error');

describe('lint: template linter', () => {
  it('only lints deployment templates (by $schema, or the arm-template language)', () => {
    const noSchema = JSON.stringify({ resources: [scaleSet()] });
    assert.equal(lintTemplateText(noSchema).isTemplate, false);
    assert.equal(lintTemplateText(noSchema, { languageId: 'arm-template' }).isTemplate, true);
    assert.equal(lintTemplateText('{"$schema": "https://json.schemastore.org/package.json"}').isTemplate, false);
  });

  it('passes a ready template with no errors or warnings', () => {
    const result = lintTemplateText(template([scaleSet()]));
    assert.deepEqual(rules(result.findings).filter((r) => r !== 'R12'), []);
    assert.equal(result.scaleSets.length, 1);
  });

  it('resolves variables recursively and survives variable cycles', () => {
    const text = template([scaleSet({ imageReference: "[variables('image')]" })], {
      variables: {
        sku: '22_04-LTS-Gen2',
        image: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: "[variables('sku')]", version: "[variables('version')]" },
        version: "[variables('loop')]",
        loop: "[variables('version')]",
      },
    });
    const result = lintTemplateText(text);
    const r1 = result.findings.find((f) => f.rule === 'R1');
    assert.equal(r1?.kind, 'deployment-time');
    assert.match(r1?.message ?? '', /refers to itself/);
    const version = result.scaleSets[0].report.evaluations.find((e) => e.rule === 'R1')?.facts[0];
    assert.equal(version?.fact.origin.description, "variables('image').version");
  });

  it('uses parameter defaults, then values from a parameter file', () => {
    const text = template([scaleSet({ imageReference: { publisher: 'Canonical', offer: 'UbuntuServer', sku: "[parameters('sku')]", version: "[parameters('version')]" } })], {
      parameters: { sku: { type: 'string', defaultValue: '18.04-LTS' }, version: { type: 'string' } },
    });
    const defaults = lintTemplateText(text).findings;
    assert.ok(defaults.some((f) => f.rule === 'R2' && f.severity === 'error' && /supported until 2020/.test(f.message)));
    assert.ok(defaults.some((f) => f.rule === 'R1' && f.kind === 'deployment-time' && /parameter 'version' has no default value/.test(f.message)));
    const withFile = lintTemplateText(text, { parameterValues: readParameterFile(JSON.stringify({ parameters: { version: { value: '1.2.3' } } })) }).findings;
    assert.ok(withFile.some((f) => f.rule === 'R1' && f.severity === 'error'));
  });

  it('uses allowedValues of a parameter without default as the possible values', () => {
    const text = template(
      [
        scaleSet({
          imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: "[parameters('sku')]", version: 'latest' },
          osProfile: { windowsConfiguration: { enableAutomaticUpdates: false } },
          extensions: [{ name: 'h', properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthWindows', typeHandlerVersion: '2.0' } }],
        }),
      ],
      { parameters: { sku: { type: 'string', allowedValues: ['2019-Datacenter', '2022-datacenter-azure-edition'] } } },
    );
    assert.equal(lintTemplateText(text).findings.find((f) => f.rule === 'R2'), undefined, 'every allowed SKU is supported');
  });

  it('reads languageVersion 2.0 resources (symbolic names) and skips existing references', () => {
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        old: { type: 'Microsoft.Compute/virtualMachineScaleSets', apiVersion: '2017-03-30', name: 'old', existing: true },
        web: scaleSet({ apiVersion: '2017-03-30' }),
      },
    });
    const result = lintTemplateText(text);
    assert.equal(result.scaleSets.length, 1);
    assert.deepEqual(rules(result.findings, 'error'), ['R4']);
  });

  it('finds scale sets in nested deployments with inner and outer scope', () => {
    const nestedScaleSet = scaleSet({ imageReference: { publisher: 'Canonical', offer: 'UbuntuServer', sku: "[parameters('sku')]", version: 'latest' } });
    const deployment = (scope: 'inner' | 'outer') => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: `nested-${scope}`,
      properties: {
        mode: 'Incremental',
        expressionEvaluationOptions: { scope },
        parameters: scope === 'inner' ? { sku: { value: '14.04.4-LTS' } } : undefined,
        template: { $schema: 'x', contentVersion: '1.0.0.0', parameters: { sku: { type: 'string' } }, resources: [nestedScaleSet] },
      },
    });
    const inner = lintTemplateText(template([deployment('inner')]));
    assert.ok(inner.findings.some((f) => f.rule === 'R2' && f.severity === 'error' && /14\.04\.4-LTS/.test(f.message)));
    const outer = lintTemplateText(template([deployment('outer')], { parameters: { sku: { type: 'string', defaultValue: '16.04-LTS' } } }));
    assert.ok(outer.findings.some((f) => f.rule === 'R2' && f.severity === 'error' && /16\.04-LTS/.test(f.message)));
    const off = lintTemplateText(template([{ ...deployment('inner'), condition: false }]));
    assert.equal(off.scaleSets.length, 0, 'a deployment whose condition is false deploys nothing');
  });

  it('judges a copy loop once, with copyIndex() standing for every index', () => {
    const looped = { ...scaleSet({ name: "[concat('web', copyIndex())]", imageReference: "[variables('images')[copyIndex()]]" }), copy: { name: 'sets', count: 2 } };
    const same = { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: 'latest' };
    const agree = lintTemplateText(template([looped], { variables: { images: [same, same] } }));
    assert.equal(agree.scaleSets.length, 1);
    assert.equal(agree.findings.find((f) => f.rule === 'R1' || f.rule === 'R2'), undefined);
    const differ = lintTemplateText(template([looped], { variables: { images: [same, { ...same, version: '1.0.0' }] } }));
    assert.equal(differ.findings.find((f) => f.rule === 'R1')?.kind, 'deployment-time');
  });

  it('resolves the Compute api version through apiProfile', () => {
    const withoutApiVersion = { ...scaleSet(), apiVersion: undefined };
    assert.deepEqual(errors(template([withoutApiVersion], { apiProfile: '2019-03-01-hybrid' })), ['R4']);
    const unknownProfile = lintTemplateText(template([withoutApiVersion], { apiProfile: '2031-01-01-hybrid' }));
    assert.equal(unknownProfile.findings.find((f) => f.rule === 'R4')?.kind, 'deployment-time');
  });

  it('attaches separately declared extension resources to their scale set', () => {
    const bare = scaleSet({ extensions: [] });
    const health = {
      type: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
      apiVersion: '2024-07-01',
      name: 'web/health',
      properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthLinux', typeHandlerVersion: '2.0' },
    };
    assert.ok(errors(template([bare])).includes('R3'));
    assert.ok(!errors(template([bare, health])).includes('R3'));
    assert.ok(errors(template([bare, { ...health, condition: false }])).includes('R3'));
  });

  it('reports R11 for a SAS token that reaches extension settings through a variable, and secrets in public settings', () => {
    const script = { name: 'script', properties: { publisher: 'Microsoft.Azure.Extensions', type: 'CustomScript', typeHandlerVersion: '2.1', settings: { fileUris: ["[variables('scriptUrl')]"], commandToExecute: "[concat('run ', parameters('adminPassword'))]" } } };
    const text = template([scaleSet({ extensions: [...(scaleSet().properties as { virtualMachineProfile: { extensionProfile: { extensions: unknown[] } } }).virtualMachineProfile.extensionProfile.extensions, script] })], {
      parameters: { artifactsSasToken: { type: 'securestring', defaultValue: '' }, adminPassword: { type: 'securestring' } },
      variables: { scriptUrl: "[concat('https://x/s.sh', parameters('artifactsSasToken'))]" },
    });
    const r11 = lintTemplateText(text).findings.find((f) => f.rule === 'R11');
    assert.equal(r11?.severity, 'warning');
    assert.match(r11?.message ?? '', /artifactsSasToken.*SAS token/);
    assert.match(r11?.message ?? '', /adminPassword.*outside protectedSettings/);
  });

  it('checks rolling policy property names (BatchInstancePercent), ranges and the ISO 8601 pause', () => {
    const text = template([
      scaleSet({
        upgradePolicy: {
          mode: 'Rolling',
          rollingUpgradePolicy: { BatchInstancePercent: 20, maxUnhealthyInstancePercent: 2, maxUnhealthyUpgradedInstancePercent: 100, pauseTimeBetweenBatches: '5 minutes' },
          automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true },
        },
      }),
    ]);
    const result = lintTemplateText(text);
    const byRule = (rule: string) => result.findings.filter((f) => f.rule === rule);
    assert.equal(byRule('RP1').length, 1);
    assert.match(byRule('RP1')[0].message, /'BatchInstancePercent'.*did you mean 'maxBatchInstancePercent'/);
    assert.ok(byRule('RP1')[0].code.includes('rolling-policy'));
    assert.equal(byRule('RP2').length, 1);
    assert.match(byRule('RP2')[0].message, /maxUnhealthyInstancePercent is 2, outside 5–100/);
    assert.equal(byRule('RP3').length, 1);
    // The finding points at the misspelled key.
    const rp1 = byRule('RP1')[0];
    assert.equal(text.slice(rp1.range.offset, rp1.range.offset + rp1.range.length), '"BatchInstancePercent"');
    const line = text.slice(0, rp1.range.offset).split('\n').length - 1;
    assert.equal(rp1.start.line, line);
  });

  it('reports automatic repairs and Rolling mode without a health signal (RA1, R15)', () => {
    const text = template([scaleSet({ upgradePolicy: { mode: 'Rolling' }, extensions: [], extraProperties: { automaticRepairsPolicy: { enabled: true } } })]);
    assert.deepEqual(errors(text), ['R15', 'R3', 'RA1']);
  });

  it('reports both health sources (R13) and a Basic load balancer probe with multiple placement groups (R10)', () => {
    const lb = { type: 'Microsoft.Network/loadBalancers', apiVersion: '2023-04-01', name: 'lb', properties: {} };
    const text = template([
      lb,
      scaleSet({
        networkProfile: { healthProbe: { id: "[resourceId('Microsoft.Network/loadBalancers/probes', 'lb', 'http')]" } },
        extraProperties: { singlePlacementGroup: 'false' },
      }),
    ]);
    assert.deepEqual(errors(text), ['R10', 'R13']);
  });

  it('reports Manual mode after enabling automatic OS upgrade as information (RM1)', () => {
    const text = template([scaleSet({ upgradePolicy: { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } })]);
    const rm1 = lintTemplateText(text).findings.find((f) => f.rule === 'RM1');
    assert.equal(rm1?.severity, 'information');
    assert.match(rm1?.message ?? '', /manualupgrade/);
  });

  it('applies caller severities by rule code or number, and turns rules off', () => {
    const text = template([scaleSet({ extensions: [] })]);
    const relaxed = lintTemplateText(text, { severity: { 'vmss-health-signal': 'warning', R12: 'off' } }).findings;
    assert.equal(relaxed.find((f) => f.rule === 'R3')?.severity, 'warning');
    assert.equal(relaxed.find((f) => f.rule === 'R12'), undefined);
  });

  it('skips documents nested too deeply to walk, instead of exhausting the stack', () => {
    const depth = 50_000;
    const text = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "variables": {"v": ${'['.repeat(depth)}${']'.repeat(depth)}}, "resources": []}`;
    const result = lintTemplateText(text);
    assert.equal(result.findings.length, 0);
    assert.match(result.skippedReason ?? '', /nests deeper than 256 levels/);
    const deepExpression = template([scaleSet({ name: `[${'concat('.repeat(5000)}'x'${')'.repeat(5000)}]` })]);
    assert.ok(lintTemplateText(deepExpression).isTemplate);
  });

  it('judges R2 by the seed table when asked', () => {
    const text = template([scaleSet({ imageReference: { publisher: 'Canonical', offer: 'UbuntuServer', sku: '18.04-LTS', version: 'latest' } })]);
    assert.ok(errors(text).includes('R2'));
    assert.ok(!rules(lintTemplateText(text, { imageTable: 'seed-2020' }).findings, 'error').includes('R2'));
  });
});
