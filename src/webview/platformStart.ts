// A6: how Azure's rolling upgrade that the extension started ended, as the start operation tells it.
// The operation belongs to the connection it was sent on: when that connection goes (sign-out, another
// simulator), `signal` aborts and the wait stops — that is not Azure's upgrade failing (it goes on in
// Azure). Without this, the simulator stopping under a pending start surfaced as "Azure's rolling
// upgrade of web-frontend failed: connect ECONNREFUSED" (the README's tree picture, issue 15).
import { describeAzureError } from '../azure/azureError';
import type { AzureGateway, ScaleSetRef } from '../azure/gateway';
import { explainRefusal } from '../core/explain/explainRefusal';
import type { Explanation } from '../core/explain/explanation';

export type PlatformStartOutcome =
  | { readonly kind: 'completed' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'stopped' }
  /** `refusal`: Azure answered the start itself with an error (4xx), so no upgrade ran — why, and the fixes. */
  | { readonly kind: 'failed'; readonly message: string; readonly refusal?: Explanation };

export async function followPlatformStart(gateway: AzureGateway, ref: ScaleSetRef, started: Promise<void>, signal: AbortSignal): Promise<PlatformStartOutcome> {
  try {
    await started;
    return { kind: 'completed' };
  } catch (err) {
    if (signal.aborted) return { kind: 'stopped' };
    // A cancelled upgrade also ends its start operation in failure: say "cancelled", not "failed" (A6).
    const latest = await gateway.getLatestRollingUpgrade(ref, signal).catch(() => undefined);
    if (signal.aborted) return { kind: 'stopped' };
    if (latest?.runningStatus?.code === 'Cancelled') return { kind: 'cancelled' };
    const { message, statusCode } = describeAzureError(err);
    // A failed long-running operation has no status of its own (azure-sdk.md); an ARM answer to the POST has.
    const refused = statusCode !== undefined && statusCode >= 400 && statusCode < 500;
    return { kind: 'failed', message, ...(refused ? { refusal: explainRefusal(ref, 'start the OS rolling upgrade', err) } : {}) };
  }
}
