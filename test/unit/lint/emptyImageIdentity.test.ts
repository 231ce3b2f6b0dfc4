// R2 (spec R2, issue 14 hole 4): an imageReference whose publisher / offer / sku is '' names no
// image. It must give an R2 finding — unknown without a plan, failing with a plan — never silence.
import assert from 'node:assert/strict';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { scaleSet, template } from './templateBuilder';

const emptyImage = { publisher: '', offer: '', sku: '', version: 'latest' };

function r2(resource: Record<string, unknown>) {
  const result = lintTemplateText(template([resource]));
  return result.findings.filter((f) => f.rule === 'R2');
}

describe('R2: empty image identity (issue 14 hole 4)', () => {
  it("reports publisher/offer/sku of '' without a plan as a deployment-time R2 finding", () => {
    const [finding, ...rest] = r2(scaleSet({ imageReference: emptyImage }));
    assert.equal(rest.length, 0);
    assert.equal(finding.kind, 'deployment-time');
    assert.match(finding.message, /publisher, offer, sku are empty/);
  });

  it("fails R2 when the empty identity comes with a purchase plan", () => {
    const resource = { ...scaleSet({ imageReference: emptyImage }), plan: { name: '', publisher: '', product: '' } };
    const [finding] = r2(resource);
    assert.equal(finding.kind, 'violation');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /purchase plan/);
  });

  it("reports a single empty sku too (the other two are named)", () => {
    const [finding] = r2(scaleSet({ imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '', version: 'latest' } }));
    assert.match(finding.message, /imageReference sku is empty/);
  });

  it('still passes a scale set without any image reference (an update of an existing set)', () => {
    const resource = scaleSet();
    const profile = (resource.properties as { virtualMachineProfile: { storageProfile: Record<string, unknown> } }).virtualMachineProfile;
    profile.storageProfile = { osDisk: { createOption: 'FromImage' } };
    assert.deepEqual(r2(resource), []);
  });
});
