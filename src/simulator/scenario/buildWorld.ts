// Turns a validated scenario into the simulated world. Every scale set model is checked exactly as a
// PUT would be (state/modelValidation.ts), so a scenario cannot hold a set Azure would refuse.
import { ArmError } from '../armError';
import { addMaintenanceConfigurations } from './maintenanceConfigurations';
import { publishImageVersion } from '../engine/automaticUpgrades';
import { fireAlert } from '../state/alerts';
import { setMetric } from '../state/metrics';
import { resolveVersion } from '../engine/diskReplacement';
import type { InstanceOverrides } from '../state/instanceFactory';
import type { Behaviour, LoadBalancer } from '../state/model';
import { modelImage } from '../state/modelView';
import { validateModel } from '../state/modelValidation';
import { addInstances, newScaleSet } from '../state/scaleSetFactory';
import { defaultTiming, type Timing } from '../state/timing';
import { World } from '../state/world';
import { addCustomImages, assertStartVersion } from './customImageSpecs';
import { ScenarioError } from './loadScenario';
import { scaleSetProperties } from './scaleSetModel';
import type { BehaviourSpec, InstanceSpec, Scenario, ScaleSetSpec } from './scenarioTypes';

export function timingOf(scenario: Scenario): Timing {
  const t = scenario.timing ?? {};
  const s = (value: number | undefined, fallback: number) => (value === undefined ? fallback : value * 1000);
  return {
    modelUpdateMs: s(t.modelUpdateSeconds, defaultTiming.modelUpdateMs),
    instanceUpgradeMs: s(t.instanceUpgradeSeconds, defaultTiming.instanceUpgradeMs),
    healthGraceMs: s(t.healthGraceSeconds, defaultTiming.healthGraceMs),
    healthWaitMs: s(t.healthWaitSeconds, defaultTiming.healthWaitMs),
    healthCheckIntervalMs: s(t.healthCheckIntervalSeconds, defaultTiming.healthCheckIntervalMs),
    automaticUpgradeDelayMs: s(t.automaticUpgradeDelaySeconds, defaultTiming.automaticUpgradeDelayMs),
    firstRolloutDelayMs: s(t.firstRolloutDelaySeconds, defaultTiming.firstRolloutDelayMs),
    pageSize: t.pageSize ?? defaultTiming.pageSize,
    lroRetryAfterMs: s(t.lroRetryAfterSeconds, defaultTiming.lroRetryAfterMs),
  };
}

export function behaviourOf(spec: BehaviourSpec | undefined, fallback: Behaviour): Behaviour {
  if (spec === undefined) return fallback;
  if (spec === 'healthy' || spec === 'neverHealthy' || spec === 'noProbeAnswer') return { kind: spec };
  if (spec.kind === 'flaky') return { kind: 'flaky', unhealthyRatio: spec.unhealthyRatio, periodSeconds: spec.periodSeconds ?? 30 };
  return spec as Behaviour;
}

function overridesOf(spec: InstanceSpec | undefined, fallback: Behaviour, osVersion: string | undefined): InstanceOverrides {
  const v = spec?.osVersion ?? osVersion;
  return {
    ...(spec?.instanceId !== undefined ? { instanceId: spec.instanceId } : {}),
    ...(spec?.zone !== undefined ? { zone: spec.zone } : {}),
    ...(spec?.updateDomain !== undefined ? { updateDomain: spec.updateDomain } : {}),
    ...(spec?.faultDomain !== undefined ? { faultDomain: spec.faultDomain } : {}),
    ...(spec?.powerState ? { powerState: spec.powerState } : {}),
    ...(spec?.health ? { health: spec.health } : {}),
    ...(spec?.extensionsFailed !== undefined ? { extensionsFailed: spec.extensionsFailed } : {}),
    ...(v ? { osVersion: v } : {}),
    behaviour: behaviourOf(spec?.afterUpgrade, fallback),
  };
}

function balancerFor(world: World, spec: ScaleSetSpec, where: string): LoadBalancer | undefined {
  if (spec.healthSignal?.kind !== 'probe') return undefined;
  const name = spec.healthSignal.loadBalancer;
  const lb = world.loadBalancers.find((l) => l.subscriptionId.toLowerCase() === spec.subscriptionId.toLowerCase() && l.name.toLowerCase() === name.toLowerCase());
  if (!lb) throw new ScenarioError(`${where}: load balancer '${name}' is not in loadBalancers of subscription ${spec.subscriptionId}.`);
  return lb;
}

