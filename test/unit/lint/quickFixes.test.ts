// Quick fixes are edits the linter computes from positions; applying one must make its finding
// go away and leave valid JSON(C) — comments and the document's own key casing included.
import assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import { lintTemplateText, type LintFinding } from '../../../src/lint/lintTemplate';
import type { QuickFix } from '../../../src/lint/quickFixEdits';
import { scaleSet, template } from './templateBuilder';
import { readCorpusFile } from './corpusFixtures';

function apply(text: string, fix: QuickFix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, edit.offset) + edit.newText + out.slice(edit.offset + edit.length);
  const errors: ParseError[] = [];
  parse(out, errors, { allowTrailingComma: true });
  assert.deepEqual(errors, [], 'the fixed document parses');
  return out;
}

function only(findings: readonly LintFinding[], rule: string): LintFinding {
  const matching = findings.filter((f) => f.rule === rule);
  assert.equal(matching.length, 1, `one ${rule} finding`);
  return matching[0];
}

function fixAndRelint(text: string, rule: string, fixIndex = 0): { fixed: string; after: readonly LintFinding[] } {
  const finding = only(lintTemplateText(text).findings, rule);
  assert.ok(finding.fixes.length > fixIndex, `${rule} offers a fix`);
  const fixed = apply(text, finding.fixes[fixIndex]);
  return { fixed, after: lintTemplateText(fixed).findings };
}

describe('lint: quick fixes', () => {
  it("sets the image version to 'latest' (R1)", () => {
    const text = template([scaleSet({ imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: '22.04.1' } })]);
    const { fixed, after } = fixAndRelint(text, 'R1');
    assert.ok(!after.some((f) => f.rule === 'R1'));
    assert.match(fixed, /"version": "latest"/);
  });

  it('turns on automatic OS upgrade with useRollingUpgradePolicy (R12)', () => {
    const text = template([scaleSet({ upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { disableAutomaticRollback: false } } })]);
    const { fixed, after } = fixAndRelint(text, 'R12');
    assert.match(only(after, 'R12').message, /is on/);
    const policy = (JSON.parse(fixed) as { resources: { properties: { upgradePolicy: { automaticOSUpgradePolicy: Record<string, boolean> } } }[] }).resources[0].properties.upgradePolicy.automaticOSUpgradePolicy;
    assert.deepEqual(policy, { disableAutomaticRollback: false, enableAutomaticOSUpgrade: true, useRollingUpgradePolicy: true });
  });

  it('adds the Application Health extension for the scale set OS (R3), creating the extension list when missing', () => {
    const withList = template([scaleSet({ extensions: [] })]);
    assert.ok(!fixAndRelint(withList, 'R3').after.some((f) => f.rule === 'R3'));
    const windows = lintTemplateText(readCorpusFile('qs21-vmss-win-existing-vnet.json'));
    const r3 = only(windows.findings, 'R3');
    assert.deepEqual(r3.fixes.map((f) => f.title), ['Add the Application Health extension (ApplicationHealthWindows)']);
    const fixed = apply(readCorpusFile('qs21-vmss-win-existing-vnet.json'), r3.fixes[0]);
    assert.ok(!lintTemplateText(fixed).findings.some((f) => f.rule === 'R3'));
  });

  it('sets enableAutomaticUpdates to false in a real Service Fabric template (R5)', () => {
    const text = readCorpusFile('qs21-sf-secure-cluster-5-node-1-nodetype.json');
    const { fixed, after } = fixAndRelint(text, 'R5');
    assert.ok(!after.some((f) => f.rule === 'R5'));
    assert.match(fixed, /"enableAutomaticUpdates": false/);
  });

  it('keeps comments of a JSONC template intact', () => {
    const base = template([scaleSet({ imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: '1.0.0' } })]);
    const text = base.replace('"resources": [', '// the scale sets\n  "resources": [ /* one */');
    const { fixed, after } = fixAndRelint(text, 'R1');
    assert.ok(!after.some((f) => f.rule === 'R1'));
    assert.ok(fixed.includes('// the scale sets') && fixed.includes('/* one */'));
  });

  it('raises apiVersion (R4) and renames a misspelled rolling policy property (RP1)', () => {
    const text = template([scaleSet({ apiVersion: '2017-03-30', upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { BatchInstancePercent: 20 } } })]);
    assert.ok(!fixAndRelint(text, 'R4').after.some((f) => f.rule === 'R4'));
    const { fixed, after } = fixAndRelint(text, 'RP1');
    assert.ok(!after.some((f) => f.rule === 'RP1'));
    assert.match(fixed, /"maxBatchInstancePercent": 20/);
  });

  it('offers no fix where the value is written as an expression it cannot edit safely', () => {
    const text = template([scaleSet({ imageReference: "[variables('image')]" })], {
      variables: { image: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version: '1.0.0' } },
    });
    assert.deepEqual(only(lintTemplateText(text).findings, 'R1').fixes, []);
  });
});
