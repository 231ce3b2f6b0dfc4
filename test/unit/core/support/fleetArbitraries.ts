// Random fleets, policies, strategies and fault schedules for the orchestrator's properties. Fleets are
// described compactly (size + rates + a seed) so that fast-check shrinks them well; sizes lean small
// so that the suite runs in minutes on two cores.
// Every upgrade mode (a model change in Rolling or Automatic mode makes Azure upgrade the set itself),
// automatic OS upgrades on and off, every kind of image the model can name, and other maintenance that
// takes instances down at any batch start: generators limited to Manual sets on `latest` with health
// fixed at the start could not see a batch shrink (O2) nor Azure racing the run (issue #13). Flexible
// orchestration is drawn too, within what the code supports for it today (flexibleShape).
import fc from 'fast-check';
import type { Strategy, StrategyKind, UpgradeTarget } from '../../../../src/core/contract';
import type { PolicyOverrides } from '../../../../src/core/policy';
import { seededRandom } from '../../../../src/simulator/prng';
import { type AfterUpgrade, type FaultSpec, type FleetInstance, type FleetSpec, galleryDefinition, galleryTarget, otherSku, type SetImageKind, type UpgradeMode } from './fleetScenario';
import type { CaseConfig } from './runCase';

export interface FleetShape {
  readonly size: number;
  readonly seed: number;
  readonly zones: number;
  readonly updateDomains: number;
  readonly faultDomains: number;
  /** Per mille of instances with each trait. */
  readonly neverHealthy: number;
  readonly unhealthyOnTarget: number;
  readonly slowOk: number;
  readonly slowFail: number;
  readonly flaky: number;
  readonly unhealthyBaseline: number;
  readonly onTarget: number;
  /** O8 maxSurge: cores left under the regional quota, in VMs (null: no quota); 0 refuses every scale-out. */
  readonly quotaSlack: number | null;
  /** The set's upgrade policy mode and automatic OS upgrades (O9, A1: what a model change does, A4). */
  readonly upgradeMode: UpgradeMode;
  readonly automaticOSUpgrade: boolean;
  /** What the model names at the start: platform latest or pinned, gallery definition or version, managed image. */
  readonly setImage: SetImageKind;
  /** Other maintenance: instance (a fraction of the fleet) down from batch `from` to batch `from + span` (O2, O6). */
  readonly maintenance: readonly { readonly who: number; readonly from: number; readonly span: number }[];
  readonly orchestration: 'Uniform' | 'Flexible';
}

export function fleetInstances(shape: FleetShape): FleetInstance[] {
  const random = seededRandom(shape.seed);
  return Array.from({ length: shape.size }, () => {
    const r = random() * 1000;
    let after: AfterUpgrade = 'healthy';
    let edge = shape.neverHealthy;
    if (r < edge) after = 'neverHealthy';
    else if (r < (edge += shape.unhealthyOnTarget)) after = 'unhealthyOnTarget';
    else if (r < (edge += shape.slowOk)) after = { slowSeconds: 40 + Math.floor(random() * 160) };
    else if (r < (edge += shape.slowFail)) after = { slowSeconds: 420 + Math.floor(random() * 400) };
    else if (r < (edge += shape.flaky)) after = { flaky: 0.3 };
    const baseline = random() * 1000 < shape.unhealthyBaseline ? 'unhealthy' : 'healthy';
    const onTarget = random() * 1000 < shape.onTarget;
    return { baseline, after, ...(onTarget ? { onTarget } : {}) } as FleetInstance;
  });
}

const perMille = (max: number) => fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max }) });

