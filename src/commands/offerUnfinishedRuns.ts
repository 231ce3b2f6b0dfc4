// At activation: runs the journal holds unfinished (the window closed or reloaded mid-run) are offered
// for resume. Runs after the connection settled and never delays activation.
import * as vscode from 'vscode';
import { scaleSetRefFromId } from '../azure/gateway';
import type { CommandServices } from './extensionCommand';
import { errorSummary } from '../azure/azureError';

export async function offerUnfinishedRuns(services: CommandServices): Promise<void> {
  const { journal, log } = services.upgrades;
  let unfinished;
  try {
    unfinished = journal.unfinished();
  } catch (err) {
    log.warn(`Could not read the run journal: ${errorSummary(err)}`);
    return;
  }
  // Only an unfinished run loads the webview host (issue 18): it is shown in its dashboard.
  if (!unfinished.some((run) => run.scaleSetId)) return;
  const { runs, dashboards } = services.upgrades;
  for (const run of unfinished) {
    if (!run.scaleSetId || runs.get(run.scaleSetId)?.phase === 'running') continue;
    runs.showInterrupted(run.runId);
    const name = scaleSetRefFromId(run.scaleSetId).name;
    const resume = vscode.l10n.t('Resume');
    const show = vscode.l10n.t('Show Dashboard');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The upgrade run on {0} did not finish (target {1}). Resume it?', name, run.target ?? '?'), resume, show);
    if (answer === resume) {
      await runs.resume(run.runId);
      dashboards.show(run.scaleSetId);
    } else if (answer === show) {
      dashboards.show(run.scaleSetId);
    }
  }
}
