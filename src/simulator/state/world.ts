// Everything the simulator knows, plus simulated time (the scheduler) and the long-running operations.
// Names and ids are matched case-insensitively, as ARM does.
import { Scheduler } from '../engine/scheduler';
import { Operations } from '../engine/operations';
import { randomGuid, seededRandom, type Random } from '../prng';
import type { SimAlert } from './alerts';
import type { SimMetric } from './metrics';
import { CustomImageCatalog } from './customImages';
import { ImageCatalog } from './imageCatalog';
import { MaintenanceStore } from './maintenance';
import type { LoadBalancer, ScaleSet, Subscription, Tenant } from './model';
import type { Timing } from './timing';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class World {
  readonly tenants: Tenant[] = [];
  readonly subscriptions: Subscription[] = [];
  readonly loadBalancers: LoadBalancer[] = [];
  /** Total regional vCPU quotas per subscription and location (scenario `quotas`); absent = unlimited. */
  readonly coreQuotas: { subscriptionId: string; location: string; cores: number }[] = [];
  readonly scaleSets: ScaleSet[] = [];
  /** Azure Monitor alert instances (state/alerts.ts); listed once their start time has come. */
  readonly alerts: SimAlert[] = [];
  /** Azure Monitor platform metric timelines of scale sets (state/metrics.ts), served by metrics:getBatch. */
  readonly metrics: SimMetric[] = [];
  /** Resource groups declared by the scenario (groups holding a resource exist implicitly). */
  readonly resourceGroups: { subscriptionId: string; name: string; location: string }[] = [];
  readonly images = new ImageCatalog();
  /** Gallery images and managed images (`imageReference.id`, O9). */
  readonly customImages = new CustomImageCatalog();
  /** Microsoft.Maintenance configurations and their assignments to scale sets. */
  readonly maintenance = new MaintenanceStore();
  readonly scheduler: Scheduler;
  readonly operations: Operations;
  readonly random: Random;
  /** Simulated ms per real ms of the clock serving this world; turns simulated waits into real Retry-After seconds. */
  timeScale = 1;

  constructor(
    readonly seed: number,
    readonly timing: Timing,
    start: number,
  ) {
    this.random = seededRandom(seed);
    this.scheduler = new Scheduler(start);
    this.operations = new Operations(() => this.newGuid());
  }

  get now(): number {
    return this.scheduler.now;
  }

  newGuid(): string {
    return randomGuid(this.random);
  }

  subscription(subscriptionId: string): Subscription | undefined {
    return this.subscriptions.find((s) => same(s.subscriptionId, subscriptionId));
  }

  scaleSet(subscriptionId: string, resourceGroup: string, name: string): ScaleSet | undefined {
    return this.scaleSets.find((s) => same(s.subscriptionId, subscriptionId) && same(s.resourceGroup, resourceGroup) && same(s.name, name));
  }

  scaleSetsOf(subscriptionId: string, resourceGroup?: string): ScaleSet[] {
    return this.scaleSets.filter((s) => same(s.subscriptionId, subscriptionId) && (resourceGroup === undefined || same(s.resourceGroup, resourceGroup)));
  }

  resourceGroupExists(subscriptionId: string, resourceGroup: string): boolean {
    return (
      this.resourceGroups.some((g) => same(g.subscriptionId, subscriptionId) && same(g.name, resourceGroup)) ||
      this.scaleSetsOf(subscriptionId, resourceGroup).length > 0 ||
      this.loadBalancers.some((lb) => same(lb.subscriptionId, subscriptionId) && same(lb.resourceGroup, resourceGroup)) ||
      this.customImages.inResourceGroup(subscriptionId, resourceGroup)
    );
  }

  /** The load balancer that owns a probe id (`…/loadBalancers/{lb}/probes/{probe}`), if known. */
  loadBalancerForProbe(probeId: string): LoadBalancer | undefined {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/loadBalancers\/([^/]+)\/probes\/([^/]+)$/i.exec(probeId);
    if (!m) return undefined;
    const [, sub, rg, lbName, probe] = m;
    const lb = this.loadBalancers.find((l) => same(l.subscriptionId, sub) && same(l.resourceGroup, rg) && same(l.name, lbName));
    return lb && lb.probes.some((p) => same(p, probe)) ? lb : undefined;
  }
}
