import * as assert from 'node:assert/strict';
import type { InstanceSnapshot } from '../../../src/azure/gateway';
import { instanceAppearance, instanceContextValue, instanceImageVersion } from '../../../src/views/instanceAppearance';
import { healthyInstance } from '../support/instanceSnapshot';

function instance(overrides: Partial<InstanceSnapshot>): InstanceSnapshot {
  return healthyInstance('0', { image: { version: 'latest', exactVersion: '24.04.202510010' }, ...overrides });
}

describe('instance appearance (H1–H3)', () => {
  it('gives each health state its own icon and theme colour', () => {
    const looks = (['healthy', 'unhealthy', 'initializing', 'unknown'] as const).map((health) => instanceAppearance(instance({ health })));
    assert.deepEqual(looks, [
      { icon: 'pass', color: 'testing.iconPassed' },
      { icon: 'error', color: 'testing.iconFailed' },
      { icon: 'watch', color: 'charts.yellow' },
      { icon: 'question', color: 'list.warningForeground' },
    ]);
  });

  it('shows a stopped or deallocated instance as stopped, whatever its derived health', () => {
    assert.equal(instanceAppearance(instance({ powerState: 'deallocated', health: 'unhealthy' })).icon, 'circle-slash');
    assert.equal(instanceAppearance(instance({ powerState: 'starting', health: 'initializing' })).icon, 'watch');
  });

  it('reports the resolved version rather than "latest"', () => {
    assert.equal(instanceImageVersion(instance({})), '24.04.202510010');
    assert.equal(instanceImageVersion(instance({ image: { version: '1.0.0' } })), '1.0.0');
  });

  it('encodes health, power and model state for when clauses', () => {
    assert.equal(instanceContextValue(instance({ latestModelApplied: false, health: 'unknown' })), 'vmssInstance;unknown;running;outdatedModel');
    assert.equal(instanceContextValue(instance({ latestModelApplied: true })), 'vmssInstance;healthy;running;latestModel');
  });

  it('A1 osRollingUpgradeDeferral: an instance waiting for approval gets its own look and context token', () => {
    const waiting = instance({ pendingOsUpgrade: '1.2.0' });
    assert.deepEqual(instanceAppearance(waiting), { icon: 'bell-dot', color: 'charts.orange' });
    assert.equal(instanceContextValue(waiting), 'vmssInstance;healthy;running;latestModel;awaitingApproval');
  });
});
