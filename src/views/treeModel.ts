// Loads the Scale Sets tree lazily — subscriptions → scale sets → zones → update domains → instances —
// and caches each level until it is invalidated (issue 4, item 3). No VS Code here: the provider adds
// progress, cancellation UI and change events; this part runs in plain Node against the simulator.
// Every failure becomes a message node under the level that failed, so the rest of the tree keeps
// working (issue 4, item 5).
import type { ScaleSetMaintenance } from '../azure/maintenance/maintenanceTypes';
import { describeAzureError } from '../azure/azureError';
import type { AzureGateway, InstanceSnapshot, RollingUpgradeStatusInfo, ScaleSetRef, VirtualMachineScaleSet } from '../azure/gateway';
import { scaleSetRefFromId } from '../azure/gateway';
import type { AzureAccess } from '../connection/azureAccess';
import { listSubscriptions } from '../connection/subscriptionInventory';
import { countScaleSets, resourceGraphThreshold } from '../connection/scaleSetOverview';
import { groupInstances, isGroupList } from './instanceGroups';
import { BackgroundQueue } from './backgroundQueue';
import type { ExpansionMemory, RememberedSubscription } from './expansionMemory';
import { withinBudget } from './levelBudget';
import type { Clock } from '../shared/clock';
import { automaticOsUpgradeOn, mayRunPlatformUpgrade } from './scaleSetFacts';
import { sharedAbortController } from './sharedAbortController';
import {
  type InstanceGroupNode,
  type MessageNode,
  type MessageReason,
  type ScaleSetNode,
  type SubscriptionNode,
  type TreeNode,
  rootKey,
  scaleSetKey,
  subscriptionKey,
} from './treeNodes';
import { compareText } from '../shared/collation';

export interface TreeModelOptions {
  /**
   * The current connection, established on first use (the simulator starts, the SDK loads); undefined
   * while signed out (the view then shows its welcome content). Rejects when connecting failed.
   */
  access(): Promise<AzureAccess | undefined>;
  /** Subscription ids the user chose to show (setting `vmssUpgrades.subscriptions`); empty: all. */
  selectedSubscriptions(): readonly string[];
  /** Rows whose own appearance changed after their children loaded (background look-ups). */
  onNodesChanged(nodes: readonly TreeNode[]): void;
  /** Selected subscriptions at which one Resource Graph query gives the overview. */
  resourceGraphThreshold?: number;
  /** Background rolling-upgrade look-ups in flight at once, across the tree (default 8). */
  statusConcurrency?: number;
  /**
   * How long the view waits for a subscription's or scale set's children before it shows a "Loading…"
   * row instead, so that the level above is not held back (levelBudget.ts); undefined: no limit.
   */
  levelBudget?: { readonly ms: number; readonly clock: Clock };
  /** Subscriptions left expanded, across reloads: their lists are requested with the subscription list. */
  expansion?: ExpansionMemory;
}

/**
 * Whether the row would show the same window. Not looked up yet (undefined) and none assigned (null) show
 * the same row; only the tooltip's "none assigned" line differs, which is not worth a refresh of the set
 * (each refresh refetches its children: treeChangeScheduler.ts).
 */
