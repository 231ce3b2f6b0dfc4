// The embedded run wizard ("Run OS Upgrade with the Embedded Orchestrator…") as the UI tests walk it.
import type { FrameLocator } from 'playwright-core';
import { workbench } from './fixture';

/**
 * The wizard's steps after the target image, with the plainest answers: percentage batches, no canary, no gates,
 * the set's rolling upgrade policy. Resolves with the dashboard once it shows the plan.
 */
export async function planPercentageBatchesWithoutGates(): Promise<FrameLocator> {
  const quickInput = workbench().page.locator('.quick-input-widget');
  await workbench().choose('Percentage batches');
  await workbench().choose('No canary');
  // Gates: none chosen (a multi-select accepted as it is) — once it shows: an Enter before that lands on the
  // step before (seen in CI: the policy step's text then went into the gates pick).
  await quickInput.locator('.quick-input-list .monaco-list-row', { hasText: 'After each batch' }).first().waitFor({ timeout: 60_000 });
  await quickInput.locator('input.input').press('Enter');
  await workbench().choose("Use the scale set's rolling upgrade policy");
  const dashboard = workbench().webviewFrame();
  await dashboard.locator('#run-status[data-status="planned"]').waitFor({ timeout: 60_000 });
  return dashboard;
}
