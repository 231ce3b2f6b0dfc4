// The panel host: one dashboard panel per scale set, rebuilt from the extension's state whenever
// the webview (re)loads — after being hidden (no retainContextWhenHidden) and after a window reload
// (the serializer; `onWebviewPanel:vmssUpgrades.dashboard` activates us for it). Messages from the
// webview are validated here, at the boundary; anything else is logged and dropped.
import * as vscode from 'vscode';
import { dashboardViewType } from '../activation/contributionIds';
import type { Clock } from '../shared/clock';
import { scaleSetRefFromId } from '../azure/gateway';
import { parsePersistedState, parseWebviewMessage, type DashboardSection, type HostMessage, type FixActionName, type RunAction, type ScaleSetHeader, type WebviewMessage } from './contract';
import { dashboardHtml } from './dashboardHtml';
import { DashboardSession } from './dashboardSession';
import { errorSummary } from '../azure/azureError';

export { dashboardViewType };

/** What the dashboard's buttons do; the run controller and the commands provide it. */
export interface DashboardActions {
  gate(scaleSetId: string, gateId: string, decision: 'approve' | 'reject'): unknown;
  run(scaleSetId: string, action: RunAction): unknown;
  cancelPlatformUpgrade(scaleSetId: string): unknown;
  /** Deferral: approve the named waiting instances, or all of them without ids. */
  approveOsUpgrade(scaleSetId: string, instanceIds: readonly string[] | undefined): unknown;
  exportHistory(scaleSetId: string): unknown;
  /** A fix button of "Why did this fail?" (issue 15). */
  fix(scaleSetId: string, action: FixActionName): unknown;
  /** Loads the header, platform upgrade and history of a set (also after a reload). */
  refresh(scaleSetId: string): unknown;
}

/** Test hook: every message delivered to a webview or accepted from one. */
export interface DashboardTraffic {
  readonly scaleSetId: string;
  readonly direction: 'toWebview' | 'fromWebview';
  readonly message: HostMessage | WebviewMessage;
}

function headerFromId(scaleSetId: string): ScaleSetHeader {
  const ref = scaleSetRefFromId(scaleSetId);
  return { id: scaleSetId, name: ref.name, resourceGroup: ref.resourceGroup };
}

