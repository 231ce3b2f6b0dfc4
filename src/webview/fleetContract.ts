// The fleet view's message contract, imported by the panel host (fleetPanel.ts) and the browser client
// (src/webview-client/fleet/). Types and boundary guards only: no `vscode`, no Node modules.
import type { FleetView } from '../core/fleet/fleetEvents';
import type { SafetyFinding } from '../core/fleet/fleetPlan';

export type { FleetView, SafetyFinding };

export interface FleetLogLine {
  readonly at: number;
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** extension → webview: the whole state each time (a fleet view is small: stages × sets). */
export interface FleetHostMessage {
  readonly type: 'fleet';
  /** `planned`: the plan under review (Start runs it); `running` / `finished`: the run. */
  readonly phase: 'planned' | 'running' | 'finished';
  readonly view: FleetView;
  readonly findings: readonly SafetyFinding[];
  readonly log: readonly FleetLogLine[];
  readonly clock: { readonly now: number; readonly timeScale: number };
}

export const fleetActions = ['start', 'approve', 'reject', 'pause', 'resume', 'stop', 'stopNow'] as const;
export type FleetAction = (typeof fleetActions)[number];

/** webview → extension. */
export type FleetWebviewMessage = { readonly type: 'ready' } | { readonly type: 'fleet'; readonly action: FleetAction; readonly stage?: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The boundary check: what the webview sends is untrusted until this says otherwise. */
export function parseFleetWebviewMessage(raw: unknown): FleetWebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.type === 'ready') return Object.keys(raw).length === 1 ? { type: 'ready' } : undefined;
  if (raw.type !== 'fleet' || !Object.keys(raw).every((k) => ['type', 'action', 'stage'].includes(k))) return undefined;
  if (typeof raw.action !== 'string' || !(fleetActions as readonly string[]).includes(raw.action)) return undefined;
  if (raw.stage !== undefined && (typeof raw.stage !== 'string' || raw.stage.length > 200)) return undefined;
  return { type: 'fleet', action: raw.action as FleetAction, ...(typeof raw.stage === 'string' ? { stage: raw.stage } : {}) };
}

export function isFleetHostMessage(raw: unknown): raw is FleetHostMessage {
  return isRecord(raw) && raw.type === 'fleet' && isRecord(raw.view) && Array.isArray(raw.findings) && Array.isArray(raw.log) && isRecord(raw.clock);
}