function sameMaintenanceShown(a: ScaleSetMaintenance | null | undefined, b: ScaleSetMaintenance | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Records which instances wait for approval (osRollingUpgradeDeferral); true when that changed. */
function setAwaitingApproval(node: ScaleSetNode, instances: readonly InstanceSnapshot[]): boolean {
  const waiting = instances.filter((i) => i.pendingOsUpgrade !== undefined).map((i) => i.instanceId);
  const changed = waiting.join() !== (node.awaitingApproval ?? []).join();
  node.awaitingApproval = waiting;
  return changed;
}

/** How long a refresh lets background requests already sent finish (see `backgroundRequests`). */
const backgroundRequestGraceMs = 10_000;

function isRolling(status: RollingUpgradeStatusInfo | undefined): boolean {
  return status?.runningStatus?.code === 'RollingForward';
}

/** Background look-ups: whether their answer is still wanted, and what aborts their requests. */
interface BackgroundSignals {
  readonly signal: AbortSignal;
  readonly requestSignal: AbortSignal;
}

export class ScaleSetTreeModel {
  private readonly cache = new Map<string, Promise<TreeNode[]>>();
  private readonly scaleSets = new Map<string, ScaleSetNode>();
  private readonly instances = new Map<string, InstanceSnapshot[]>();
  private readonly watched = new Set<string>();
  /** Subscription rows by key, from the latest subscription list. */
  private readonly subscriptionNodes = new Map<string, SubscriptionNode>();
  /** Subscriptions whose scale sets were shown before a refresh, and the connection they were read on. */
  private expandedBeforeRefresh: { access: AzureAccess; subscriptions: SubscriptionNode[] } | undefined;
  private lastAccess: AzureAccess | undefined;
  /** Scale-set lists requested while the subscription list was in flight, by subscription key. */
  private readonly prefetched = new Map<string, Promise<VirtualMachineScaleSet[]>>();
  /** Aborts background work and in-flight loads of everything that was invalidated. */
  private generation = sharedAbortController();
  /**
   * The requests of the current generation's background look-ups. A refresh stops using their answers at
   * once (they check `generation`) but lets the ones already sent finish: aborting a request mid-flight
   * destroys its connection, and the refresh would then open that many again, TLS handshakes on its path
   * (issue 18: 8 of them, the queue's width). Those still running after the grace are aborted (a retry
   * waiting out a Retry-After, say), and at once when the next load is on another connection.
   */
  private backgroundRequests = sharedAbortController();
  /** Those of earlier generations, until their grace ends. */
  private readonly finishing = new Set<AbortController>();
  private readonly background: BackgroundQueue;

  constructor(private readonly options: TreeModelOptions) {
    this.background = new BackgroundQueue(options.statusConcurrency ?? 8);
  }

  /** Children of a node (undefined: the root). Concurrent calls for the same node share one load. */
  getChildren(node: TreeNode | undefined, signal?: AbortSignal): Promise<TreeNode[]> {
    const key = node?.key ?? rootKey;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const combined = signal ? AbortSignal.any([signal, this.generation.signal]) : this.generation.signal;
    const load = this.background.foregroundLoad(() => this.load(node, combined)).then((children) => {
      // A cancelled load is not remembered: expanding the node again retries it.
      if (children.some((c) => c.kind === 'message' && c.reason === 'cancelled') && this.cache.get(key) === load) this.cache.delete(key);
      return children;
    });
    this.cache.set(key, load);
    return load;
  }

  /**
   * What the view shows: getChildren, except that a subscription or scale set still loading after
   * the level budget shows a "Loading…" row, and onNodesChanged([node]) asks for it again once loaded.
   */
  viewChildren(node: TreeNode | undefined, signal?: AbortSignal): Promise<TreeNode[]> {
    return this.withinLevelBudget(node, this.getChildren(node, signal));
  }

  /** `load` (a node's children), bounded by the level budget for subscriptions and scale sets. */
  withinLevelBudget(node: TreeNode | undefined, load: Promise<TreeNode[]>): Promise<TreeNode[]> {
    const budget = this.options.levelBudget;
    if (!budget || !node || (node.kind !== 'subscription' && node.kind !== 'scaleSet')) return load;
    return withinBudget(load, budget.ms, budget.clock, () => [this.message(node, 'loading')], () => this.options.onNodesChanged([node]));
  }

  /** The children already loaded (or loading) for a node, without starting a load. */
  cachedChildren(node: TreeNode | undefined): Promise<TreeNode[]> | undefined {
    return this.cache.get(node?.key ?? rootKey);
  }

  /** Forgets a node's subtree (undefined: everything) so the next getChildren loads it again. */
  invalidate(node?: TreeNode): void {
    if (!node) {
      // Subscriptions shown expanded are asked for again right after the subscription list: their
      // lists are requested with it, in parallel, instead of one round trip later (issue 18).
      const expanded = [...this.subscriptionNodes.values()].filter((s) => this.cache.has(s.key));
      this.expandedBeforeRefresh = this.lastAccess && expanded.length ? { access: this.lastAccess, subscriptions: expanded } : undefined;
      this.subscriptionNodes.clear();
      this.prefetched.clear();
      this.background.clear();
      this.generation.abort();
      this.generation = sharedAbortController();
      const sent = this.backgroundRequests;
      this.backgroundRequests = sharedAbortController();
      this.finishing.add(sent);
      setTimeout(() => {
        sent.abort();
        this.finishing.delete(sent);
      }, backgroundRequestGraceMs).unref();
      this.cache.clear();
      this.scaleSets.clear();
      this.instances.clear();
      return;
    }
    // A refresh asks Azure again rather than trusting Resource Graph's earlier "empty".
    if (node.kind === 'subscription') node.scaleSetCount = undefined;
    const prefix = `${node.key}/`;
    for (const key of [...this.cache.keys()]) if (key === node.key || key.startsWith(prefix)) this.cache.delete(key);
    for (const key of [...this.instances.keys()]) if (key === node.key || key.startsWith(prefix)) this.instances.delete(key);
  }

  /** The loaded row of a scale set, if its subscription has been expanded. */
  scaleSetNode(ref: ScaleSetRef): ScaleSetNode | undefined {
    return this.scaleSets.get(scaleSetKey(ref));
  }

  /** Marks a set as having one of our operations in flight (the row shows it; contextValue `busy`). */
  setWatching(ref: ScaleSetRef, watching: boolean): ScaleSetNode | undefined {
    const key = scaleSetKey(ref);
    if (watching) this.watched.add(key);
    else this.watched.delete(key);
    const node = this.scaleSets.get(key);
    if (node) node.watching = watching;
    return node;
  }

  /**
   * Reads a loaded scale set again — the model, its rolling upgrade and, if they were shown, its
   * instances — and replaces its cached children. Used while an operation on the set is in flight.
   */
  async reloadScaleSet(node: ScaleSetNode, signal?: AbortSignal): Promise<void> {
    const gateway = await this.gatewayFor(node.subscription);
    if (!gateway) return;
    const instancesShown = this.instances.has(node.key);
    const [scaleSet, rolling, instances] = await Promise.all([
      gateway.getScaleSet(node.ref, signal),
      gateway.getLatestRollingUpgrade(node.ref, signal).catch(() => node.rolling),
      instancesShown ? gateway.listInstances(node.ref, signal) : Promise.resolve(undefined),
    ]);
    node.scaleSet = scaleSet;
    node.rolling = rolling;
    if (instances) {
      setAwaitingApproval(node, instances);
      this.invalidate(node);
      this.instances.set(node.key, instances);
      this.cache.set(node.key, Promise.resolve(this.instanceChildren(node, instances)));
    }
  }

  dispose(): void {
    this.background.clear();
    this.generation.abort();
    this.backgroundRequests.abort();
    this.abortFinishing();
  }

  /** The current generation's signals for a background look-up. */
  private backgroundSignals(): BackgroundSignals {
    return { signal: this.generation.signal, requestSignal: this.backgroundRequests.signal };
  }

  private abortFinishing(): void {
    for (const sent of this.finishing) sent.abort();
    this.finishing.clear();
  }

  private async gatewayFor(subscription: SubscriptionNode): Promise<AzureGateway | undefined> {
    return (await this.options.access())?.gateway(subscription.tokenTenant);
  }

  private async load(node: TreeNode | undefined, signal: AbortSignal): Promise<TreeNode[]> {
    try {
      if (!node) return await this.loadSubscriptions(signal);
      switch (node.kind) {
        case 'subscription':
          return await this.loadScaleSets(node, signal);
        case 'scaleSet':
          return await this.loadInstances(node, signal);
        case 'instanceGroup':
          return this.groupChildren(node);
        default:
          return [];
      }
    } catch (err) {
      const error = describeAzureError(err);
      return [this.message(node, error.kind === 'aborted' || signal.aborted ? 'cancelled' : 'loadFailed', { error })];
    }
  }

  private message(parent: TreeNode | undefined, reason: MessageReason, extra: Partial<MessageNode> = {}): MessageNode {
    const suffix = extra.tenant ? `:${extra.tenant.tenantId}` : '';
    return { kind: 'message', key: `${parent?.key ?? rootKey}/msg:${reason}${suffix}`, reason, parent, ...extra };
  }

  private async loadSubscriptions(signal: AbortSignal): Promise<TreeNode[]> {
    const access = await this.options.access();
    if (!access) return [];
    // Another connection (account, cloud, sign-out and in again): what the old one still runs stops now.
    if (this.lastAccess && access !== this.lastAccess) this.abortFinishing();
    // The subscription list first: the view shows the first level when it is in.
    const listed = listSubscriptions(access, signal);
    this.prefetchExpanded(access, signal);
    this.lastAccess = access;
    const listing = await listed;
    const problems = listing.tenantProblems.map((p) => this.message(undefined, 'tenantUnavailable', { tenant: p.tenant, error: describeAzureError(p.error) }));
    if (listing.subscriptions.length === 0) return [this.message(undefined, 'noSubscriptions'), ...problems];
    const selected = new Set(this.options.selectedSubscriptions().map((s) => s.toLowerCase()));
    const shown = selected.size ? listing.subscriptions.filter((s) => selected.has(s.info.subscriptionId.toLowerCase())) : listing.subscriptions;
    if (shown.length === 0) return [this.message(undefined, 'noSelectedSubscriptions'), ...problems];
    const nodes: SubscriptionNode[] = shown.map((s) => ({ kind: 'subscription', key: subscriptionKey(s.info.subscriptionId), subscription: s.info, tokenTenant: s.tokenTenant }));
    this.keepPrefetchesOf(nodes);
    for (const n of nodes) this.subscriptionNodes.set(n.key, n);
    // The overview counts the subscriptions whose lists are not already on their way (a refresh of
    // expanded ones): when every one is, the query would answer nothing the view uses.
    const uncounted = shown.filter((s) => !this.prefetched.has(`${subscriptionKey(s.info.subscriptionId)}|${s.tokenTenant ?? ''}`));
    if (nodes.length >= (this.options.resourceGraphThreshold ?? resourceGraphThreshold) && uncounted.length > 0) {
      void this.addScaleSetCounts(access, uncounted, nodes, this.backgroundSignals());
    }
    return [...nodes, ...problems];
  }

  /**
   * Starts the scale-set lists of the subscriptions that were expanded before a refresh on this
   * connection — or, on the first load after a reload, those the user left expanded (expansionMemory.ts).
   */
  private prefetchExpanded(access: AzureAccess, signal: AbortSignal): void {
    const before = this.expandedBeforeRefresh;
    this.expandedBeforeRefresh = undefined;
    const subscriptions: readonly RememberedSubscription[] =
      before?.access === access
        ? before.subscriptions.map((s) => ({ subscriptionId: s.subscription.subscriptionId, tokenTenant: s.tokenTenant }))
        : this.lastAccess === undefined // after a reload only: another account may not have these subscriptions
          ? (this.options.expansion?.remembered(access.cloud) ?? [])
          : [];
    const selected = new Set(this.options.selectedSubscriptions().map((s) => s.toLowerCase()));
    for (const sub of subscriptions) {
      if (selected.size && !selected.has(sub.subscriptionId.toLowerCase())) continue;
      const list = access.gateway(sub.tokenTenant).listScaleSets(sub.subscriptionId, signal);
      list.catch(() => undefined); // handled by whoever takes it; dropped ones must not be unhandled
      this.prefetched.set(`${subscriptionKey(sub.subscriptionId)}|${sub.tokenTenant ?? ''}`, list);
    }
  }

  /** The view showed or hid a subscription's scale sets: remembered for the next reload. */
  rememberExpanded(node: TreeNode, expanded: boolean): void {
    const cloud = this.lastAccess?.cloud;
    if (node.kind !== 'subscription' || !cloud) return;
    this.options.expansion?.setExpanded(cloud, { subscriptionId: node.subscription.subscriptionId, tokenTenant: node.tokenTenant }, expanded);
  }

  /** Drops prefetched lists of subscriptions no longer listed (or now listed through another tenant). */
  private keepPrefetchesOf(nodes: readonly SubscriptionNode[]): void {
    const listed = new Set(nodes.map((n) => `${n.key}|${n.tokenTenant ?? ''}`));
    for (const key of [...this.prefetched.keys()]) if (!listed.has(key)) this.prefetched.delete(key);
  }

  /** Background: one Resource Graph query gives every subscription's count; rows update when it lands. */
  private async addScaleSetCounts(access: AzureAccess, listed: Parameters<typeof countScaleSets>[1], nodes: SubscriptionNode[], { signal, requestSignal }: BackgroundSignals): Promise<void> {
    const counts = await countScaleSets(access, listed, requestSignal);
    if (signal.aborted) return;
    const changed = nodes.filter((n) => {
      const count = counts.get(n.subscription.subscriptionId.toLowerCase());
      if (count === undefined || this.cache.has(n.key)) return false;
      n.scaleSetCount = count;
      return true;
    });
    if (changed.length) this.options.onNodesChanged(changed);
  }

  private async loadScaleSets(node: SubscriptionNode, signal: AbortSignal): Promise<TreeNode[]> {
    // Resource Graph said the subscription is empty: no call (a refresh asks again).
    if (node.scaleSetCount === 0) return [this.message(node, 'noScaleSets')];
    const gateway = await this.gatewayFor(node);
    if (!gateway) return [];
    const prefetchKey = `${node.key}|${node.tokenTenant ?? ''}`;
    const prefetched = this.prefetched.get(prefetchKey);
    this.prefetched.delete(prefetchKey);
    const sets = await (prefetched ?? gateway.listScaleSets(node.subscription.subscriptionId, signal));
    const nodes = sets
      .filter((s) => s.id)
      .map((scaleSet): ScaleSetNode => {
        const ref = scaleSetRefFromId(scaleSet.id!);
        const key = scaleSetKey(ref);
        const existing = this.scaleSets.get(key);
        const setNode: ScaleSetNode = { kind: 'scaleSet', key, subscription: node, ref, scaleSet, rolling: existing?.rolling, watching: this.watched.has(key), ...(existing?.maintenance !== undefined ? { maintenance: existing.maintenance } : {}) };
        this.scaleSets.set(key, setNode);
        return setNode;
      })
      .sort((a, b) => compareText(a.ref.name, b.ref.name));
    node.scaleSetCount = nodes.length;
    if (nodes.length === 0) return [this.message(node, 'noScaleSets')];
    this.lookUpRollingUpgrades(gateway, nodes.filter(mayRunPlatformUpgrade), this.backgroundSignals());
    this.lookUpMaintenance(gateway, nodes.filter(automaticOsUpgradeOn), this.backgroundSignals());
    return nodes;
  }

  /**
   * Background (issue 16): the OS-image maintenance window of sets whose automatic OS upgrades it confines
   * (Learn: Maintenance control for OS image upgrades), so their rows show it without being expanded. Other
   * sets read it when expanded. A set whose window cannot be read keeps what it showed.
   */
  private lookUpMaintenance(gateway: AzureGateway, nodes: ScaleSetNode[], { signal, requestSignal }: BackgroundSignals): void {
    if (!gateway.osImageMaintenance) return;
    let throttled = false;
    for (const node of nodes) {
      this.background.add(async () => {
        if (signal.aborted || throttled) return;
        try {
          const found = (await gateway.osImageMaintenance!(node.ref, requestSignal)) ?? null;
          if (signal.aborted) return;
          const changed = !sameMaintenanceShown(found, node.maintenance);
          node.maintenance = found;
          if (changed) this.options.onNodesChanged([node]);
        } catch (err) {
          if (describeAzureError(err).kind === 'throttled') throttled = true;
        }
      });
    }
  }

  /**
   * Background: marks sets on which a platform rolling upgrade is running (A6) without blocking the
   * list. Throttling stops the subscription's remaining look-ups: the read budget is the user's.
   */
  private lookUpRollingUpgrades(gateway: AzureGateway, nodes: ScaleSetNode[], { signal, requestSignal }: BackgroundSignals): void {
    let throttled = false;
    for (const node of nodes) {
      this.background.add(async () => {
        if (signal.aborted || throttled) return;
        try {
          const rolling = await gateway.getLatestRollingUpgrade(node.ref, requestSignal);
          if (signal.aborted) return;
          const changed = isRolling(rolling) !== isRolling(node.rolling);
          node.rolling = rolling;
          if (changed) this.options.onNodesChanged([node]);
        } catch (err) {
          if (describeAzureError(err).kind === 'throttled') throttled = true;
        }
      });
    }
  }

  private async loadInstances(node: ScaleSetNode, signal: AbortSignal): Promise<TreeNode[]> {
    const gateway = await this.gatewayFor(node.subscription);
    if (!gateway) return [];
    // The rolling status rides along: same round trip, so the row is current whenever it is expanded.
    const [instances, rolling, maintenance] = await Promise.all([
      gateway.listInstances(node.ref, signal),
      gateway.getLatestRollingUpgrade(node.ref, signal).catch(() => node.rolling),
      // Issue 16: the maintenance window rides along too (sets without automatic upgrades were not looked up).
      node.maintenance === undefined && gateway.osImageMaintenance ? gateway.osImageMaintenance(node.ref, signal).then((m) => m ?? null, () => undefined) : Promise.resolve(node.maintenance),
    ]);
    // Each check runs (setAwaitingApproval records what it finds): no short-circuit.
    const rollingChanged = isRolling(rolling) !== isRolling(node.rolling);
    const approvalChanged = setAwaitingApproval(node, instances);
    const changed = rollingChanged || approvalChanged || !sameMaintenanceShown(maintenance, node.maintenance);
    node.rolling = rolling;
    if (maintenance !== undefined) node.maintenance = maintenance;
    this.instances.set(node.key, instances);
    if (changed) queueMicrotask(() => this.options.onNodesChanged([node]));
    return this.instanceChildren(node, instances);
  }

  private instanceChildren(node: ScaleSetNode, instances: readonly InstanceSnapshot[]): TreeNode[] {
    if (instances.length === 0) return [this.message(node, 'noInstances')];
    return this.toNodes(node, node.key, groupInstances(instances, 'zone'));
  }

  private groupChildren(group: InstanceGroupNode): TreeNode[] {
    return group.level === 'zone' ? this.toNodes(group.scaleSet, group.key, groupInstances(group.instances, 'updateDomain'), String(group.value)) : this.toNodes(group.scaleSet, group.key, [...group.instances]);
  }

  private toNodes(scaleSet: ScaleSetNode, parentKey: string, list: ReturnType<typeof groupInstances>, zone?: string): TreeNode[] {
    if (isGroupList(list)) {
      return list.map((g): InstanceGroupNode => ({
        kind: 'instanceGroup',
        key: `${parentKey}/${g.level === 'zone' ? 'zone' : 'ud'}:${g.value}`,
        level: g.level,
        scaleSet,
        value: g.value,
        zone,
        instances: g.instances,
      }));
    }
    return list.map((instance) => ({ kind: 'instance', key: `${scaleSet.key}/vm:${instance.instanceId}`, scaleSet, instance }));
  }
}
