// Hover text: the readiness summary of a scale set with resolved values and their sources, and
// the meaning/range/default of upgrade-policy properties.
import assert from 'node:assert/strict';
import { hoverAt } from '../../../src/lint/hover';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { scaleSet, template } from './templateBuilder';

describe('lint: hovers', () => {
  const text = template(
    [
      scaleSet({
        imageReference: "[variables('image')]",
        upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 20, BatchInstancePercent: 10 }, automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } },
      }),
    ],
    { variables: { image: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: 'latest' } } },
  );
  const result = lintTemplateText(text);

  it('summarizes every rule of the scale set with resolved values and where they came from', () => {
    const hover = hoverAt(result, text.indexOf('"virtualMachineProfile"'));
    assert.ok(hover);
    assert.match(hover.markdown, /readiness — scale set `web`/);
    assert.match(hover.markdown, /\*\*R1\*\* Image version is latest — pass/);
    assert.match(hover.markdown, /`version`: latest \(variables\('image'\)\.version\)/);
    assert.match(hover.markdown, /\*\*RP1\*\* .* — fail/);
    for (const rule of ['R2', 'R3', 'R4', 'R5', 'R12', 'R15']) assert.match(hover.markdown, new RegExp(`\\*\\*${rule}\\*\\*`));
  });

  it('explains rolling and automatic upgrade policy properties, and misspellings', () => {
    const batch = hoverAt(result, text.indexOf('"maxBatchInstancePercent"') + 3);
    assert.match(batch?.markdown ?? '', /maxBatchInstancePercent.*Range: 5–100\. Default: `20`/);
    const misspelled = hoverAt(result, text.indexOf('"BatchInstancePercent"') + 3);
    assert.match(misspelled?.markdown ?? '', /not a rollingUpgradePolicy property.*maxBatchInstancePercent/);
    const enable = hoverAt(result, text.indexOf('"enableAutomaticOSUpgrade"') + 3);
    assert.match(enable?.markdown ?? '', /automaticOSUpgradePolicy\.enableAutomaticOSUpgrade.*Default: `false`/);
  });

  it('shows nothing outside scale sets', () => {
    assert.equal(hoverAt(result, text.indexOf('"variables"')), undefined);
  });
});
