// What an instance view said about one instance when something failed: the evidence an explanation
// shows (health state H1–H3, extension status, provisioning state and error). Journaled with failed
// O1/O6 checks and failed health verdicts, so `explain RUN_ID` needs no Azure call.
import type { HealthState, InstanceSnapshot } from '../../azure/gateway';

export interface InstanceEvidence {
  readonly instanceId: string;
  readonly health?: HealthState;
  /** Where the health came from: the probe / Application Health extension, or power + extensions (H1). */
  readonly healthSource?: 'signal' | 'derived';
  readonly powerState?: string;
  readonly provisioningState?: string;
  /** e.g. "CustomScript: Provisioning failed" from the instance view's extension statuses. */
  readonly extensionProblems?: readonly string[];
  /** The image version the instance ran when read. */
  readonly version?: string;
  /** What our run recorded for it (a move or rollback error, "not healthy in time"). */
  readonly error?: string;
  readonly batch?: number;
}

/** At most this many instances are journaled per failed check: enough to name the first ones. */
export const evidenceLimit = 10;

export function evidenceOf(s: InstanceSnapshot): InstanceEvidence {
  return {
    instanceId: s.instanceId,
    health: s.health,
    healthSource: s.healthSource,
    powerState: s.powerState,
    provisioningState: s.provisioningState,
    ...(s.extensionProblems.length > 0 ? { extensionProblems: [...s.extensionProblems] } : {}),
    ...(s.image.exactVersion ?? s.image.version ? { version: s.image.exactVersion ?? s.image.version } : {}),
  };
}

/** One line of evidence for text output. */
export function describeEvidence(e: InstanceEvidence): string {
  const parts: string[] = [];
  if (e.health) parts.push(`health ${e.health}${e.healthSource === 'derived' ? ' (from power state and extensions, H1)' : ''}`);
  if (e.powerState && e.powerState !== 'running') parts.push(`power ${e.powerState}`);
  if (e.provisioningState && e.provisioningState.toLowerCase() !== 'succeeded') parts.push(`provisioning ${e.provisioningState}`);
  if (e.extensionProblems?.length) parts.push(`extensions: ${e.extensionProblems.join('; ')}`);
  if (e.version) parts.push(`image ${e.version}`);
  if (e.error) parts.push(e.error);
  return parts.join(', ');
}
