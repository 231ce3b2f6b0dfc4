// A group's embedded engine options as the orchestrator's Strategy. The names are the CLI's `--strategy`
// names (src/cli/commands/plan.ts), so a rollout file reads like the run command line.
import type { Strategy, StrategyKind } from '../contract';
import type { EmbeddedEngine } from './rolloutFile';

const kinds: Readonly<Record<string, StrategyKind>> = {
  zone: 'zoneThenUpdateDomain',
  'cross-zone': 'crossZone',
  percentage: 'percentage',
  count: 'count',
  'update-domain': 'updateDomain',
  'fault-domain': 'faultDomain',
};

export const embeddedStrategyNames = Object.keys(kinds);

export function embeddedStrategy(engine: EmbeddedEngine): Strategy {
  const kind = kinds[engine.strategy ?? 'zone'] ?? 'zoneThenUpdateDomain';
  return { kind, ...(engine.count !== undefined ? { count: engine.count } : {}), ...(engine.canary !== undefined ? { canary: engine.canary } : {}) };
}
