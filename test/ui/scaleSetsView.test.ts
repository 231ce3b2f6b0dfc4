// The "Azure Scale Sets" activity-bar tab and its "Scale Sets" view, as a user sees them.
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { workbench, workbenchStartTimeoutMs } from './fixture';

describe('Scale Sets view in the workbench', function () {
  this.timeout(workbenchStartTimeoutMs);

  it('shows the welcome content with "Sign in to Azure" and "Use the built-in simulator" while signed out', async () => {
    const sideBar = await workbench().openViewContainer('Azure Scale Sets');
    // With one view in the container VS Code titles it "Azure Scale Sets: Scale Sets"; with more, "Scale Sets".
    await sideBar.getByRole('heading', { name: /(^|: )Scale Sets$/ }).waitFor({ state: 'visible' });
    await sideBar.getByRole('button', { name: 'Sign in to Azure' }).waitFor({ state: 'visible' });
    await sideBar.getByRole('button', { name: 'Use the built-in simulator' }).waitFor({ state: 'visible' });

    const file = await workbench().screenshot('scale-sets-welcome');
    assert.ok(statSync(file).size > 10_000, `${file} looks empty`);
  });

  it('lists its commands in the command palette under the "Azure Scale Sets" category', async () => {
    const titles = await workbench().commandPaletteTitles('Azure Scale Sets:');
    for (const title of ['Azure Scale Sets: Refresh', 'Azure Scale Sets: Sign in to Azure', 'Azure Scale Sets: Use the Built-in Simulator']) {
      assert.ok(titles.includes(title), `"${title}" missing from ${JSON.stringify(titles)}`);
    }
  });
});
