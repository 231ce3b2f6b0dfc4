// ARM timestamps as Compute writes them (seven fractional digits, +00:00; see serialize/time.ts) and
// never after the simulated now.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { ManualClock } from './helpers/clocks';
import { rawCall } from './helpers/rawCall';
import { scaleSet, scenario, sub1 } from './helpers/scenarios';

const vmss = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute/virtualMachineScaleSets/web`;
const azureTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00$/;

function timestamps(value: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string' && /^(time|timeCreated)$|Time$/.test(key)) out.push([key, value]);
  else if (Array.isArray(value)) value.forEach((v) => timestamps(v, key, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) timestamps(v, k, out);
  return out;
}

describe('simulator timestamps', () => {
  it('operation status, instance views, VMs, scale sets and upgrade history use Azure’s format, none in the simulated future', async () => {
    const clock = new ManualClock();
    const sim = await Simulator.start({ listen: false, clock, scenario: scenario([scaleSet('web', 2, { upgradePolicy: { mode: 'Rolling' } })]) });
    const started = await rawCall(sim, 'POST', `${vmss}/osRollingUpgrade`);
    const status = new URL(started.headers['azure-asyncoperation']);
    clock.advance(3_600_000);
    const bodies = await Promise.all([
      rawCall(sim, 'GET', status.pathname, { apiVersion: status.searchParams.get('api-version') }),
      rawCall(sim, 'GET', `${vmss}/virtualMachines/0/instanceView`),
      rawCall(sim, 'GET', `${vmss}/virtualMachines/0`),
      rawCall(sim, 'GET', vmss),
      rawCall(sim, 'GET', `${vmss}/rollingUpgrades/latest`),
      rawCall(sim, 'GET', `${vmss}/osUpgradeHistory`),
    ]);
    const found = bodies.flatMap((res) => timestamps(res.body));
    for (const key of ['startTime', 'endTime', 'time', 'timeCreated', 'lastActionTime']) assert.ok(found.some(([k]) => k === key), `no ${key} in ${JSON.stringify(found)}`);
    for (const [key, value] of found) {
      assert.match(value, azureTime, key);
      assert.ok(Date.parse(value) <= clock.now(), `${key} ${value} is after the simulated now`);
    }
    await sim.stop();
  });
});
