// Unresolved conditions (issue 14 hole 2): when if(), a map indexed by a parameter, or a parameter
// with allowedValues cannot be decided, every branch is judged — fail when all fail (R1), pass
// when all pass (R1, R15), "depends on X" naming X only when the branches differ (R3, R12).
import assert from 'node:assert/strict';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { scaleSet, template } from './templateBuilder';

const image = (version: string) => ({ publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-LTS-Gen2', version });
const probe = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb/probes/http' };

function findings(resource: Record<string, unknown>, parameters: Record<string, unknown>, variables: Record<string, unknown> = {}) {
  return lintTemplateText(template([resource], { parameters, variables })).findings;
}

describe('unresolved conditions: every branch is judged (issue 14 hole 2)', () => {
  it('R1 fails when both branches of an undecided if() pin a version, naming both', () => {
    const result = findings(scaleSet({ imageReference: image("[if(equals(parameters('env'), 'prod'), '1.0.0', '2.0.0')]") }), { env: { type: 'string' } });
    const r1 = result.filter((f) => f.rule === 'R1');
    assert.equal(r1.length, 1);
    assert.equal(r1[0].kind, 'violation');
    assert.match(r1[0].message, /'1\.0\.0' or '2\.0\.0'/);
  });

  it('R1 fails when every entry of a variable map indexed by an undecided parameter pins a version', () => {
    const r1 = findings(scaleSet({ imageReference: image("[variables('versions')[parameters('env')]]") }), { env: { type: 'string' } }, { versions: { prod: '1.0.0', dev: '2.0.0' } }).filter((f) => f.rule === 'R1');
    assert.deepEqual(r1.map((f) => f.kind), ['violation']);
  });

  it('R1 passes when every entry of the map asks for latest (an object map, too)', () => {
    const versions = findings(scaleSet({ imageReference: image("[variables('versions')[parameters('env')]]") }), { env: { type: 'string' } }, { versions: { prod: 'latest', dev: 'latest' } });
    assert.deepEqual(versions.filter((f) => f.rule === 'R1'), []);
    const images = findings(scaleSet({ imageReference: "[variables('images')[parameters('env')]]" }), { env: { type: 'string' } }, { images: { prod: image('latest'), dev: image('latest') } });
    assert.deepEqual(images.filter((f) => f.rule === 'R1' || f.rule === 'R2'), []);
  });

  it('R1 depends on the parameter, and says which value fails, only when the branches differ', () => {
    const [r1] = findings(scaleSet({ imageReference: image("[if(parameters('pin'), '1.0.0', 'latest')]") }), { pin: { type: 'bool' } }).filter((f) => f.rule === 'R1');
    assert.equal(r1.kind, 'deployment-time');
    assert.match(r1.message, /Decided by parameter 'pin': it fails when pin = true, passes when pin = false/);
  });

  it('R15 passes when the same bool parameter chooses Rolling mode and the health probe together', () => {
    const resource = scaleSet({
      extensions: [],
      upgradePolicy: { mode: "[if(parameters('useRolling'), 'Rolling', 'Manual')]" },
      networkProfile: { healthProbe: `[if(parameters('useRolling'), json('{"id":"${probe.id}"}'), null())]` },
    });
    const result = findings(resource, { useRolling: { type: 'bool' } });
    assert.deepEqual(result.filter((f) => f.rule === 'R15'), []);
    const [r3] = result.filter((f) => f.rule === 'R3');
    assert.match(r3.message, /Decided by parameter 'useRolling': it fails when useRolling = false, passes when useRolling = true/);
  });

  it('R12 depends on a parameter with allowedValues and names the branches', () => {
    const resource = scaleSet({ upgradePolicy: { mode: 'Automatic', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: "[equals(parameters('tier'), 'a')]" } } });
    const [r12] = findings(resource, { tier: { type: 'string', allowedValues: ['a', 'b'] } }).filter((f) => f.rule === 'R12');
    assert.match(r12.message, /Decided by parameter 'tier': the verdict differs between tier = a and tier = b/);
  });

  it('keeps "depends on a deployment-time value" when the parameter has no listable values', () => {
    const [r1] = findings(scaleSet({ imageReference: image("[parameters('version')]") }), { version: { type: 'string' } }).filter((f) => f.rule === 'R1');
    assert.equal(r1.kind, 'deployment-time');
    assert.doesNotMatch(r1.message, /Decided by/);
  });
});
