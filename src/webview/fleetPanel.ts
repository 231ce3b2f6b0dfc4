// The fleet view's panel host: one panel per rollout file, showing the plan under review (Start runs it)
// and then the run. Messages from the webview are checked at the boundary (fleetContract.ts).
import * as vscode from 'vscode';
import type { FleetEvent, FleetView } from '../core/fleet/fleetEvents';
import type { FleetPlan } from '../core/fleet/fleetPlan';
import type { FleetRunner } from '../core/fleet/runFleet';
import type { Clock } from '../shared/clock';
import { dashboardHtml } from './dashboardHtml';
import { type FleetHostMessage, type FleetLogLine, type FleetWebviewMessage, parseFleetWebviewMessage } from './fleetContract';

export const fleetViewType = 'vmssUpgrades.fleet';

export interface FleetPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly clock: Clock;
  readonly log: vscode.LogOutputChannel;
  /** Journals the plan and returns its runner (not yet running). */
  readonly start: (plan: FleetPlan) => FleetRunner;
}

/** The plan's sets as a view before anything runs. */
function plannedView(plan: FleetPlan, target: string): FleetView {
  return {
    fleetId: '',
    name: plan.name,
    target,
    state: 'running',
    failedSets: 0,
    maxFailedSets: plan.maxFailedSets,
    stages: plan.stages.map((stage) => ({
      name: stage.name,
      state: 'pending',
      requiresApproval: stage.requiresApproval,
      waitAfterMs: stage.waitAfterMs,
      gates: stage.gates.map((g) => ({ kind: g.kind, state: 'pending' as const })),
      sets: stage.groups.flatMap((g) =>
        g.sets.map((s) => ({ id: s.id, name: s.name, group: g.name, engine: g.engine.kind, location: s.location, subscriptionId: s.subscriptionId, planned: s.status, state: s.status === 'ready' ? ('pending' as const) : s.status, done: s.status === 'onTarget' ? s.instances : 0, total: s.instances, ...(s.reasons.length ? { detail: s.reasons.join('; ') } : {}) })),
      ),
    })),
  };
}

export class FleetPanel implements vscode.Disposable {
  private runner: FleetRunner | undefined;
  private view: FleetView;
  private phase: FleetHostMessage['phase'] = 'planned';
  private readonly logLines: FleetLogLine[] = [];
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** Every message delivered to the webview (tests read the last one). */
  readonly delivered: FleetHostMessage[] = [];

  constructor(
    private readonly deps: FleetPanelDeps,
    private readonly plan: FleetPlan,
    target: string,
  ) {
    this.view = plannedView(plan, target);
    this.panel = vscode.window.createWebviewPanel(fleetViewType, vscode.l10n.t('Fleet: {0}', plan.name), vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: true });
    const roots = [vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(deps.extensionUri, 'media')];
    this.panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    this.panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    const uri = (...path: string[]) => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, ...path)).toString();
    this.panel.webview.html = dashboardHtml(
      { cspSource: this.panel.webview.cspSource, scriptUri: uri('dist', 'webview', 'fleet.js'), styleUri: uri('media', 'dashboard.css'), codiconsUri: uri('dist', 'webview', 'codicons', 'codicon.css') },
      plan.file ?? plan.name,
      this.panel.title,
    );
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFleetWebviewMessage(raw);
        if (!message) return this.deps.log.warn('Fleet view: dropped a message of unknown shape');
        this.handle(message);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  get fleetId(): string | undefined {
    return this.runner?.fleetId;
  }

  private handle(message: FleetWebviewMessage): void {
    if (message.type === 'ready') return this.post();
    if (message.action === 'start') return void this.startRun();
    if (!this.runner) return this.post();
    const command = message.action === 'approve' || message.action === 'reject' ? { type: message.action, ...(message.stage ? { stage: message.stage } : {}), by: 'VS Code' } : { type: message.action };
    const result = this.runner.send(command);
    if (!result.accepted && result.message) void vscode.window.showInformationMessage(result.message);
    this.post();
  }

  /** Starts the reviewed plan (the Start button, or the command right away in tests). */
  startRun(): FleetRunner | undefined {
    if (this.runner) return this.runner;
    const runner = this.deps.start(this.plan);
    this.runner = runner;
    this.phase = 'running';
    this.view = runner.view();
    runner.subscribe((e: FleetEvent) => {
      if (e.type === 'changed') this.view = e.view;
      if (e.type === 'log') this.logLines.push({ at: e.at, level: e.level, text: e.message });
      if (e.type === 'finished') {
        this.view = e.summary.view;
        this.phase = 'finished';
      }
      this.post();
    });
    void runner.run().catch((err: Error) => {
      this.logLines.push({ at: this.deps.clock.now(), level: 'error', text: err.message });
      this.post();
    });
    this.post();
    return runner;
  }

  private post(): void {
    const message: FleetHostMessage = { type: 'fleet', phase: this.phase, view: this.view, findings: this.plan.findings, log: this.logLines, clock: { now: this.deps.clock.now(), timeScale: this.deps.clock.timeScale } };
    this.delivered.push(message);
    if (this.delivered.length > 50) this.delivered.shift();
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
