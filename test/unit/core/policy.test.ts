import * as assert from 'node:assert/strict';
import { defaultHealthTimeoutMs, resolvePolicy } from '../../../src/core/policy';

describe('rollout policy from rollingUpgradePolicy', () => {
  it('uses the platform defaults: 20/20/20, PT0S, a 5-minute health timeout (O2, O4, O5, O6, O8)', () => {
    const result = resolvePolicy({});
    assert.ok(result.ok);
    assert.equal(result.policy.maxBatchInstancePercent, 20);
    assert.equal(result.policy.maxUnhealthyInstancePercent, 20);
    assert.equal(result.policy.maxUnhealthyUpgradedInstancePercent, 20);
    assert.equal(result.policy.pauseBetweenBatchesMs, 0);
    assert.equal(result.policy.healthTimeoutMs, defaultHealthTimeoutMs);
    assert.equal(defaultHealthTimeoutMs, 300_000);
    assert.equal(result.policy.rollbackFailedInstances, true);
  });

  it("takes the set's own policy, and overrides win over it", () => {
    const set = { upgradePolicy: { rollingUpgradePolicy: { maxBatchInstancePercent: 50, pauseTimeBetweenBatches: 'PT2M', prioritizeUnhealthyInstances: true } } };
    const fromSet = resolvePolicy(set);
    assert.ok(fromSet.ok);
    assert.equal(fromSet.policy.maxBatchInstancePercent, 50);
    assert.equal(fromSet.policy.pauseBetweenBatchesMs, 120_000);
    assert.equal(fromSet.policy.prioritizeUnhealthyInstances, true);
    const overridden = resolvePolicy(set, { maxBatchInstancePercent: 10, healthTimeout: 'PT10M' });
    assert.ok(overridden.ok);
    assert.equal(overridden.policy.maxBatchInstancePercent, 10);
    assert.equal(overridden.policy.healthTimeoutMs, 600_000);
  });

  it('A1: disableAutomaticRollback turns rollback off unless the override says otherwise', () => {
    const set = { upgradePolicy: { automaticOSUpgradePolicy: { disableAutomaticRollback: true } } };
    const off = resolvePolicy(set);
    assert.ok(off.ok);
    assert.equal(off.policy.rollbackFailedInstances, false);
    const on = resolvePolicy(set, { rollbackFailedInstances: true });
    assert.ok(on.ok);
    assert.equal(on.policy.rollbackFailedInstances, true);
  });

  it('enforces the REST ranges 5–100 / 5–100 / 0–100 at their edges', () => {
    assert.ok(resolvePolicy({}, { maxBatchInstancePercent: 5, maxUnhealthyInstancePercent: 100, maxUnhealthyUpgradedInstancePercent: 0 }).ok);
    const cases: [string, Record<string, number>][] = [
      ['maxBatchInstancePercent', { maxBatchInstancePercent: 4 }],
      ['maxBatchInstancePercent', { maxBatchInstancePercent: 101 }],
      ['maxBatchInstancePercent', { maxBatchInstancePercent: 20.5 }],
      ['maxUnhealthyInstancePercent', { maxUnhealthyInstancePercent: 4 }],
      ['maxUnhealthyUpgradedInstancePercent', { maxUnhealthyUpgradedInstancePercent: -1 }],
      ['maxUnhealthyUpgradedInstancePercent', { maxUnhealthyUpgradedInstancePercent: 101 }],
    ];
    for (const [name, overrides] of cases) {
      const result = resolvePolicy({}, overrides);
      assert.equal(result.ok, false, JSON.stringify(overrides));
      assert.match((result as { errors: readonly string[] }).errors.join(), new RegExp(name));
    }
  });

  it('rejects a pause that is not ISO 8601, naming the property (the docs sample misspelling class of error)', () => {
    const result = resolvePolicy({ upgradePolicy: { rollingUpgradePolicy: { pauseTimeBetweenBatches: '30 seconds' } } });
    assert.equal(result.ok, false);
    assert.match((result as { errors: readonly string[] }).errors[0], /pauseTimeBetweenBatches/);
  });

  it('reports every invalid value at once', () => {
    const result = resolvePolicy({}, { maxBatchInstancePercent: 1, maxUnhealthyInstancePercent: 1, healthTimeout: 'soon' });
    assert.equal(result.ok, false);
    assert.equal((result as { errors: readonly string[] }).errors.length, 3);
  });
});