function addScaleSet(world: World, spec: ScaleSetSpec, index: number): void {
  const where = `scaleSets/${index} (${spec.name})`;
  if (!world.subscription(spec.subscriptionId)) throw new ScenarioError(`${where}: subscription ${spec.subscriptionId} is not in subscriptions.`);
  if (world.scaleSet(spec.subscriptionId, spec.resourceGroup, spec.name)) throw new ScenarioError(`${where}: a scale set with this name already exists in ${spec.resourceGroup}.`);
  const balancer = balancerFor(world, spec, where);
  const set = newScaleSet(world, {
    subscriptionId: spec.subscriptionId,
    resourceGroup: spec.resourceGroup,
    name: spec.name,
    location: spec.location,
    ...(spec.tags ? { tags: spec.tags } : {}),
    sku: { name: spec.vmSize ?? 'Standard_D2s_v3', tier: 'Standard', capacity: spec.instances.count },
    ...(spec.zones ? { zones: spec.zones } : {}),
    properties: scaleSetProperties(spec, balancer, world.timing.healthGraceMs / 1000),
    osType: spec.osType ?? 'Linux',
    ...(spec.dataDisks ? { dataDisks: spec.dataDisks } : {}),
    ...(spec.updateDomains ? { updateDomains: spec.updateDomains } : {}),
    ...(spec.faultDomains ? { faultDomains: spec.faultDomains } : {}),
    defaultBehaviour: behaviourOf(spec.afterUpgrade, { kind: 'healthy' }),
  });
  try {
    validateModel(world, set, undefined);
  } catch (err) {
    if (err instanceof ArmError) throw new ScenarioError(`${where}: Azure would refuse this scale set: ${err.code}: ${err.message}`);
    throw err;
  }
  for (const [key, inst] of Object.entries(spec.instances.overrides ?? {})) {
    const version = inst.osVersion ?? spec.osVersion;
    if (Number(key) >= spec.instances.count) throw new ScenarioError(`${where}: instances.overrides has index ${key} but count is ${spec.instances.count}.`);
    if (inst.instanceId !== undefined && spec.orchestrationMode !== 'Flexible' && !/^\d{1,9}$/.test(inst.instanceId)) {
      throw new ScenarioError(`${where}: instances.overrides.${key}.instanceId '${inst.instanceId}' is not a Uniform instance id (a number).`);
    }
    if (version && modelImage(set).id) assertStartVersion(world, set, version, where);
    else if (version && !world.images.has(modelImage(set), set.location, version, world.now)) throw new ScenarioError(`${where}: OS version ${version} is not a published version of ${modelImage(set).offer}/${modelImage(set).sku} in ${spec.location}.`);
  }
  if (spec.osVersion && modelImage(set).id) assertStartVersion(world, set, spec.osVersion, where);
  else if (spec.osVersion && !world.images.has(modelImage(set), set.location, spec.osVersion, world.now)) {
    throw new ScenarioError(`${where}: osVersion ${spec.osVersion} is not a published version of ${modelImage(set).offer}/${modelImage(set).sku} in ${spec.location}.`);
  }
  const scaleOut = Object.entries(spec.instances.scaleOut ?? {}).filter(([, v]) => v.afterUpgrade !== undefined);
  if (scaleOut.length > 0) set.scaleOutBehaviours = Object.fromEntries(scaleOut.map(([k, v]) => [k, behaviourOf(v.afterUpgrade, set.defaultBehaviour)]));
  world.scaleSets.push(set);
  const startVersion = spec.osVersion ?? resolveVersion(world, set, modelImage(set)).version;
  addInstances(world, set, spec.instances.count, (i) => overridesOf(spec.instances.overrides?.[String(i)], set.defaultBehaviour, startVersion));
  const ids = set.instances.map((i) => i.instanceId.toLowerCase());
  const repeated = ids.find((id, n) => ids.indexOf(id) !== n);
  if (repeated !== undefined) throw new ScenarioError(`${where}: instance id '${repeated}' is used twice (kept ids and generated ones must not meet).`);
}

