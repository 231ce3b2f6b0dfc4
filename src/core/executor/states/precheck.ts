// Precheck state: refuse to start while a platform rolling upgrade runs (A6), or against O1. The same
// whole-set health check serves O6 before every later batch (batchStart.ts).
import type { InstanceSnapshot } from '../../../azure/gateway';
import { evidenceLimit, evidenceOf } from '../../explain/evidence';
import { countUnhealthy, isInService, withinUnhealthyLimit } from '../health';
import { readFleet } from '../readFleet';
import type { RunContext } from '../runContext';
import { withRetries } from '../transient';
import type { RunHost, Stop } from './host';
import { holdPolicy } from './policyHold';

/**
 * Refuses to start while a platform rolling upgrade runs (A6), or against O1. The set's upgrade policy is
 * held (policyHold.ts) between two A6 checks: a platform upgrade that started before the hold took effect
 * (automatic OS upgrades, A4) is seen by the second one, and none can start after it.
 */
export async function precheck(host: RunHost): Promise<Stop | undefined> {
  host.setState('prechecking');
  const { ctx } = host;
  const before = await platformUpgradeRunning(ctx);
  if (before) return before;
  await holdPolicy(ctx);
  const after = await platformUpgradeRunning(ctx);
  if (after) return after;
  const check = await healthCheck(ctx, 'O1', 0);
  if (!check.ok) return { outcome: 'refused', reason: check.reason };
  return undefined;
}

async function platformUpgradeRunning(ctx: RunContext): Promise<Stop | undefined> {
  const latest = await withRetries(ctx.clock, ctx.signal, () => ctx.gateway.getLatestRollingUpgrade(ctx.ref, ctx.signal), ctx.retry);
  if (latest?.runningStatus?.code !== 'RollingForward') return undefined;
  const since = latest.runningStatus.startTime ? ` (started ${new Date(latest.runningStatus.startTime).toISOString()})` : '';
  return { outcome: 'refused', reason: `A platform rolling upgrade is in progress on this scale set${since}. Wait for it to finish or cancel it (A6) before starting.` };
}

/** O1/O6 over the whole set; Initializing instances are waited for first (H3). */
export async function healthCheck(ctx: RunContext, rule: 'O1' | 'O6', batch: number): Promise<{ ok: boolean; reason: string; fleet: Map<string, InstanceSnapshot> }> {
  const started = ctx.clock.now();
  let fleet = await readFleet(ctx);
  while (countUnhealthy([...fleet.values()]).initializing > 0 && ctx.clock.now() - started < ctx.policy.healthTimeoutMs) {
    await ctx.clock.sleep(ctx.policy.healthPollMs, ctx.signal);
    fleet = await readFleet(ctx);
  }
  const count = countUnhealthy([...fleet.values()]);
  const ok = withinUnhealthyLimit(count, ctx.policy.maxUnhealthyInstancePercent);
  // A failed check names its first unhealthy instances with their instance views (explain).
  const evidence = ok ? [] : [...fleet.values()].filter((s) => !isInService(s)).slice(0, evidenceLimit).map(evidenceOf);
  ctx.record({ type: 'healthCheck', rule, batch, ok, unhealthy: count.unhealthy, total: count.total, ...(evidence.length > 0 ? { evidence } : {}) });
  ctx.emit({ type: 'check', rule, ok, unhealthy: count.unhealthy, total: count.total, limitPercent: ctx.policy.maxUnhealthyInstancePercent });
  return { ok, reason: checkReason(ctx, rule, batch, count.unhealthy, count.total), fleet };
}

export function checkReason(ctx: RunContext, rule: 'O1' | 'O6', batch: number, unhealthy: number, total: number): string {
  const percent = total === 0 ? 0 : (unhealthy * 100) / total;
  const limit = ctx.policy.maxUnhealthyInstancePercent;
  return `${rule}: ${unhealthy} of ${total} instances are unhealthy (${percent.toFixed(1)}%), the limit is ${limit}%${rule === 'O1' ? '; nothing was moved' : `; stopped before batch ${batch + 1}`}.`;
}