export function fleetShape(sizes: fc.Arbitrary<number>, options: { flaky: boolean }): fc.Arbitrary<FleetShape> {
  return fc.record({
    size: sizes,
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    zones: fc.integer({ min: 0, max: 3 }),
    updateDomains: fc.integer({ min: 1, max: 5 }),
    faultDomains: fc.integer({ min: 1, max: 3 }),
    neverHealthy: perMille(250),
    unhealthyOnTarget: perMille(100),
    slowOk: perMille(300),
    slowFail: perMille(100),
    flaky: options.flaky ? perMille(200) : fc.constant(0),
    unhealthyBaseline: perMille(250),
    onTarget: perMille(200),
    quotaSlack: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) }),
    upgradeMode: fc.constantFrom<UpgradeMode>('Manual', 'Automatic', 'Rolling'),
    automaticOSUpgrade: fc.boolean(),
    setImage: fc.oneof(
      { weight: 4, arbitrary: fc.constant<SetImageKind>('platformLatest') },
      { weight: 2, arbitrary: fc.constant<SetImageKind>('platformPinned') },
      { weight: 1, arbitrary: fc.constantFrom<SetImageKind>('galleryDefinition', 'galleryVersion', 'managedImage') },
    ),
    orchestration: fc.oneof({ weight: 5, arbitrary: fc.constant<'Uniform'>('Uniform') }, { weight: 1, arbitrary: fc.constant<'Flexible'>('Flexible') }),
    maintenance: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.record({ who: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), from: fc.integer({ min: 0, max: 6 }), span: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }) },
    ),
  });
}

/** Mostly 1–6 instances, some up to 30, a few up to 60. */
export const smallFleetSizes = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 4, arbitrary: fc.integer({ min: 7, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 31, max: 60 }) });

export const transientFaults: fc.Arbitrary<FaultSpec[]> = fc.array(
  fc.record({ kind: fc.constantFrom<FaultSpec['kind']>('429', '500', '503', 'drop'), rate: fc.integer({ min: 1, max: 12 }).map((p) => p / 100) }),
  { maxLength: 3 },
);

export const anyFaults: fc.Arbitrary<FaultSpec[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom<FaultSpec['kind']>('429', '500', '503', 'drop'), rate: fc.integer({ min: 1, max: 12 }).map((p) => p / 100) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant<FaultSpec['kind']>('failedLro'), rate: fc.integer({ min: 2, max: 25 }).map((p) => p / 100) }) },
  ),
  { maxLength: 3 },
);

export interface RolloutChoice {
  readonly strategy: Strategy;
  readonly policy: PolicyOverrides;
  /** Mostly the newest version (reimage exactVersion), sometimes a new SKU or a gallery image version (model + manualupgrade, O9). */
  readonly target: UpgradeTarget;
}

const kinds: StrategyKind[] = ['percentage', 'count', 'updateDomain', 'faultDomain', 'zoneThenUpdateDomain', 'crossZone'];

export const rolloutChoice: fc.Arbitrary<RolloutChoice> = fc
  .record({
    kind: fc.constantFrom(...kinds),
    count: fc.integer({ min: 1, max: 10 }),
    canary: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
    maxBatch: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 5, max: 100 }) }, { weight: 2, arbitrary: fc.constantFrom(20, 25, 34, 50) }),
    maxUnhealthy: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 5, max: 100 }) }, { weight: 2, arbitrary: fc.constant(20) }),
    maxUnhealthyUpgraded: fc.oneof({ weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constantFrom(20, 50) }),
    rollback: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    surge: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    prioritize: fc.boolean(),
    target: fc.oneof(
      { weight: 4, arbitrary: fc.constant<UpgradeTarget>({ kind: 'latest' }) },
      { weight: 1, arbitrary: fc.constant<UpgradeTarget>({ kind: 'sku', sku: otherSku.sku }) },
      { weight: 1, arbitrary: fc.constant<UpgradeTarget>({ kind: 'image', id: galleryTarget.id }) },
    ),
  })
  .map((c) => ({
    target: c.target,
    strategy: { kind: c.kind, ...(c.kind === 'count' ? { count: c.count } : {}), ...(c.canary ? { canary: c.canary } : {}) },
    policy: {
      maxBatchInstancePercent: c.maxBatch,
      maxUnhealthyInstancePercent: c.maxUnhealthy,
      maxUnhealthyUpgradedInstancePercent: c.maxUnhealthyUpgraded,
      rollbackFailedInstances: c.rollback,
      prioritizeUnhealthyInstances: c.prioritize,
      ...(c.surge ? { maxSurge: true } : {}),
      // The simulator's grace is 30 s: one read per grace period keeps the ARM traffic of a case low.
      healthPoll: 'PT30S',
    },
  }));

