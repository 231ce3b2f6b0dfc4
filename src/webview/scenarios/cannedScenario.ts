// Canned scenarios for the dashboard (development only): a recorded executor event stream with its
// plan, replayed through the same RunProjection and DashboardSession a live run uses, so the UI can
// be worked on and screenshot without Azure, the simulator or waiting for a real rollout.
import type { RolloutPlan, RunEvent } from '../../core/contract';
import type { HistoryEntry, PlatformUpgradeView, ScaleSetHeader } from '../contract';
import type { DashboardSession } from '../dashboardSession';
import { RunProjection } from '../runProjection';

export interface CannedScenario {
  readonly name: string;
  readonly description: string;
  readonly scaleSet: ScaleSetHeader;
  readonly plan: RolloutPlan;
  /** In the order the executor published them; `at` is simulated time. */
  readonly events: readonly RunEvent[];
  readonly platform?: PlatformUpgradeView;
  readonly history?: readonly HistoryEntry[];
}

export function parseCannedScenario(raw: unknown): CannedScenario {
  const s = raw as Partial<CannedScenario> | null;
  if (!s || typeof s.name !== 'string' || !s.scaleSet?.id || !s.plan?.batches || !Array.isArray(s.events)) {
    throw new Error('Not a dashboard scenario: it needs name, scaleSet, plan and events');
  }
  return s as CannedScenario;
}

export interface PlayOptions {
  /** Real milliseconds per simulated millisecond between events (0: all at once). */
  readonly speed: number;
  readonly signal?: AbortSignal;
  /** Stop before this event index (e.g. to show a run in the middle). */
  readonly stopAt?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Feeds the scenario into a session; resolves when the stream ends or the signal aborts. */
export async function playScenario(session: DashboardSession, scenario: CannedScenario, options: PlayOptions): Promise<void> {
  const runId = scenario.events[0]?.runId ?? 'canned';
  const projection = new RunProjection(runId, scenario.plan);
  session.setScaleSet(scenario.scaleSet);
  session.setPlatform(scenario.platform);
  session.setHistory(scenario.history ?? []);
  session.setRun(projection.view());
  const end = Math.min(options.stopAt ?? scenario.events.length, scenario.events.length);
  for (let i = 0; i < end && !options.signal?.aborted; i++) {
    const event = scenario.events[i];
    const previous = scenario.events[i - 1];
    if (previous) await sleep((event.at - previous.at) * options.speed, options.signal);
    session.append(projection.apply(event));
    session.setRun(projection.view());
  }
}
