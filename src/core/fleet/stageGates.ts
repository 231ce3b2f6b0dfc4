// Gates after a stage: checks that must pass before the next stage starts. `health` (the stage's sets
// are healthy) is built in; other kinds (bake time, alerts — issue 16's gates) register here, so a rollout
// file can name them and the validator knows them.
import type { AzureGateway, ScaleSetRef } from '../../azure/gateway';
import type { Clock } from '../../shared/clock';
import type { StageGateSpec } from './rolloutFile';

export interface StageGateContext {
  readonly gateway: AzureGateway;
  readonly clock: Clock;
  /** The stage's sets that ran (not the ones listed as not ready or already on the target). */
  readonly sets: readonly ScaleSetRef[];
  readonly signal?: AbortSignal;
}

export interface StageGateVerdict {
  readonly ok: boolean;
  readonly detail: string;
}

export interface StageGate {
  readonly kind: string;
  check(spec: StageGateSpec, context: StageGateContext): Promise<StageGateVerdict>;
}

const registry = new Map<string, StageGate>();

/** Adds a gate kind (the extension point for bake / alert gates). */
export function registerStageGate(gate: StageGate): void {
  registry.set(gate.kind, gate);
}

export function knownGateKinds(): string[] {
  return [...registry.keys()];
}

export function stageGate(kind: string): StageGate | undefined {
  return registry.get(kind);
}

/**
 * `health`: every instance of the stage's sets is read once; the gate passes when the share of instances
 * not healthy is at most `maxUnhealthyPercent` (default 0). H1–H3: the health is what the instance view says.
 */
export const healthGate: StageGate = {
  kind: 'health',
  async check(spec, { gateway, sets, signal }) {
    const limit = typeof spec.maxUnhealthyPercent === 'number' ? spec.maxUnhealthyPercent : 0;
    let total = 0;
    const unhealthy: string[] = [];
    for (const ref of sets) {
      const instances = await gateway.listInstances(ref, signal);
      total += instances.length;
      for (const i of instances) if (i.health !== 'healthy') unhealthy.push(`${ref.name}/${i.instanceId} (${i.health})`);
    }
    const percent = total === 0 ? 0 : (unhealthy.length * 100) / total;
    const ok = percent <= limit;
    const shown = unhealthy.slice(0, 5).join(', ') + (unhealthy.length > 5 ? `, … ${unhealthy.length - 5} more` : '');
    return { ok, detail: `${unhealthy.length}/${total} instance(s) not healthy (limit ${limit}%)${unhealthy.length ? `: ${shown}` : ''}` };
  },
};

registerStageGate(healthGate);
