// The `vmssUpgrades.lint.*` settings: on/off, per-rule severity (keyed by rule code, e.g.
// "vmss-health-signal": "warning"), and which supported-image table R2 uses.
import * as vscode from 'vscode';
import type { SeveritySetting } from '../readiness/ruleCatalog';

export const lintSection = 'vmssUpgrades.lint';

export interface LintSettings {
  readonly enabled: boolean;
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  readonly imageTable: 'current' | 'seed-2020';
}

const levels = new Set(['error', 'warning', 'information', 'off']);

export function readLintSettings(scope?: vscode.ConfigurationScope): LintSettings {
  const config = vscode.workspace.getConfiguration(lintSection, scope);
  const raw = config.get<Record<string, unknown>>('severity') ?? {};
  const severity: Record<string, SeveritySetting> = {};
  for (const [rule, level] of Object.entries(raw)) if (typeof level === 'string' && levels.has(level)) severity[rule] = level as SeveritySetting;
  return {
    enabled: config.get<boolean>('enabled') ?? true,
    severity,
    imageTable: config.get<string>('imageTable') === 'seed-2020' ? 'seed-2020' : 'current',
  };
}
