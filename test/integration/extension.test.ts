// Runs inside a real VS Code extension host: checks what VS Code itself knows about the
// extension — that it activates, what it exports, which commands and views exist.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const extensionId = 'vmss-upgrades.vmss-upgrades';
const ownCommands = ['vmssUpgrades.refresh', 'vmssUpgrades.signIn', 'vmssUpgrades.useSimulator'];

interface ContributedCommand {
  readonly command: string;
}
interface ContributedView {
  readonly id: string;
}

function ourExtension(): vscode.Extension<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this VS Code`);
  return extension;
}

describe('extension in a real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await ourExtension().activate();
  });

  it('is present and active', () => {
    assert.equal(ourExtension().isActive, true);
  });

  it('exports the Scale Sets tree provider', () => {
    assert.equal(typeof api.tree.getChildren, 'function');
    assert.equal(typeof api.tree.getTreeItem, 'function');
    assert.equal(typeof api.tree.onDidChangeTreeData, 'function');
  });

  it('shows no tree items while signed out, so the view shows its welcome content', async () => {
    const items = await Promise.resolve(api.tree.getChildren());
    assert.deepEqual(items, []);
  });

  it('registers its commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of ownCommands) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('registers every command its manifest contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (ourExtension().packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length >= ownCommands.length);
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
  });

  it('contributes the Azure Scale Sets view container and its Scale Sets view', async () => {
    const views = ourExtension().packageJSON.contributes.views.vmssUpgrades as ContributedView[];
    assert.ok(views.some((view) => view.id === 'vmssUpgrades.scaleSets'));
    // VS Code creates these commands only for containers and views it has registered.
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('workbench.view.extension.vmssUpgrades'), 'view container missing');
    assert.ok(registered.has('vmssUpgrades.scaleSets.focus'), 'Scale Sets view missing');
  });

  it('opens the Scale Sets view and refreshes it', async () => {
    await vscode.commands.executeCommand('vmssUpgrades.scaleSets.focus');
    let changes = 0;
    const subscription = api.tree.onDidChangeTreeData(() => changes++);
    try {
      await vscode.commands.executeCommand('vmssUpgrades.refresh');
    } finally {
      subscription.dispose();
    }
    assert.equal(changes, 1, 'refresh should fire one tree change');
  });
});
