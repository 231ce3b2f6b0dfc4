// Fleet sizes go out as coarse buckets: enough to know whether large sets behave, too coarse to identify one.
import type { InstanceCountBucket } from './events';

const upperBounds: ReadonlyArray<readonly [number, InstanceCountBucket]> = [
  [0, '0'],
  [2, '1-2'],
  [10, '3-10'],
  [50, '11-50'],
  [100, '51-100'],
  [500, '101-500'],
  [1000, '501-1000'],
];

export function instanceCountBucket(count: number): InstanceCountBucket {
  if (!Number.isFinite(count) || count < 0) return '0';
  return upperBounds.find(([max]) => count <= max)?.[1] ?? '1000+';
}