/**
 * O8 maxSurge: the k-th instance a scale-out creates behaves like the k-th instance of the fleet, so
 * surge runs meet the same mix of behaviours; 2 cores per VM, plus `quotaSlack` VMs of headroom.
 */
export function fleetSpec(shape: FleetShape, faults: readonly FaultSpec[]): FleetSpec {
  const instances = fleetInstances(shape);
  const scaleOut = Object.fromEntries(instances.flatMap((inst, k) => (inst.after === 'healthy' ? [] : [[String(k), inst.after] as const])));
  return {
    seed: shape.seed,
    instances,
    zones: shape.zones,
    updateDomains: shape.updateDomains,
    faultDomains: shape.faultDomains,
    faults,
    scaleOut,
    ...(shape.quotaSlack !== null ? { coresQuota: 2 * (instances.length + shape.quotaSlack) } : {}),
    upgradeMode: shape.upgradeMode,
    automaticOSUpgrade: shape.automaticOSUpgrade,
    setImage: shape.setImage,
  };
}

/** A target that fits what the set's model names (a platform version target needs a platform image, O9). */
function fitTarget(kind: SetImageKind, wanted: UpgradeTarget): UpgradeTarget {
  switch (kind) {
    case 'platformLatest':
    case 'platformPinned':
      return wanted;
    case 'galleryDefinition':
      // A version of the definition the model names (reimage exactVersion), or the definition itself (its latest).
      return wanted.kind === 'sku' ? { kind: 'image', id: galleryDefinition } : { kind: 'image', id: galleryTarget.id };
    default:
      return { kind: 'image', id: galleryTarget.id };
  }
}

/** A target that would pin the model (A1: automatic OS upgrades need 'latest' or a gallery definition). */
function pinsModel(kind: SetImageKind, target: UpgradeTarget): boolean {
  if (kind === 'platformLatest') return target.kind === 'image' || (target.kind === 'sku' && target.version !== undefined);
  return kind !== 'galleryDefinition';
}

/**
 * Flexible orchestration as the code supports it today: instances are VMs moved by VM reimage
 * (exactVersion) from a platform image on 'latest', in Manual mode (Learn, "Set the upgrade policy": only
 * Manual is generally available for Flexible), with no update domains (the planner refuses those
 * strategies) and without maxSurge (whose new VM names the properties cannot predict).
 */
function flexibleShape(shape: FleetShape, choice: RolloutChoice): [FleetShape, RolloutChoice] {
  const kind = choice.strategy.kind === 'updateDomain' || choice.strategy.kind === 'zoneThenUpdateDomain' ? 'faultDomain' : choice.strategy.kind;
  const { maxSurge: _surge, ...policy } = choice.policy;
  return [
    { ...shape, setImage: 'platformLatest', upgradeMode: 'Manual', automaticOSUpgrade: false, onTarget: 0 },
    { target: { kind: 'latest' }, strategy: { ...choice.strategy, kind }, policy },
  ];
}

/** One case: the fleet, the choice, a target fitted to the set's image, the maintenance schedule. */
export function caseFrom(given: FleetShape, faults: readonly FaultSpec[], givenChoice: RolloutChoice): CaseConfig {
  const [shape, choice] = given.orchestration === 'Flexible' ? flexibleShape(given, givenChoice) : [given, givenChoice];
  const spec = { ...fleetSpec(shape, faults), ...(shape.orchestration === 'Flexible' ? { orchestration: 'Flexible' as const, scaleOut: {} } : {}) };
  const target = fitTarget(shape.setImage, choice.target);
  // Automatic OS upgrades only exist on a model that says 'latest' (A1); the plan refuses a target that would pin it.
  const automaticOSUpgrade = shape.automaticOSUpgrade && !pinsModel(shape.setImage, target) && shape.setImage !== 'platformPinned';
  const maintenance = shape.maintenance.map((m) => ({ instance: String(Math.floor(m.who * shape.size)), from: m.from, to: m.from + m.span }));
  return { fleet: { ...spec, automaticOSUpgrade }, strategy: choice.strategy, policy: choice.policy, target, ...(maintenance.length > 0 ? { maintenance } : {}) };
}
