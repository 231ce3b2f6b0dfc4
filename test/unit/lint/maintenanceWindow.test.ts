// RW1 (Learn: Maintenance control for OS image upgrades … using Azure CLI — "duration must be 5
// hours or longer", "recurrence must be set to Day"): an OS-image maintenance configuration in
// the template with a shorter window, or a weekly recurrence, is an error.
import assert from 'node:assert/strict';
import { lintTemplateText } from '../../../src/lint/lintTemplate';
import { windowMinutes } from '../../../src/readiness/rules/rw1MaintenanceWindow';
import { scaleSet, template } from './templateBuilder';

function maintenance(window: Record<string, unknown>, scope = 'OSImage') {
  return {
    type: 'Microsoft.Maintenance/maintenanceConfigurations',
    apiVersion: '2023-04-01',
    name: 'os-window',
    location: 'westeurope',
    properties: { maintenanceScope: scope, maintenanceWindow: { startDateTime: '2026-12-05 22:00', timeZone: 'UTC', ...window } },
  };
}

function rw1(...resources: unknown[]) {
  return lintTemplateText(template([scaleSet(), ...resources])).findings.filter((f) => f.rule === 'RW1');
}

describe('RW1: OS image maintenance window (Learn: maintenance control for OS image upgrades)', () => {
  it('fails a window shorter than 5 hours, at the duration', () => {
    const [finding, ...rest] = rw1(maintenance({ duration: '04:59', recurEvery: 'Day' }));
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /'04:59'; Azure requires at least 5 hours/);
  });

  it('fails a recurrence other than Day', () => {
    const [finding] = rw1(maintenance({ duration: '05:00', recurEvery: 'Week Saturday' }));
    assert.match(finding.message, /recurs 'Week Saturday'/);
  });

  it('passes 05:00 daily, and ignores configurations of another scope', () => {
    assert.deepEqual(rw1(maintenance({ duration: '05:00', recurEvery: 'Day' })), []);
    assert.deepEqual(rw1(maintenance({ duration: '02:00', recurEvery: 'Week' }, 'InGuestPatch')), []);
  });

  it('fails when every allowed value of a duration parameter is too short, and names the parameter when they differ', () => {
    const withParameter = (allowed: string[]) =>
      lintTemplateText(template([scaleSet(), maintenance({ duration: "[parameters('window')]", recurEvery: 'Day' })], { parameters: { window: { type: 'string', allowedValues: allowed } } })).findings.filter((f) => f.rule === 'RW1');
    assert.equal(withParameter(['02:00', '03:00'])[0].kind, 'violation');
    const [depends] = withParameter(['03:00', '06:00']);
    assert.equal(depends.kind, 'deployment-time');
    assert.match(depends.message, /Decided by parameter 'window': it fails when window = 03:00, passes when window = 06:00/);
  });

  it('reads hh:mm durations', () => {
    assert.equal(windowMinutes('05:00'), 300);
    assert.equal(windowMinutes('4:30'), 270);
    assert.equal(windowMinutes('PT5H'), undefined);
  });
});
