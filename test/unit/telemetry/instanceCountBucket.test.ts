import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { instanceCountBucket } from '../../../src/telemetry/instanceCountBucket';

describe('instanceCountBucket', () => {
  it('puts the edges in the right buckets', () => {
    const cases: Array<[number, string]> = [[0, '0'], [1, '1-2'], [2, '1-2'], [3, '3-10'], [10, '3-10'], [11, '11-50'], [50, '11-50'], [51, '51-100'], [100, '51-100'], [101, '101-500'], [500, '101-500'], [501, '501-1000'], [1000, '501-1000'], [1001, '1000+']];
    for (const [count, bucket] of cases) assert.equal(instanceCountBucket(count), bucket, String(count));
  });

  it('never reports an exact count above 2 and is monotonic (property)', () => {
    const order = ['0', '1-2', '3-10', '11-50', '51-100', '101-500', '501-1000', '1000+'];
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        assert.ok(order.indexOf(instanceCountBucket(lo)) <= order.indexOf(instanceCountBucket(hi)));
        if (lo > 2) assert.notEqual(instanceCountBucket(lo), String(lo));
      }),
    );
  });

  it('treats nonsense as an empty set', () => {
    assert.equal(instanceCountBucket(-1), '0');
    assert.equal(instanceCountBucket(Number.NaN), '0');
  });
});
