// Issue 16: a batch starts only inside the run's maintenance window and only if its predicted duration
// fits before the window closes (rule and why: core/window/batchSlot.ts). Otherwise the run waits —
// journaled (windowWait, then windowOpen) — and goes on by itself when the next window opens. A resume
// after a reload or a kill recomputes the wait from the clock, so it never starts a batch early.
// Cancel (after batch or now) ends the wait.
import type { BatchProgress } from '../../journal/replay';
import { compileRunWindow, batchSlot } from '../../window/batchSlot';
import type { RunHost, Stop } from './host';

const ignore = () => undefined;

export async function waitForWindow(host: RunHost, batch: BatchProgress): Promise<Stop | undefined> {
  const { ctx } = host;
  const p = ctx.progress;
  const planWindow = p.plan.window;
  if (!planWindow) return undefined;
  const compiled = compileRunWindow(planWindow.window);
  const planned = p.plan.batches[batch.index]?.predictedMs ?? Math.max(0, ...p.plan.batches.map((b) => b.predictedMs));
  let waited = false;
  for (;;) {
    if (p.cancel) return { outcome: 'cancelled', reason: 'Cancelled while waiting for the maintenance window.' };
    const now = ctx.clock.now();
    const slot = batchSlot(compiled, now, planned);
    if (!slot) return { outcome: 'aborted', reason: `The maintenance window expired before batch ${batch.index + 1} could start.` };
    if (slot.start <= now) {
      if (waited || p.windowWait) ctx.record({ type: 'windowOpen', batch: batch.index, windowEnd: slot.windowEnd });
      if (waited) host.setState('running');
      return undefined;
    }
    if (p.windowWait?.until !== slot.start) ctx.record({ type: 'windowWait', batch: batch.index, until: slot.start, windowEnd: slot.windowEnd });
    waited = true;
    host.setState('waitingForWindow', `Waiting for the maintenance window until ${new Date(slot.start).toISOString()} (batch ${batch.index + 1}).`);
    // A command (cancel, pause) wakes the wait early; cancel-now rejects both.
    const sleep = ctx.clock.sleep(slot.start - now, ctx.signal);
    const command = host.nextCommand();
    sleep.catch(ignore);
    command.catch(ignore);
    await Promise.race([sleep, command]);
    if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('The operation was aborted.');
  }
}
