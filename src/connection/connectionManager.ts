// Picks cloud + credential + endpoint and creates the gateways (issue 4, items 1 and 4). Three modes:
// signed out (the view shows its welcome content), Azure (VS Code's Microsoft account; a fresh session
// for every token) and the simulator (its own process, started or found again on first use). Settings, sign-in/sign-out and
// account changes re-evaluate the mode one at a time; the SDK and the simulator load only when the tree
// first asks for data, never during activation.
import * as vscode from 'vscode';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { type CloudName, clouds, managementScope } from '../azure/clouds';
import { authProviderFor, requiredSovereignEnvironment, sovereignEnvironmentSetting } from '../auth/authProvider';
import { createSessionCredential } from '../auth/sessionCredential';
import { type SessionAccount, sessionScopes } from '../auth/sessionSource';
import { vscodeSessionSource } from '../auth/vscodeSessionSource';
import type { AzureAccess, PreparedSubscription } from './azureAccess';
import { createAzureAccess } from './createAzureAccess';
import { cloudSetting, configuredCloud, configuredTenant, setCloud, tenantSetting } from './settings';
import { simulatorCredential } from './simulatorCredential';
import type { SimulatorEndpoint, SimulatorStarter } from './simulatorEndpoint';
import type { Clock } from '../shared/clock';
import { preloadSdk } from '../azure/loadSdk';
import { ConnectionsAhead } from './connectionsAhead';
import { AccessAhead } from './accessAhead';

export type ConnectionMode = 'signedOut' | 'azure' | 'simulator';

/** What an Azure access is for: one cloud, and every tenant or one. */
const accessKey = (cloud: CloudName, tenant: string | undefined) => `${cloud}|${tenant ?? ''}`;

export const connectedContextKey = 'vmssUpgrades.connected';
export const simulatorContextKey = 'vmssUpgrades.simulator';
const signedOutStateKey = 'vmssUpgrades.signedOut';

export interface ConnectionDependencies {
  readonly startSimulator: SimulatorStarter;
  /** Ends a simulator process this host did not connect to (one started before a window reload, issue 6). */
  readonly stopDetachedSimulator?: () => Promise<void>;
  /** Extra SDK pipeline policies, e.g. the HTTP debug log. */
  readonly policies?: readonly PipelinePolicy[];
  /** The subscriptions the tree will list at once on its first load on this cloud (those left expanded). */
  readonly rememberedExpansions?: (cloud: CloudName) => readonly PreparedSubscription[];
}