export class DashboardPanels implements vscode.Disposable {
  private readonly sessions = new Map<string, DashboardSession>();
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  /** A section to bring into view once a new panel's webview is ready. */
  private readonly pendingFocus = new Map<string, DashboardSection>();
  private readonly traffic = new vscode.EventEmitter<DashboardTraffic>();
  private readonly disposables: vscode.Disposable[] = [this.traffic];
  private actions: DashboardActions | undefined;
  private visibilityListener: ((scaleSetId: string, visible: boolean) => void) | undefined;
  readonly onDidExchangeMessage = this.traffic.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly clock: Clock,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Re-attaches a panel VS Code restored after a reload. The activation bundle registers the
   * serializer (it must exist at activation) and hands restored panels here (issue 18).
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const persisted = parsePersistedState(state);
    if (!persisted) {
      this.log.warn('Dashboard: a restored panel had no scale set id; closing it.');
      panel.dispose();
      return;
    }
    this.attach(panel, this.session(persisted.scaleSetId));
    await this.actions?.refresh(persisted.scaleSetId);
  }

  setActions(actions: DashboardActions): void {
    this.actions = actions;
  }

  /** Told when a set's dashboard is shown, hidden or closed (the tree's watchers poll what is seen, issue 18). */
  setVisibilityListener(listener: (scaleSetId: string, visible: boolean) => void): void {
    this.visibilityListener = listener;
  }

  /** The state of a set's dashboard, created on first use (whether or not a panel is open). */
  session(scaleSetId: string, header?: ScaleSetHeader): DashboardSession {
    const key = scaleSetId.toLowerCase();
    let session = this.sessions.get(key);
    if (!session) {
      session = new DashboardSession(header ?? headerFromId(scaleSetId), this.clock);
      this.sessions.set(key, session);
    } else if (header) {
      session.setScaleSet(header);
    }
    return session;
  }

  /** Reloads a set's header, Azure status and history (e.g. after a run finished). */
  refresh(scaleSetId: string): Promise<unknown> {
    return Promise.resolve(this.actions?.refresh(scaleSetId));
  }

  isOpen(scaleSetId: string): boolean {
    return this.panels.has(scaleSetId.toLowerCase());
  }

  /**
   * Reveals the set's panel, or opens one and loads its data (unless `refresh: false`: the caller
   * feeds it). An open panel reloads only with `refresh: true`.
   */
  show(scaleSetId: string, header?: ScaleSetHeader, options: { refresh?: boolean; focus?: DashboardSection } = {}): DashboardSession {
    const session = this.session(scaleSetId, header);
    const key = scaleSetId.toLowerCase();
    if (options.focus) this.pendingFocus.set(key, options.focus);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal(undefined, false);
      if (options.refresh) void this.actions?.refresh(session.scaleSetId);
      if (options.focus) {
        this.pendingFocus.delete(key);
        void existing.webview.postMessage({ type: 'focus', section: options.focus } satisfies HostMessage);
      }
      return session;
    }
    const panel = vscode.window.createWebviewPanel(dashboardViewType, this.title(session), vscode.ViewColumn.Active, { enableScripts: true, enableFindWidget: true });
    this.attach(panel, session);
    if (options.refresh !== false) void this.actions?.refresh(session.scaleSetId);
    return session;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private title(session: DashboardSession): string {
    return vscode.l10n.t('Upgrades: {0}', session.header.name);
  }

  private attach(panel: vscode.WebviewPanel, session: DashboardSession): void {
    const key = session.scaleSetId.toLowerCase();
    this.panels.get(key)?.dispose();
    this.panels.set(key, panel);
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    panel.title = this.title(session);
    const uri = (...path: string[]) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    panel.webview.html = dashboardHtml(
      { cspSource: panel.webview.cspSource, scriptUri: uri('dist', 'webview', 'dashboard.js'), styleUri: uri('media', 'dashboard.css'), codiconsUri: uri('dist', 'webview', 'codicons', 'codicon.css') },
      session.scaleSetId,
      panel.title,
    );
    const post = (message: HostMessage) => {
      // A hidden webview is torn down; it asks for a snapshot when it is shown again.
      if (!panel.visible) return;
      void panel.webview.postMessage(message).then((delivered) => {
        if (delivered) this.traffic.fire({ scaleSetId: session.scaleSetId, direction: 'toWebview', message });
      });
    };
    const unsubscribe = session.subscribe((message) => {
      if (message.type === 'scaleSet') panel.title = this.title(session);
      post(message);
    });
    const received = panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseWebviewMessage(raw);
      if (!message) {
        this.log.warn(`Dashboard: rejected a message that is not part of the contract: ${JSON.stringify(raw)?.slice(0, 200)}`);
        return;
      }
      this.traffic.fire({ scaleSetId: session.scaleSetId, direction: 'fromWebview', message });
      this.handle(session, message, post);
    });
    this.visibilityListener?.(session.scaleSetId, panel.visible);
    const viewState = panel.onDidChangeViewState((e) => this.visibilityListener?.(session.scaleSetId, e.webviewPanel.visible));
    panel.onDidDispose(() => {
      this.visibilityListener?.(session.scaleSetId, false);
      viewState.dispose();
      unsubscribe();
      received.dispose();
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
  }

  private handle(session: DashboardSession, message: WebviewMessage, post: (m: HostMessage) => void): void {
    const id = session.scaleSetId;
    const guard = (work: () => unknown) => {
      Promise.resolve()
        .then(work)
        .catch((err: unknown) => {
          this.log.error(`Dashboard action ${message.type} failed: ${errorSummary(err)}`);
          void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
        });
    };
    switch (message.type) {
      case 'ready': {
        post({ type: 'snapshot', state: session.snapshot() });
        const focus = this.pendingFocus.get(id.toLowerCase());
        this.pendingFocus.delete(id.toLowerCase());
        if (focus) post({ type: 'focus', section: focus });
        return;
      }
      case 'gate':
        guard(() => this.actions?.gate(id, message.gateId, message.decision));
        return;
      case 'run':
        guard(() => this.actions?.run(id, message.action));
        return;
      case 'cancelPlatformUpgrade':
        guard(() => this.actions?.cancelPlatformUpgrade(id));
        return;
      case 'approveOsUpgrade':
        guard(() => this.actions?.approveOsUpgrade(id, message.instanceIds));
        return;
      case 'exportHistory':
        guard(() => this.actions?.exportHistory(id));
        return;
      case 'refresh':
        guard(() => this.actions?.refresh(id));
        return;
      case 'fix':
        guard(() => this.actions?.fix(id, message.action));
        return;
    }
  }
}
