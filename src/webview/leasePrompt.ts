// Issue 17 in the editor: a run refused because another run holds the scale set's lease says who holds
// it; a stale (expired) lease can be broken on purpose, after a modal confirmation naming the holder.
import * as vscode from 'vscode';
import type { RunSummary } from '../core/contract';
import type { RunRegistry } from './runRegistry';

type LeaseHeld = NonNullable<RunSummary['leaseHeldBy']>;

export async function promptLeaseRefusal(runs: RunRegistry, scaleSetId: string, heldBy: LeaseHeld, reason: string, log: vscode.LogOutputChannel): Promise<void> {
  if (!heldBy.expired) {
    void vscode.window.showWarningMessage(reason);
    return;
  }
  const breakIt = vscode.l10n.t('Break Lease…');
  if ((await vscode.window.showWarningMessage(reason, breakIt)) !== breakIt) return;
  const confirm = vscode.l10n.t('Break Lease');
  const detail = vscode.l10n.t(
    'Its run {0} stopped renewing it; the lease expired at {1}. Break it only when you know that run is gone: if it still runs, it loses the lease and stops after its current batch.',
    heldBy.runId || '?',
    new Date(heldBy.expiresAt).toISOString(),
  );
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Break the lease on this scale set held by {0}?', heldBy.holder), { modal: true, detail }, confirm);
  if (answer !== confirm) return;
  try {
    await runs.breakLease(scaleSetId);
  } catch (err) {
    log.warn(`Break Lease: ${(err as Error).message}`);
    void vscode.window.showErrorMessage((err as Error).message);
  }
}