export class ConnectionManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionMode>();
  /** Fires after every re-evaluation that changed the mode, the account or the tenant. */
  readonly onDidChange = this.changed.event;
  private currentMode: ConnectionMode = 'signedOut';
  private currentCloud: CloudName = 'AzureCloud';
  private currentAccount: SessionAccount | undefined;
  private currentTenant: string | undefined;
  private accessPromise: Promise<AzureAccess | undefined> | undefined;
  private simulator: Promise<SimulatorEndpoint> | undefined;
  private simulatorClock: Clock | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Aborted when the connection changes: operations sent on it stop being followed (issue 15). */
  private lifetime = new AbortController();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly ahead: ConnectionsAhead;
  private readonly accessAhead = new AccessAhead();

  constructor(
    private readonly state: vscode.Memento,
    private readonly deps: ConnectionDependencies,
  ) {
    this.ahead = new ConnectionsAhead({ policies: deps.policies });
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(cloudSetting) || e.affectsConfiguration(tenantSetting) || e.affectsConfiguration(sovereignEnvironmentSetting)) this.reevaluate();
      }),
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === authProviderFor(this.currentCloud)) this.reevaluate();
      }),
    );
  }

  get mode(): ConnectionMode {
    return this.currentMode;
  }

  get cloud(): CloudName {
    return this.currentCloud;
  }

  /** Simulated time while the simulator serves (its time scale); undefined: real time. */
  get clock(): Clock | undefined {
    return this.currentMode === 'simulator' ? this.simulatorClock : undefined;
  }

  /** Aborts when this connection ends (sign-out, another account, cloud or simulator). */
  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  get account(): SessionAccount | undefined {
    return this.currentAccount;
  }

  /** Resolves when every pending re-evaluation has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Decides the mode from settings and VS Code's sessions (silently); call once after activation. */
  reevaluate(options: { restartSimulator?: boolean } = {}): Promise<void> {
    this.queue = this.queue.then(() => this.evaluate(options)).catch(() => undefined);
    return this.queue;
  }

  /**
   * The connection, created on first use; undefined while signed out. In simulator mode this starts
   * the simulator; a failed start rejects (the tree shows it) and the next call tries again.
   */
  access(): Promise<AzureAccess | undefined> {
    if (this.currentMode === 'signedOut') return Promise.resolve(undefined);
    this.accessPromise ??= this.createAccess().catch((err: unknown) => {
      this.accessPromise = undefined;
      throw err;
    });
    return this.accessPromise;
  }

  /** Interactive sign-in (optionally to one tenant). Leaves simulator mode. Returns false if the user declined. */
  async signIn(tenantId?: string): Promise<boolean> {
    let cloud = configuredCloud();
    if (cloud === 'Simulator') {
      cloud = 'AzureCloud';
      await setCloud(cloud);
    }
    if (!(await this.ensureSovereignEnvironment(cloud))) return false;
    const provider = authProviderFor(cloud)!;
    const scopes = sessionScopes([managementScope(clouds[cloud].resourceManager)], tenantId);
    // createIfNone shows VS Code's own account picker / consent; it rejects when the user cancels.
    // Meanwhile the SDK loads and connections open, so the tree's first calls after signing in wait for
    // neither (issue 18).
    this.openConnectionsAhead(cloud, 'signingIn');
    await vscode.authentication.getSession(provider, scopes, { createIfNone: true });
    await this.state.update(signedOutStateKey, false);
    await this.reevaluate();
    return true;
  }

  /**
   * Stops using the account here (VS Code keeps the account itself; the Accounts menu removes it) or
   * leaves simulator mode. The view returns to its welcome content.
   */
  async signOut(): Promise<void> {
    await this.state.update(signedOutStateKey, true);
    if (configuredCloud() === 'Simulator') await setCloud('AzureCloud');
    await this.reevaluate();
  }

  /** Switches to the simulator, or restarts it when it is already in use. */
  async useSimulator(): Promise<void> {
    await this.state.update(signedOutStateKey, false);
    if (configuredCloud() !== 'Simulator') await setCloud('Simulator');
    await this.reevaluate({ restartSimulator: true });
  }

  /**
   * Lets go of the simulator without ending it, as a window reload does (issue 6): a simulator that
   * runs in its own process keeps its world, and the next access() connects to it again.
   */
  async detachSimulator(): Promise<void> {
    const running = this.simulator;
    this.simulator = undefined;
    this.simulatorClock = undefined;
    this.accessPromise = undefined;
    const sim = await running?.catch(() => undefined);
    await (sim?.detach ? sim.detach() : sim?.stop());
  }

  dispose(): void {
    this.accessAhead.clear();
    this.lifetime.abort();
    this.ahead.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
    // The extension host is going away (reload, window closed): the simulator's process stays for the
    // next one and ends by itself when idle; an in-process simulator ends here.
    void this.detachSimulator().catch(() => undefined);
  }

  private async evaluate(options: { restartSimulator?: boolean }): Promise<void> {
    const cloud = configuredCloud();
    const tenant = configuredTenant();
    let mode: ConnectionMode;
    let account: SessionAccount | undefined;
    if (cloud === 'Simulator') {
      mode = 'simulator';
    } else if (this.state.get<boolean>(signedOutStateKey, false)) {
      mode = 'signedOut';
    } else {
      // The tree's first calls need the SDK, connections and clients: made while VS Code looks up the session
      // (issue 18) — not when this connection is already in use (a session event while signed in).
      if (!this.inUse(cloud, tenant)) {
        void preloadSdk();
        this.openConnectionsAhead(cloud, 'lookingUp');
      }
      account = await this.silentAccount(cloud, tenant);
      mode = account ? 'azure' : 'signedOut';
    }
    const restart = options.restartSimulator === true && mode === 'simulator';
    const same = mode === this.currentMode && cloud === this.currentCloud && tenant === this.currentTenant && account?.id === this.currentAccount?.id && !restart;
    if (same) return;
    // First let go of what was sent on the old connection, then end it (a stopped simulator would
    // otherwise fail every pending poll, and each would be reported as a failure of Azure's upgrade).
    this.lifetime.abort();
    this.lifetime = new AbortController();
    if (this.currentMode === 'simulator' && (mode !== 'simulator' || restart)) await this.stopSimulator();
    this.currentMode = mode;
    this.currentCloud = cloud;
    this.currentTenant = tenant;
    this.currentAccount = account;
    this.accessPromise = undefined;
    // Listeners (the tree) drop what they loaded for the old connection before anyone can read it.
    this.changed.fire(mode);
    await Promise.all([
      vscode.commands.executeCommand('setContext', connectedContextKey, mode !== 'signedOut'),
      vscode.commands.executeCommand('setContext', simulatorContextKey, mode === 'simulator'),
    ]);
  }

  /** Whether the tree already has an access to Azure on this cloud and tenant. */
  private inUse(cloud: CloudName, tenant: string | undefined): boolean {
    return this.currentMode === 'azure' && this.currentCloud === cloud && this.currentTenant === tenant && this.accessPromise !== undefined;
  }

  /**
   * The tenant and subscription lists plus one per subscription left expanded. A silent look-up opens them
   * only when the tree will list subscriptions at once (someone used this cloud here before): a user who
   * never signs in sends nothing to Azure. Not awaited; a failure only means the tree opens its own.
   */
  private openConnectionsAhead(cloud: CloudName, why: 'signingIn' | 'lookingUp'): void {
    const expanded = this.deps.rememberedExpansions?.(cloud) ?? [];
    if (why === 'lookingUp' && expanded.length === 0) return;
    void this.ahead.open({ endpoint: clouds[cloud].resourceManager }, 2 + expanded.length).catch(() => undefined);
    // And the access the tree will use, with those subscriptions' clients (accessAhead.ts).
    const tenant = configuredTenant();
    this.accessAhead.prepare(accessKey(cloud, tenant), () => this.azureAccess(cloud, tenant), expanded);
  }

  /** The access to Azure on this cloud (undefined: no authentication provider for it). */
  private azureAccess(cloud: CloudName, tenant: string | undefined): AzureAccess | undefined {
    const provider = authProviderFor(cloud);
    if (!provider) return undefined;
    const endpoint = clouds[cloud].resourceManager;
    const source = vscodeSessionSource(provider);
    return createAzureAccess({
      cloud,
      tenantId: tenant,
      credentialFor: (tenantId) => createSessionCredential(source, tenantId),
      // The pool the connections opened while signing in are in.
      clientOptions: { endpoint, policies: this.deps.policies ?? [], transport: this.ahead.transportFor({ endpoint }) },
    });
  }

  private async silentAccount(cloud: CloudName, tenant: string | undefined): Promise<SessionAccount | undefined> {
    const provider = authProviderFor(cloud);
    if (!provider) return undefined;
    try {
      const session = await vscode.authentication.getSession(provider, sessionScopes([managementScope(clouds[cloud].resourceManager)], tenant), { silent: true });
      return session ? { id: session.account.id, label: session.account.label } : undefined;
    } catch {
      // No such provider (e.g. a sovereign cloud without its environment set): treated as signed out.
      return undefined;
    }
  }

  private async ensureSovereignEnvironment(cloud: CloudName): Promise<boolean> {
    const required = requiredSovereignEnvironment(cloud);
    if (!required) return true;
    const current = vscode.workspace.getConfiguration().get<string>(sovereignEnvironmentSetting);
    if (current === required) return true;
    const setIt = vscode.l10n.t('Set it and sign in');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Signing in to {0} needs VS Code\'s setting "{1}" to be "{2}" (it is "{3}").', cloud, sovereignEnvironmentSetting, required, current ?? ''),
      { modal: true },
      setIt,
    );
    if (choice !== setIt) return false;
    await vscode.workspace.getConfiguration().update(sovereignEnvironmentSetting, required, vscode.ConfigurationTarget.Global);
    return true;
  }

  private async createAccess(): Promise<AzureAccess | undefined> {
    const policies = this.deps.policies ?? [];
    if (this.currentMode === 'simulator') {
      // The SDK loads while the simulator's process starts, not after (issue 18).
      void preloadSdk();
      this.simulator ??= this.deps.startSimulator().catch((err: unknown) => {
        this.simulator = undefined;
        throw err;
      });
      const sim = await this.simulator;
      this.simulatorClock = sim.clock;
      return createAzureAccess({
        cloud: 'Simulator',
        credentialFor: () => simulatorCredential,
        clientOptions: {
          endpoint: sim.endpoint,
          ...(sim.ca ? { ca: sim.ca } : {}),
          ...(sim.httpClient ? { httpClient: sim.httpClient } : {}),
          // The simulator is local: a request anywhere else is a bug, refused before it leaves.
          allowedHosts: ['127.0.0.1', 'localhost'],
          policies,
        },
      });
    }
    if (this.currentMode === 'azure') {
      return (await this.accessAhead.take(accessKey(this.currentCloud, this.currentTenant))) ?? this.azureAccess(this.currentCloud, this.currentTenant);
    }
    return undefined;
  }

  private async stopSimulator(): Promise<void> {
    const running = this.simulator;
    this.simulator = undefined;
    this.simulatorClock = undefined;
    if (!running) {
      await this.deps.stopDetachedSimulator?.().catch(() => undefined);
      return;
    }
    try {
      await (await running).stop();
    } catch {
      // It failed to start or is already gone: nothing to stop.
    }
  }
}
