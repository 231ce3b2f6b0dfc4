// Every telemetry property passes the sanitizer: catalogued keys only, enumeration-like values only,
// anything private redacted as a whole (issue 8).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactedValue, sanitizeEvent, sanitizePropertyValue } from '../../../src/telemetry/sanitize';
import { telemetryEvents } from '../../../src/telemetry/events';
import { findSensitiveData } from '../../../src/shared/redact';

const guid = '0b7e3c1a-93f4-4f0e-8d8c-2f6a1b9e7d10';

describe('sanitizePropertyValue', () => {
  it('passes the short enumerations the catalogue uses', () => {
    for (const value of ['succeeded', 'vmssUpgrades.refresh', 'RollingUpgradeInProgress', '1000+', '11-50', 'ECONNREFUSED']) {
      assert.equal(sanitizePropertyValue(value), value);
    }
  });

  const hostile: Array<[string, string]> = [
    ['a subscription id', guid],
    ['a resource id', `/subscriptions/${guid}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web`],
    ['a bearer token', 'Bearer eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiIxIn0.c2ln'],
    ['a JWT', 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiIxIn0.c2ln'],
    ['an IP address', '10.0.0.4'],
    ['an IPv6 address', 'fe80::1'],
    ['a path', '/home/alice/infra/vmss.json'],
    ['a Windows path', 'C:\\Users\\alice\\vmss.json'],
    ['a message', 'Scale set web-prod in rg-payments failed'],
    ['an e-mail address', 'alice@contoso.com'],
    ['something long', 'x'.repeat(101)],
  ];
  for (const [what, value] of hostile) {
    it(`rejects ${what}`, () => assert.equal(sanitizePropertyValue(value), redactedValue));
  }

  it('rejects values that are not strings', () => {
    assert.equal(sanitizePropertyValue(42), redactedValue);
    assert.equal(sanitizePropertyValue({ toString: () => 'ok' }), redactedValue);
  });

  it('never lets a GUID or a resource id through, whatever surrounds it (property)', () => {
    const filler = fc.stringMatching(/^[A-Za-z0-9_.:+-]{0,20}$/);
    fc.assert(
      fc.property(filler, fc.uuid(), filler, (before, id, after) => {
        const out = sanitizePropertyValue(`${before}${id}${after}`);
        assert.deepEqual(findSensitiveData(out), []);
      }),
    );
  });
});

describe('sanitizeEvent', () => {
  it('drops properties and measurements the catalogue does not list', () => {
    const event = sanitizeEvent(
      'command',
      { command: 'vmssUpgrades.refresh', outcome: 'succeeded', scaleSetName: 'web-prod', subscriptionId: guid },
      { durationMs: 12, instanceCount: 57 },
    );
    assert.deepEqual(event, { name: 'command', properties: { command: 'vmssUpgrades.refresh', outcome: 'succeeded' }, measurements: { durationMs: 12 } });
  });

  it('drops measurements that are not finite numbers and properties that are undefined', () => {
    const event = sanitizeEvent('run', { strategy: 'percentage', canary: 'no', outcome: 'failed', instanceCount: '3-10', connection: undefined }, { batches: Number.NaN, rollbacks: Infinity, durationMs: 5 });
    assert.deepEqual(event.measurements, { durationMs: 5 });
    assert.equal('connection' in event.properties, false);
  });

  it('redacts a catalogued property that carries private data', () => {
    const event = sanitizeEvent('command', { command: `/subscriptions/${guid}`, outcome: 'failed', errorCode: 'AuthorizationFailed' }, { durationMs: 1 });
    assert.equal(event.properties.command, redactedValue);
    assert.equal(event.properties.errorCode, 'AuthorizationFailed');
  });

  it('describes every property and measurement of every event (the privacy documentation)', () => {
    for (const [name, spec] of Object.entries(telemetryEvents)) {
      assert.ok(spec.when.length > 0, name);
      for (const text of [...Object.values(spec.properties), ...Object.values(spec.measurements)]) assert.ok(String(text).length > 0, name);
    }
  });
});
