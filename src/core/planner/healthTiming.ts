// When an instance's health can change after a move, from the set's own health signal (H2): the
// Application Health extension's settings — `gracePeriod` (seconds an instance stays Initializing after
// it starts; Learn "Using Application Health extension with Virtual Machine Scale Sets") and a probe
// every `intervalInSeconds`, `numberOfProbes` in a row to change state. Absent settings stay unknown:
// we do not assume the extension's defaults (unverified here), the health wait then reads at its own poll.
import type { VirtualMachineScaleSet } from '../../azure/gateway';

export interface HealthTiming {
  readonly graceMs?: number;
  readonly checkIntervalMs?: number;
}

function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function healthTimingOf(set: Pick<VirtualMachineScaleSet, 'virtualMachineProfile'>): HealthTiming {
  const extensions = set.virtualMachineProfile?.extensionProfile?.extensions ?? [];
  const health = extensions.find((e) => /^ApplicationHealth(Linux|Windows)$/i.test(e.typePropertiesType ?? ''));
  const settings = (health?.settings ?? {}) as Record<string, unknown>;
  const grace = seconds(settings.gracePeriod);
  const interval = seconds(settings.intervalInSeconds);
  const probes = seconds(settings.numberOfProbes) ?? (interval !== undefined ? 1 : undefined);
  return {
    ...(grace !== undefined ? { graceMs: grace * 1000 } : {}),
    ...(interval !== undefined && interval > 0 ? { checkIntervalMs: interval * (probes || 1) * 1000 } : {}),
  };
}
