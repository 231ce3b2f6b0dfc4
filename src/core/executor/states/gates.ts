// Between-batches state: O5 on what ran so far, cancel-after-batch, the approval gate, the pause (O8),
// and pause/resume commands.
import type { BatchProgress } from '../../journal/replay';
import type { RunContext } from '../runContext';
import type { RunHost, Stop } from './host';

export async function beforeBatch(host: RunHost, batch: BatchProgress): Promise<Stop | undefined> {
  const { ctx } = host;
  const p = ctx.progress;
  const previous = p.batches[batch.index - 1];
  if (previous) {
    const o5 = o5Breach(ctx);
    if (o5) return { outcome: 'aborted', reason: o5 };
  }
  if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled after the current batch.' };
  if (previous?.gateAfter) {
    const decision = await gate(host, previous);
    if (decision) return decision;
  }
  if (previous && ctx.policy.pauseBetweenBatchesMs > 0) {
    host.setState('pausingBetweenBatches', `Pausing ${ctx.policy.pauseTimeBetweenBatches} (O8).`);
    const started = ctx.clock.now();
    await ctx.clock.sleep(ctx.policy.pauseBetweenBatchesMs, ctx.signal);
    ctx.record({ type: 'waited', kind: 'pause', ms: ctx.clock.now() - started });
  }
  while (p.paused && !p.cancel) {
    host.setState('paused');
    await host.nextCommand();
  }
  if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled between batches.' };
  host.setState('running');
  return undefined;
}

async function gate(host: RunHost, after: BatchProgress): Promise<Stop | undefined> {
  const { ctx } = host;
  const p = ctx.progress;
  const reason = after.gateAfter!;
  // A breach gate (bake.ts) after the same batch is a different decision.
  const decided = () => (p.gate?.batch === after.index && p.gate.reason === reason ? p.gate.state : undefined);
  if (decided() === undefined) {
    ctx.record({ type: 'gate', batch: after.index, reason, state: 'open' });
  }
  if (decided() === 'open') {
    ctx.emit({ type: 'gate', afterBatch: after.index, reason, state: 'open' });
    host.setState('awaitingApproval', `Approve to continue after batch ${after.index + 1} (${reason}).`);
    const started = ctx.clock.now();
    while (decided() === 'open' && !p.cancel) await host.nextCommand();
    ctx.record({ type: 'waited', kind: 'gate', ms: ctx.clock.now() - started });
  }
  if (decided() === 'rejected') return { outcome: 'rejected', reason: `The gate after batch ${after.index + 1} was rejected.` };
  if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled at an approval gate.' };
  return undefined;
}

/** O5: the share of upgraded instances that did not become healthy. */
export function o5Breach(ctx: RunContext): string | undefined {
  let upgraded = 0;
  let failed = 0;
  for (const i of ctx.progress.instances.values()) {
    // A surge replacement's outcome is counted once, on the old instance it replaces.
    if (i.replaces) continue;
    if (i.state === 'succeeded' || i.state === 'replaced') upgraded++;
    else if (i.state === 'failed' || i.state === 'rolledBack' || i.state === 'rollbackFailed') {
      upgraded++;
      failed++;
    }
  }
  const percent = upgraded === 0 ? 0 : (failed * 100) / upgraded;
  const limit = ctx.policy.maxUnhealthyUpgradedInstancePercent;
  if (percent <= limit) return undefined;
  ctx.emit({ type: 'check', rule: 'O5', ok: false, unhealthy: failed, total: upgraded, limitPercent: limit });
  return `O5: ${failed} of ${upgraded} upgraded instances did not become healthy (${percent.toFixed(1)}%), the limit is ${limit}%.`;
}
