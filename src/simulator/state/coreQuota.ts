// Total regional vCPU quota (scenario `quotas`): a scale-out that would use more cores in a region than
// the subscription's limit is refused the way Azure refuses it — 409 OperationNotAllowed naming the
// quota, the limit, the usage and what more is needed — and changes nothing.
import { ArmError } from '../armError';
import type { ScaleSet } from './model';
import type { World } from './world';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** vCPUs of a VM size from its name (Standard_D2s_v3 → 2, Standard_B1ms → 1, Standard_E16ds_v5 → 16). */
export function coresOfSize(vmSize: string): number {
  const m = /^[a-z]+_[a-z]+(\d+)/i.exec(vmSize);
  return m ? Number(m[1]) : 1;
}

/** Instances that hold cores: everything but instances whose deletion is under way. */
export function liveInstances(set: ScaleSet) {
  return set.instances.filter((i) => i.deletingUntil === undefined);
}

/** Throws Azure's quota error when `candidate` (a PATCH/PUT of `previous`) needs more cores than are left. */
export function checkCoreQuota(world: World, candidate: Pick<ScaleSet, 'subscriptionId' | 'location' | 'sku'>, previous: ScaleSet | undefined): void {
  const quota = world.coreQuotas.find((q) => same(q.subscriptionId, candidate.subscriptionId) && same(q.location, candidate.location));
  if (!quota) return;
  const before = previous ? liveInstances(previous).length * coresOfSize(previous.sku.name) : 0;
  const after = candidate.sku.capacity * coresOfSize(candidate.sku.name);
  if (after <= before) return;
  const usage = world.scaleSetsOf(candidate.subscriptionId).filter((s) => same(s.location, candidate.location)).reduce((sum, s) => sum + liveInstances(s).length * coresOfSize(s.sku.name), 0);
  const required = after - before;
  if (usage + required <= quota.cores) return;
  throw new ArmError(
    409,
    'OperationNotAllowed',
    `Operation could not be completed as it results in exceeding approved Total Regional Cores quota. Additional details - Deployment Model: Resource Manager, Location: ${candidate.location}, Current Limit: ${quota.cores}, Current Usage: ${usage}, Additional Required: ${required}, (Minimum) New Limit Required: ${usage + required}. Submit a request for Quota increase at https://aka.ms/ProdportalCRP/#blade/Microsoft_Azure_Capacity/UsageAndQuota.ReactView by specifying parameters listed in the 'Details' section for deployment to succeed.`,
  );
}
