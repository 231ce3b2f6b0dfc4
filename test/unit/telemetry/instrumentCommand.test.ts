// Every command is measured by one wrapper (issue 8): name, duration, outcome and an error code only.
import * as assert from 'node:assert/strict';
import { CaptureSink } from '../../../src/telemetry/captureSink';
import { instrumentCommand } from '../../../src/telemetry/instrumentCommand';
import { Telemetry } from '../../../src/telemetry/telemetry';

function setup() {
  const telemetry = new Telemetry();
  const capture = new CaptureSink();
  telemetry.addSink(capture);
  let time = 1000;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  return { telemetry, capture, clock };
}

describe('instrumentCommand', () => {
  it('reports a successful command with its duration and passes arguments and result through', async () => {
    const { telemetry, capture, clock } = setup();
    const wrapped = instrumentCommand(telemetry, 'vmssUpgrades.refresh', async (a: number, b: number) => {
      clock.advance(250);
      return a + b;
    }, clock.now);
    assert.equal(await wrapped(2, 3), 5);
    assert.deepEqual(capture.events, [
      { name: 'command', properties: { command: 'vmssUpgrades.refresh', outcome: 'succeeded' }, measurements: { durationMs: 250 }, isError: false },
    ]);
  });

  it('reports a failure with the ARM error code, never the message, and rethrows', async () => {
    const { telemetry, capture } = setup();
    const error = Object.assign(new Error('Scale set /subscriptions/0b7e3c1a-93f4-4f0e-8d8c-2f6a1b9e7d10/… is busy'), { code: 'RollingUpgradeInProgress', statusCode: 409 });
    const wrapped = instrumentCommand(telemetry, 'vmssUpgrades.startUpgrade', () => {
      throw error;
    });
    await assert.rejects(wrapped(), error);
    assert.equal(capture.events.length, 1);
    const [event] = capture.events;
    assert.deepEqual(event.properties, { command: 'vmssUpgrades.startUpgrade', outcome: 'failed', errorCode: 'RollingUpgradeInProgress' });
    assert.equal(event.isError, true);
    assert.doesNotMatch(JSON.stringify(event), /subscriptions|busy/);
  });

  it('reports a failure without a code by its kind or name', async () => {
    const { telemetry, capture } = setup();
    const network = instrumentCommand(telemetry, 'a', () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' })));
    const plain = instrumentCommand(telemetry, 'b', () => Promise.reject(new TypeError('x is undefined at /home/alice/file.ts')));
    await assert.rejects(network());
    await assert.rejects(plain());
    assert.deepEqual(capture.events.map((e) => e.properties.errorCode), ['ECONNREFUSED', 'TypeError']);
  });

  it('reports a cancelled command as cancelled, not failed', async () => {
    const { telemetry, capture } = setup();
    const cancelled = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    await assert.rejects(instrumentCommand(telemetry, 'c', () => Promise.reject(cancelled))());
    assert.deepEqual(capture.events[0].properties, { command: 'c', outcome: 'cancelled' });
    assert.equal(capture.events[0].isError, false);
  });

  it('keeps the command working when a sink throws', async () => {
    const { telemetry } = setup();
    telemetry.addSink({ send: () => { throw new Error('sink broken'); } });
    assert.equal(await instrumentCommand(telemetry, 'd', () => 'ok')(), 'ok');
  });
});
