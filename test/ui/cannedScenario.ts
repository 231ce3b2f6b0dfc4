// Plays one of the recorded dashboard runs (src/webview/scenarios/*.json) through the
// development-only palette command, for the UI tests that look at a dashboard without a live run.
import { workbench } from './fixture';

export const playCannedScenarioCommand = 'Azure Scale Sets: Play a Canned Dashboard Scenario (Development)';

/** Opening the view activates the extension, which then sets the development-only context key. */
export async function showDevelopmentCommands(): Promise<void> {
  await workbench().openViewContainer('Azure Scale Sets');
  const deadline = Date.now() + 30_000;
  while (!(await workbench().commandPaletteTitles('Azure Scale Sets:')).includes(playCannedScenarioCommand)) {
    if (Date.now() > deadline) throw new Error(`"${playCannedScenarioCommand}" never appeared in the palette`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Starts the recorded run in `scenarioFile` (a file name shown in the command's pick list). */
export async function playCannedScenario(scenarioFile: string): Promise<void> {
  const wb = workbench();
  await showDevelopmentCommands();
  await wb.runCommand(playCannedScenarioCommand);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: scenarioFile }).click();
}
