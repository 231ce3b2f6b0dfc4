// Small scenarios for tests: one tenant, two subscriptions, an Ubuntu image with three versions
// (1.0.0 and 1.1.0 published, 1.2.0 published later by the test when needed).
import type { Scenario, ScaleSetSpec } from '../../../../src/simulator/scenario/scenarioTypes';

export const tenantId = '00000000-0000-4000-8000-000000000001';
export const sub1 = '11111111-1111-4111-8111-111111111111';
export const sub2 = '22222222-2222-4222-8222-222222222222';
export const image = { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' };

export function scaleSet(name: string, count: number, extra: Partial<ScaleSetSpec> = {}): ScaleSetSpec {
  return {
    subscriptionId: sub1,
    resourceGroup: 'rg-test',
    name,
    location: 'westeurope',
    image: { ...image, version: 'latest' },
    osVersion: '1.0.0',
    healthSignal: { kind: 'extension' },
    upgradePolicy: { mode: 'Manual' },
    instances: { count },
    ...extra,
  };
}

export function scenario(scaleSets: ScaleSetSpec[], extra: Partial<Scenario> = {}): Scenario {
  return {
    seed: 7,
    timing: { modelUpdateSeconds: 5, instanceUpgradeSeconds: 60, healthGraceSeconds: 30, healthWaitSeconds: 300, healthCheckIntervalSeconds: 5, automaticUpgradeDelaySeconds: 1800, firstRolloutDelaySeconds: 3600 },
    tenants: [{ tenantId, displayName: 'Test Tenant' }],
    subscriptions: [
      { subscriptionId: sub1, displayName: 'Test One', tenantId },
      { subscriptionId: sub2, displayName: 'Test Two', tenantId },
    ],
    images: [{ ...image, locations: ['westeurope'], versions: ['1.0.0', '1.1.0'] }],
    scaleSets,
    ...extra,
  };
}
