// Plan-time safety checks on plans built by hand: each check alone, with the message it prints.
import * as assert from 'node:assert/strict';
import type { PlannedFleetSet, PlannedFleetStage } from '../../../src/core/fleet/fleetPlan';
import { arePaired, pairedRegions } from '../../../src/core/fleet/regionPairs';
import { canaryFindings, duplicateFindings, listedSetFindings, regionPairFindings, serviceFabricFindings } from '../../../src/core/fleet/safetyChecks';

function set(name: string, location = 'westeurope', extra: Partial<PlannedFleetSet> = {}): PlannedFleetSet {
  return { id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`, name, subscriptionId: 's', location, status: 'ready', reasons: [], instances: 3, ...extra };
}

function stage(name: string, sets: PlannedFleetSet[]): PlannedFleetStage {
  return { name, requiresApproval: false, waitAfterMs: 0, gates: [], groups: [{ name: 'g', engine: { kind: 'embedded' }, sets }] };
}

const many = (prefix: string, n: number, location = 'westeurope') => Array.from({ length: n }, (_, i) => set(`${prefix}-${i}`, location));

describe('fleet safety checks', () => {
  describe('canary stage first', () => {
    it('passes a small first stage (default: 10% of the fleet)', () => {
      assert.deepEqual(canaryFindings([stage('canary', many('c', 2)), stage('rest', many('r', 18))], { requireCanary: true }), []);
    });

    it('refuses a first stage larger than the canary limit, naming the limit', () => {
      const [f] = canaryFindings([stage('first', many('c', 3)), stage('rest', many('r', 17))], { requireCanary: true });
      assert.equal(f.severity, 'error');
      assert.match(f.message, /first stage 'first' moves 3 of 20 sets; a canary stage holds at most 2/);
      assert.deepEqual(canaryFindings([stage('first', many('c', 3)), stage('rest', many('r', 17))], { requireCanary: true, canaryMaxSets: 3 }), []);
    });

    it('refuses a single stage over several sets unless the check is turned off on purpose', () => {
      assert.match(canaryFindings([stage('all', many('a', 4))], { requireCanary: true })[0].message, /one stage moves all 4 sets at once/);
      assert.equal(canaryFindings([stage('all', many('a', 4))], { requireCanary: false })[0].severity, 'warning');
    });

    it('counts only the sets that will move (not ready / on target do not count)', () => {
      const first = stage('first', [set('a'), set('b', 'westeurope', { status: 'onTarget' }), set('c', 'westeurope', { status: 'notReady', reasons: ['R3'] })]);
      assert.deepEqual(canaryFindings([first, stage('rest', many('r', 9))], { requireCanary: true }), []);
    });
  });

  describe('Azure region pairs never in one stage', () => {
    it('knows the pairs of the Learn table both ways, by display or ARM name', () => {
      assert.ok(arePaired('westeurope', 'North Europe'));
      assert.ok(arePaired('westus', 'eastus') && arePaired('eastus', 'westus3'));
      assert.deepEqual(pairedRegions('polandcentral'), []);
      assert.equal(arePaired('westeurope', 'swedencentral'), false);
    });

    it('refuses a stage with sets in West Europe and North Europe, naming both and their sets', () => {
      const findings = regionPairFindings([stage('ring1', [set('we-1'), set('ne-1', 'northeurope'), set('sc-1', 'swedencentral')])]);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /stage 'ring1' moves sets in the paired regions northeurope \(ne-1\) and westeurope \(we-1\)/);
    });

    it('accepts the pair in different stages, and ignores a set that will not move', () => {
      assert.deepEqual(regionPairFindings([stage('a', [set('we-1')]), stage('b', [set('ne-1', 'northeurope')])]), []);
      assert.deepEqual(regionPairFindings([stage('a', [set('we-1'), set('ne-1', 'northeurope', { status: 'onTarget' })])]), []);
    });
  });

  it('sequences node types of one Service Fabric cluster in a stage (info, not a refusal)', () => {
    const findings = serviceFabricFindings([stage('s', [set('nt1', 'westeurope', { serviceFabricCluster: 'https://c1' }), set('nt2', 'westeurope', { serviceFabricCluster: 'https://c1' }), set('other', 'westeurope', { serviceFabricCluster: 'https://c2' })])]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.deepEqual(findings[0].sets, ['nt1', 'nt2']);
    assert.match(findings[0].message, /moved one after another, never at the same time/);
  });

  it('refuses a set selected by two groups', () => {
    const [f] = duplicateFindings([stage('a', [set('x')]), stage('b', [set('x')])]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /x is selected by a\/g and b\/g/);
  });

  it('lists every set that is not ready or already on the target, with its reason', () => {
    const findings = listedSetFindings([stage('s', [set('ok'), set('nr', 'westeurope', { status: 'notReady', reasons: ['R3 no health signal'] }), set('done', 'westeurope', { status: 'onTarget', reasons: ['every instance runs v2'] })])]);
    assert.deepEqual(findings.map((f) => [f.check, f.sets?.[0]]), [['notReady', 'nr'], ['onTarget', 'done']]);
    assert.match(findings[0].message, /nr is not ready and will not be moved: R3 no health signal/);
  });
});
