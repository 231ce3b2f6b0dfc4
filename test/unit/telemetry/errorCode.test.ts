import * as assert from 'node:assert/strict';
import { isCancellation, telemetryErrorCode } from '../../../src/telemetry/errorCode';

describe('telemetryErrorCode', () => {
  it('uses the ARM code of a RestError', () => {
    assert.equal(telemetryErrorCode({ code: 'AuthorizationFailed', statusCode: 403, message: 'client 0b7e… cannot' }), 'AuthorizationFailed');
  });

  it('recovers the code of a failed long-running operation from its message, and only the code (A8)', () => {
    assert.equal(telemetryErrorCode(new Error('failed: RollingUpgradeInProgressWithFailedUpgradedVMs on /subscriptions/x')), 'RollingUpgradeInProgressWithFailedUpgradedVMs');
  });

  it('falls back to the kind (by status) and then the error name', () => {
    assert.equal(telemetryErrorCode({ statusCode: 503, message: 'x' }), 'server');
    assert.equal(telemetryErrorCode(new RangeError('bad')), 'RangeError');
    assert.equal(telemetryErrorCode('a string thrown'), 'unknown');
    assert.equal(telemetryErrorCode(undefined), 'unknown');
  });

  it('does not pass a code that is not shaped like one', () => {
    assert.equal(telemetryErrorCode({ code: '/subscriptions/abc', message: 'x' }), 'unknown');
  });
});

describe('isCancellation', () => {
  it('knows VS Code and SDK cancellations', () => {
    assert.equal(isCancellation(Object.assign(new Error(), { name: 'Canceled' })), true);
    assert.equal(isCancellation(Object.assign(new Error(), { name: 'AbortError' })), true);
    assert.equal(isCancellation(new Error('x')), false);
  });
});
