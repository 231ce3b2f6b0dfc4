// The extension's connection settings, read and written in one place.
import * as vscode from 'vscode';
import { type CloudName, clouds } from '../azure/clouds';

export const cloudSetting = 'vmssUpgrades.cloud';
export const tenantSetting = 'vmssUpgrades.tenant';
export const subscriptionsSetting = 'vmssUpgrades.subscriptions';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration();
}

export function configuredCloud(): CloudName {
  const value = config().get<string>(cloudSetting, 'AzureCloud');
  return value in clouds ? (value as CloudName) : 'AzureCloud';
}

/** undefined: every tenant the account can reach. */
export function configuredTenant(): string | undefined {
  return config().get<string>(tenantSetting, '').trim() || undefined;
}

/** Empty: show every subscription. */
export function selectedSubscriptions(): readonly string[] {
  return config().get<string[]>(subscriptionsSetting, []);
}

export async function setCloud(cloud: CloudName): Promise<void> {
  await config().update(cloudSetting, cloud, vscode.ConfigurationTarget.Global);
}

export async function setTenant(tenantId: string | undefined): Promise<void> {
  await config().update(tenantSetting, tenantId ?? '', vscode.ConfigurationTarget.Global);
}

export async function setSelectedSubscriptions(ids: readonly string[]): Promise<void> {
  await config().update(subscriptionsSetting, [...ids], vscode.ConfigurationTarget.Global);
}
