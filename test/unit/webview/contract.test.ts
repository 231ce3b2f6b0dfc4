import * as assert from 'node:assert/strict';
import { isHostMessage, parsePersistedState, parseWebviewMessage } from '../../../src/webview/contract';

describe('webview contract: messages from the webview are validated at the boundary', () => {
  it('accepts every message the client sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'gate', gateId: 'gate-0', decision: 'approve' }), { type: 'gate', gateId: 'gate-0', decision: 'approve' });
    assert.deepEqual(parseWebviewMessage({ type: 'gate', gateId: 'gate-3', decision: 'reject' }), { type: 'gate', gateId: 'gate-3', decision: 'reject' });
    for (const action of ['start', 'pause', 'resume', 'cancel', 'cancelNow']) assert.deepEqual(parseWebviewMessage({ type: 'run', action }), { type: 'run', action });
    for (const type of ['cancelPlatformUpgrade', 'exportHistory', 'refresh']) assert.deepEqual(parseWebviewMessage({ type }), { type });
  });

  it('rejects unknown types, wrong values, extra keys and non-objects', () => {
    const rejected: unknown[] = [
      null,
      'ready',
      [],
      { type: 'exec', command: 'rm -rf /' },
      { type: 'run', action: 'delete' },
      { type: 'run' },
      { type: 'gate', gateId: 'gate-0', decision: 'maybe' },
      { type: 'gate', gateId: '<script>', decision: 'approve' },
      { type: 'gate', gateId: 42, decision: 'approve' },
      { type: 'ready', extra: true },
      { type: 'run', action: 'pause', runId: 'other' },
    ];
    for (const raw of rejected) assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
  });

  it('returns a fresh object, not the untrusted one', () => {
    const raw = { type: 'run', action: 'pause' };
    const parsed = parseWebviewMessage(raw);
    assert.notEqual(parsed, raw);
  });

  it('restores a persisted state only when it names a scale set', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web';
    assert.deepEqual(parsePersistedState({ scaleSetId: id }), { scaleSetId: id });
    assert.equal(parsePersistedState({ scaleSetId: 'web' }), undefined);
    assert.equal(parsePersistedState(undefined), undefined);
  });

  it('the client recognises host messages and refuses others', () => {
    assert.equal(isHostMessage({ type: 'log', entries: [] }), true);
    assert.equal(isHostMessage({ type: 'run', run: null, clock: { now: 0, timeScale: 1 } }), true);
    assert.equal(isHostMessage({ type: 'log', entries: 'x' }), false);
    assert.equal(isHostMessage({ type: 'snapshot' }), false);
    assert.equal(isHostMessage({ type: 'other' }), false);
  });
});

describe('dashboard contract: approveOsUpgrade (A1 osRollingUpgradeDeferral)', () => {
  it('accepts approve-all and named instance ids (Uniform ids and Flexible VM names)', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'approveOsUpgrade' }), { type: 'approveOsUpgrade' });
    assert.deepEqual(parseWebviewMessage({ type: 'approveOsUpgrade', instanceIds: ['3', 'jobs-flex_1a2b3c4d'] }), { type: 'approveOsUpgrade', instanceIds: ['3', 'jobs-flex_1a2b3c4d'] });
  });

  it('refuses an empty list (it would mean all), odd ids, non-strings and extra keys', () => {
    assert.equal(parseWebviewMessage({ type: 'approveOsUpgrade', instanceIds: [] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'approveOsUpgrade', instanceIds: ['0; rm'] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'approveOsUpgrade', instanceIds: [1] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'approveOsUpgrade', instanceIds: '0' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'approveOsUpgrade', all: true }), undefined);
  });
});