export function buildWorld(scenario: Scenario, start: number): World {
  const world = new World(scenario.seed ?? 1, timingOf(scenario), start);
  for (const t of scenario.tenants) {
    world.tenants.push({ tenantId: t.tenantId, displayName: t.displayName, defaultDomain: t.defaultDomain ?? `${t.displayName.toLowerCase().replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`, countryCode: t.countryCode ?? 'US', tenantCategory: t.tenantCategory ?? 'Home' });
  }
  for (const s of scenario.subscriptions) {
    if (!world.tenants.some((t) => t.tenantId.toLowerCase() === s.tenantId.toLowerCase())) throw new ScenarioError(`subscription ${s.subscriptionId}: tenant ${s.tenantId} is not in tenants.`);
    world.subscriptions.push({ subscriptionId: s.subscriptionId, displayName: s.displayName, tenantId: s.tenantId, state: s.state ?? 'Enabled', tags: s.tags ?? {} });
  }
  for (const g of scenario.resourceGroups ?? []) world.resourceGroups.push({ ...g });
  for (const image of scenario.images) {
    for (const location of image.locations) {
      for (const v of image.versions) {
        const version = typeof v === 'string' ? v : v.version;
        const at = start + (typeof v === 'string' ? 0 : (v.publishedAtSeconds ?? 0) * 1000);
        publishImageVersion(world, { publisher: image.publisher, offer: image.offer, sku: image.sku, location, version }, at);
      }
    }
  }
  addCustomImages(world, scenario, start);
  for (const lb of scenario.loadBalancers ?? []) world.loadBalancers.push({ ...lb, probes: [...lb.probes] });
  for (const q of scenario.quotas ?? []) world.coreQuotas.push({ ...q });
  scenario.scaleSets.forEach((spec, i) => addScaleSet(world, spec, i));
  addMaintenanceConfigurations(world, scenario);
  for (const event of scenario.events ?? []) {
    const p = event.publishImage;
    const locations = p.location ? [p.location] : [...new Set(world.images.all().filter((v) => v.publisher.toLowerCase() === p.publisher.toLowerCase() && v.offer.toLowerCase() === p.offer.toLowerCase() && v.sku.toLowerCase() === p.sku.toLowerCase()).map((v) => v.location))];
    if (locations.length === 0) throw new ScenarioError(`events: image ${p.publisher}/${p.offer}/${p.sku} is not in images; give its location.`);
    for (const location of locations) publishImageVersion(world, { publisher: p.publisher, offer: p.offer, sku: p.sku, version: p.version, location }, start + event.atSeconds * 1000);
  }
  for (const a of scenario.alerts ?? []) {
    if (a.scaleSet && !world.scaleSet(a.subscriptionId, a.resourceGroup, a.scaleSet)) throw new ScenarioError(`alerts: scale set ${a.resourceGroup}/${a.scaleSet} is not in scaleSets.`);
    if (!a.scaleSet && a.instanceId !== undefined) throw new ScenarioError(`alerts: '${a.name}' names an instance without its scaleSet.`);
    fireAlert(world, {
      name: a.name,
      subscriptionId: a.subscriptionId,
      resourceGroup: a.resourceGroup,
      ...(a.scaleSet ? { scaleSet: a.scaleSet } : {}),
      ...(a.instanceId !== undefined ? { instanceId: a.instanceId } : {}),
      ...(a.severity ? { severity: a.severity } : {}),
      ...(a.signalType ? { signalType: a.signalType } : {}),
      ...(a.description ? { description: a.description } : {}),
      ...(a.resolveAfterSeconds !== undefined ? { resolveAfterMs: a.resolveAfterSeconds * 1000 } : {}),
      at: start + a.atSeconds * 1000,
    });
  }
  for (const m of scenario.metrics ?? []) {
    if (!world.scaleSet(m.subscriptionId, m.resourceGroup, m.scaleSet)) throw new ScenarioError(`metrics: scale set ${m.resourceGroup}/${m.scaleSet} is not in scaleSets.`);
    setMetric(world, { subscriptionId: m.subscriptionId, resourceGroup: m.resourceGroup, scaleSet: m.scaleSet, name: m.name, ...(m.unit ? { unit: m.unit } : {}), steps: m.points.map((p) => ({ at: start + p.atSeconds * 1000, value: p.value })) });
  }
  return world;
}
