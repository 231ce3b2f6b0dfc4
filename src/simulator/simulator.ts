// The embedded Azure simulator: a world built from a scenario, the router over it, and two transports
// (HTTPS on 127.0.0.1 and an in-memory HttpClient) that share the same request path.
import type { HttpClient } from '@azure/core-rest-pipeline';
import { ScaledClock, type Clock } from '../shared/clock';
import { ArmError } from './armError';
import { publishImageVersion } from './engine/automaticUpgrades';
import { FaultInjector } from './http/faults';
import { handleRequest, type HandlerDeps } from './http/handleRequest';
import type { SimRequest, SimResponse } from './http/message';
import { RequestLog, type LoggedRequest } from './http/requestLog';
import { Router } from './http/router';
import { ArmRateLimits, documentedArmLimits } from './http/armRateLimits';
import { Throttle } from './http/throttling';
import { seededRandom } from './prng';
import type { RouteContext } from './routes/context';
import { alertRoutes } from './routes/alerts';
import { metricRoutes } from './routes/metrics';
import { controlRoutes, type PublishRequest } from './routes/control';
import { galleryRoutes } from './routes/galleries';
import { imageRoutes } from './routes/images';
import { maintenanceRoutes } from './routes/maintenance';
import { operationRoutes } from './routes/operations';
import { resourceGraphRoutes } from './routes/resourceGraph/route';
import { scaleSetRoutes } from './routes/scaleSets';
import { scaleSetVmRoutes } from './routes/scaleSetVms';
import { subscriptionRoutes } from './routes/subscriptions';
import { metadataRoutes } from './routes/metadata';
import { upgradeRoutes } from './routes/upgrades';
import { approvalRoutes } from './routes/approvals';
import { deleteInstancesRoutes } from './routes/deleteInstances';
import { reimageInstancesRoutes } from './routes/reimageInstances';
import { virtualMachineRoutes } from './routes/virtualMachines';
import { buildWorld } from './scenario/buildWorld';
import { loadScenario } from './scenario/loadScenario';
import type { Scenario } from './scenario/scenarioTypes';
import { fireAlert, type FireAlert, type SimAlert } from './state/alerts';
import { setMetric, type SetMetric, type SimMetric } from './state/metrics';
import type { ImageVersion } from './state/model';
import type { World } from './state/world';
import { simulatorCertificate } from './transport/certificate';
import { startHttpsServer, type RunningServer } from './transport/httpsServer';
import { memoryHttpClient } from './transport/memoryHttpClient';

export interface SimulatorOptions {
  /** A scenario object, a built-in name ('default') or a JSON file path; default: 'default'. */
  readonly scenario?: Scenario | string;
  /** Overrides the scenario's time scale (simulated ms per real ms). */
  readonly timeScale?: number;
  /** HTTPS port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** false: no socket at all, only the in-memory httpClient (url is then a placeholder origin). */
  readonly listen?: boolean;
  /** Injected clock (tests); default: a ScaledClock at the scenario's start time and time scale. */
  readonly clock?: Clock;
  /** Request-log entries kept (the newest); default defaultRequestLogLimit. */
  readonly requestLogLimit?: number;
}

/** The origin used for in-memory dispatch when nothing listens. */
export const inMemoryOrigin = 'https://127.0.0.1:1';

export class Simulator {
  private constructor(
    readonly world: World,
    readonly clock: Clock,
    readonly log: RequestLog,
    private readonly deps: HandlerDeps,
    private readonly server: RunningServer | undefined,
    /** PEM of the self-signed certificate to trust; undefined when not listening. */
    readonly ca: string | undefined,
  ) {}

