// Sends one `run` event when a run of the embedded orchestrator ends. It only observes the run
// registry (its change notifications and each run's `done` promise), so the core and the registry
// know nothing of telemetry. Pure: no `vscode`.
import type { RolloutPlan, RunSummary } from '../core/contract';
import type { ConnectionKind } from './events';
import { instanceCountBucket } from './instanceCountBucket';
import type { Telemetry } from './telemetry';

export interface ObservableRuns {
  onDidChange(listener: () => void): () => void;
  running(): ReadonlyArray<{ readonly plan: RolloutPlan; readonly done?: Promise<RunSummary> }>;
}

export function reportRuns(telemetry: Telemetry, runs: ObservableRuns, connection: () => ConnectionKind): () => void {
  const seen = new WeakSet<Promise<RunSummary>>();
  return runs.onDidChange(() => {
    for (const { plan, done } of runs.running()) {
      if (!done || seen.has(done)) continue;
      seen.add(done);
      const common = {
        strategy: plan.strategy.kind,
        canary: (plan.strategy.canary ?? 0) > 0 ? ('yes' as const) : ('no' as const),
        instanceCount: instanceCountBucket(plan.instanceCount),
        connection: connection(),
      };
      done.then(
        (summary) => {
          const properties = { ...common, outcome: summary.outcome };
          const measurements = { batches: summary.batches.finished, rollbacks: summary.instances.rolledBack, durationMs: summary.durationMs };
          if (summary.outcome === 'failed') telemetry.sendError('run', properties, measurements);
          else telemetry.send('run', properties, measurements);
        },
        () => telemetry.sendError('run', { ...common, outcome: 'failed' }, { batches: 0, rollbacks: 0, durationMs: 0 }),
      );
    }
  });
}
