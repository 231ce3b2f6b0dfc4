// The lease options of `run` and `resume` (issue 17): who holds the scale set's lease, and breaking a
// stale one on purpose. A run refused because another run holds the lease exits 4 (refused).
import { defaultLeaseHolder } from '../core/lease/leaseTag';
import type { LeaseOptions } from '../core/executor/states/lease';

export const leaseOptions = {
  'lease-holder': { type: 'string' },
  'break-lease': { type: 'boolean' },
} as const;

export const leaseUsage = `Lease:       one driver per scale set — a tag on the set (vmss-upgrades.lease) names the run's holder
             --lease-holder NAME   holder named in the lease (default: the pipeline run, else user@machine)
             --break-lease         break another run's lease once it has expired (a live lease is never broken)`;

export function leaseOptionsFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv): LeaseOptions {
  const named = typeof values['lease-holder'] === 'string' ? values['lease-holder'].trim() : '';
  return { holder: named || defaultLeaseHolder(env), breakExpired: values['break-lease'] === true };
}