  static async start(options: SimulatorOptions = {}): Promise<Simulator> {
    const scenario = loadScenario(options.scenario);
    const timeScale = options.timeScale ?? scenario.timeScale ?? 60;
    const startTime = scenario.startTime ? Date.parse(scenario.startTime) : Date.now();
    const clock = options.clock ?? new ScaledClock(timeScale, startTime);
    const world = buildWorld(scenario, clock.now());
    world.timeScale = clock.timeScale;
    const log = new RequestLog(options.requestLogLimit);
    const publish = (request: PublishRequest) => Simulator.publish(world, request);
    const router = new Router<RouteContext>([
      ...subscriptionRoutes,
      ...metadataRoutes,
      ...scaleSetRoutes,
      ...scaleSetVmRoutes,
      ...upgradeRoutes,
      ...approvalRoutes,
      ...deleteInstancesRoutes,
      ...reimageInstancesRoutes,
      ...virtualMachineRoutes,
      ...operationRoutes,
      ...imageRoutes,
      ...galleryRoutes,
      ...resourceGraphRoutes,
      ...maintenanceRoutes,
      ...alertRoutes,
      ...metricRoutes,
      ...controlRoutes({ publish, requests: (afterSeq) => log.entries(afterSeq), timeScale: clock.timeScale }),
    ]);
    const deps: HandlerDeps = {
      world,
      clock,
      router,
      faults: new FaultInjector(scenario.faults ?? [], seededRandom((scenario.seed ?? 1) ^ 0x5eed)),
      throttle: new Throttle(scenario.throttling?.budgets ?? [], clock.timeScale),
      armLimits: new ArmRateLimits({ ...documentedArmLimits, ...(scenario.throttling?.arm ?? {}) }, clock.timeScale),
      log,
      latencyMs: scenario.latencyMs ?? 0,
    };
    if (options.listen === false) return new Simulator(world, clock, log, deps, undefined, undefined);
    const cert = simulatorCertificate();
    const server = await startHttpsServer(cert, options.port ?? 0, (req) => handleRequest(deps, req), { roundTripMs: () => deps.latencyMs });
    return new Simulator(world, clock, log, deps, server, cert.cert);
  }

  private static publish(world: World, request: PublishRequest): ImageVersion[] {
    const key = { publisher: request.publisher, offer: request.offer, sku: request.sku };
    const locations = request.location
      ? [request.location]
      : [...new Set(world.images.all().filter((v) => [v.publisher, v.offer, v.sku].join('/').toLowerCase() === [key.publisher, key.offer, key.sku].join('/').toLowerCase()).map((v) => v.location))];
    if (locations.length === 0) throw new ArmError(404, 'NotFound', 'Artifact: VMImage was not found; give a location to publish a new image.');
    return locations.map((location) => {
      publishImageVersion(world, { ...key, version: request.version, location });
      return { ...key, version: request.version, location, publishedAt: world.now };
    });
  }

  /** https://127.0.0.1:PORT (or the in-memory placeholder origin). */
  get url(): string {
    return this.server?.url ?? inMemoryOrigin;
  }

  /** Dispatches a request exactly as the transports do (used by both). */
  dispatch(req: SimRequest): Promise<SimResponse> {
    return handleRequest(this.deps, req);
  }

  /** An @azure/core-rest-pipeline HttpClient answering in memory (no sockets). */
  get httpClient(): HttpClient {
    return memoryHttpClient((req) => this.dispatch(req));
  }

  /** Brings the world to the clock's now (events due are processed). */
  advance(): void {
    this.world.scheduler.advanceTo(this.clock.now());
  }

  /** Fires an Azure Monitor alert (now, or at `at`) on a scale set, one of its instances, or a resource group. */
  fireAlert(request: FireAlert): SimAlert {
    this.advance();
    return fireAlert(this.world, request);
  }

  /** Sets steps of a scale set's metric timeline (simulated epoch ms → value of every one-minute sample from then on). */
  setMetric(request: SetMetric): SimMetric {
    this.advance();
    return setMetric(this.world, request);
  }

  /** Control API: releases an image version now (A4: automatic upgrades follow after their delay). */
  publishImageVersion(request: PublishRequest): ImageVersion[] {
    this.advance();
    return Simulator.publish(this.world, request);
  }

  requests(): readonly LoggedRequest[] {
    return this.log.entries();
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
