// The connection as telemetry names it: never the cloud's endpoint or the account, only its kind.
import type { ConnectionKind } from './events';

export function connectionKind(mode: string): ConnectionKind {
  if (mode === 'azure' || mode === 'simulator') return mode;
  return 'none';
}
