// The fleet view's boundary: what the webview may send, and the client's check of what it receives.
import * as assert from 'node:assert/strict';
import { isFleetHostMessage, parseFleetWebviewMessage } from '../../../src/webview/fleetContract';

describe('fleet view message contract', () => {
  it('accepts ready and the fleet actions, with an optional stage name', () => {
    assert.deepEqual(parseFleetWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFleetWebviewMessage({ type: 'fleet', action: 'approve', stage: 'ring1' }), { type: 'fleet', action: 'approve', stage: 'ring1' });
    for (const action of ['start', 'pause', 'resume', 'stop', 'stopNow', 'reject']) assert.deepEqual(parseFleetWebviewMessage({ type: 'fleet', action }), { type: 'fleet', action });
  });

  it('drops unknown actions, extra keys and non-string stages', () => {
    assert.equal(parseFleetWebviewMessage({ type: 'fleet', action: 'deleteEverything' }), undefined);
    assert.equal(parseFleetWebviewMessage({ type: 'fleet', action: 'stop', extra: 1 }), undefined);
    assert.equal(parseFleetWebviewMessage({ type: 'fleet', action: 'approve', stage: 3 }), undefined);
    assert.equal(parseFleetWebviewMessage({ type: 'ready', stage: 'x' }), undefined);
    assert.equal(parseFleetWebviewMessage('ready'), undefined);
  });

  it('the client recognises a host message by its shape', () => {
    assert.ok(isFleetHostMessage({ type: 'fleet', phase: 'planned', view: { stages: [] }, findings: [], log: [], clock: { now: 0, timeScale: 1 } }));
    assert.equal(isFleetHostMessage({ type: 'fleet', view: null, findings: [], log: [], clock: {} }), false);
  });
});
