// The plan's read pacing per subscription (below ARM's read bucket refill of 25 a second).
import * as assert from 'node:assert/strict';
import { ReadPacer } from '../../../src/core/fleet/planFleet';
import { VirtualClock } from '../core/support/virtualClock';

describe('fleet plan read pacing', () => {
  it('spaces set reads per subscription at the reads-per-second budget; subscriptions do not wait for each other', async () => {
    const clock = new VirtualClock(0);
    const pacer = new ReadPacer(clock, 20, undefined);
    const started: [string, number][] = [];
    const take = async (sub: string) => {
      await pacer.take(sub, 5);
      started.push([sub, clock.now()]);
    };
    await Promise.all([take('a'), take('a'), take('a'), take('b'), take('b')]);
    clock.stop();
    assert.deepEqual(started.filter(([s]) => s === 'a').map(([, t]) => t), [0, 250, 500]);
    assert.deepEqual(started.filter(([s]) => s === 'b').map(([, t]) => t), [0, 250]);
  });
});
