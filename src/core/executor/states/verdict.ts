// Finish state: the run's verdict after its last batch (O5 on the whole run, then failures or success).
import type { RunContext } from '../runContext';
import { o5Breach } from './gates';
import type { Stop } from './host';

export function afterLastBatch(ctx: RunContext): Stop {
  const o5 = o5Breach(ctx);
  if (o5) return { outcome: 'aborted', reason: o5 };
  const states = [...ctx.progress.instances.values()].filter((i) => !i.replaces).map((i) => i.state);
  const failed = states.filter((s) => s === 'failed' || s === 'rolledBack' || s === 'rollbackFailed').length;
  if (failed > 0) return { outcome: 'completedWithFailures', reason: `${failed} instance(s) did not become healthy${ctx.policy.rollbackFailedInstances ? ' and were rolled back' : ''}.` };
  const moved = states.filter((s) => s === 'succeeded' || s === 'replaced').length;
  return { outcome: 'succeeded', reason: moved === 0 ? 'Every instance already runs the target.' : `${moved} instance(s) moved to ${ctx.target.description}.` };
}
