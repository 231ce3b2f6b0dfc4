// R3 vmss-health-signal: a rolling OS upgrade needs to know whether an upgraded instance is
// healthy (H2/H3). Without a probe or the Application Health extension Azure only sees "VM
// running, extensions provisioned" and upgrades a broken application batch after batch.
// Service Fabric sets (Silver/Gold) report health through the cluster; Bronze stateless node
// types need a health source like any other set.
import { asString, judge } from '../facts';
import { fixes, type FixIntent } from '../fixIntents';
import { healthSignals, isFlexible } from '../healthSignals';
import type { ScaleSetModel } from '../model';
import { dependsOnDeployment, fail, notApplicable, pass, type ReadinessRule } from './rule';
import { isBronze, isStateless, serviceFabricView } from './serviceFabric';

export function healthExtensionFixes(model: ScaleSetModel): FixIntent[] {
  const windows = judge(model.osType, (value) => asString(value)?.toLowerCase() === 'windows');
  if (windows === 'yes') return [fixes.addHealthExtension('Windows')];
  if (windows === 'no' && model.osType.state !== 'absent') return [fixes.addHealthExtension('Linux')];
  return [fixes.addHealthExtension('Linux'), fixes.addHealthExtension('Windows')];
}

export const r3HealthSignal: ReadinessRule = {
  id: 'R3',
  evaluate(model) {
    const signals = healthSignals(model);
    const facts = [{ label: 'networkProfile.healthProbe.id', fact: model.healthProbeId }];
    const sf = serviceFabricView(model);
    if (sf.isServiceFabric === 'yes' && sf.durability) {
      const bronzeStateless = isBronze(sf.durability) === 'yes' && isStateless(sf.isStateless) === 'yes';
      if (!bronzeStateless) return notApplicable('R3', 'Service Fabric reports node health through the cluster (no probe needed)', facts);
    }
    if (isFlexible(model) === 'yes' && signals.extension === 'no' && signals.probe === 'yes') {
      return fail('R3', facts, {
        origin: model.healthProbeId.origin,
        message:
          'R3: a Flexible scale set reports application health only through the Application Health extension; its load balancer health probe (networkProfile.healthProbe.id) is no health signal for upgrades (Learn: Orchestration modes — Monitor application health). Add the Application Health extension and remove the probe reference.',
        fixes: healthExtensionFixes(model),
      });
    }
    if (signals.any === 'yes') {
      return pass('R3', facts, signals.probe === 'yes' ? 'application health probe' : 'Application Health extension');
    }
    if (signals.any === 'unknown') {
      const fact = signals.probe === 'unknown' ? model.healthProbeId : { state: 'unknown' as const, reason: model.extensionsUnknown?.reason ?? 'an extension type is only known at deployment time', origin: model.extensionsUnknown?.origin ?? model.origin };
      return dependsOnDeployment('R3', facts, fact, 'whether the scale set has a health probe or the Application Health extension');
    }
    return fail('R3', facts, {
      origin: model.healthProbeId.origin,
      message:
        'R3: no health signal — neither networkProfile.healthProbe.id nor the Application Health extension is configured (a probe that is only on a load-balancing rule does not count). Rolling and automatic OS upgrades then treat every running VM as healthy and keep upgrading batches even when the application is broken. Add the Application Health extension or reference a load balancer probe in networkProfile.healthProbe.',
      fixes: healthExtensionFixes(model),
    });
  },
};
