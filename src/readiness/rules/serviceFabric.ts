// Service Fabric facts shared by R3, R7, R8 and R9: the node extension on the scale set, and the
// durability that governs it — the cluster's node type when the template has the cluster,
// otherwise the extension's own durabilityLevel.
import { anyExtension, isServiceFabricExtension } from '../extensionKinds';
import { asBoolean, asString, judge, type Verdict } from '../facts';
import type { ExtensionModel, Fact, ScaleSetModel } from '../model';

export interface ServiceFabricView {
  readonly isServiceFabric: Verdict;
  readonly extension?: ExtensionModel;
  readonly durability?: Fact;
  readonly isStateless?: Fact;
}

export function serviceFabricView(model: ScaleSetModel): ServiceFabricView {
  const found = anyExtension(model, isServiceFabricExtension);
  if (!found.extension) return { isServiceFabric: found.verdict };
  return {
    isServiceFabric: 'yes',
    extension: found.extension,
    durability: model.serviceFabricNodeType?.durabilityLevel ?? found.extension.durabilityLevel,
    isStateless: model.serviceFabricNodeType?.isStateless,
  };
}

/** Whether the durability is Bronze (yes), Silver/Gold (no), or depends on deployment. */
export function isBronze(durability: Fact): Verdict {
  // Omitted durability means Bronze (the Service Fabric default).
  return judge(durability, (value) => (value === undefined ? true : asString(value)?.toLowerCase() === 'bronze'));
}

/** A stateless node type (isStateless true); not set means stateful. */
export function isStateless(fact: Fact | undefined): Verdict {
  if (!fact) return 'no';
  return judge(fact, (value) => asBoolean(value) === true);
}
