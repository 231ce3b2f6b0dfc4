// R2 vmss-image-supported: automatic OS upgrades work for the platform images Azure lists
// (versioned table in supportedImages.ts) and for Azure Compute Gallery images. Managed images,
// unmanaged VHDs and marketplace images with a purchase plan are not upgraded.
import { asString, possibleValues } from '../facts';
import type { FactLine, RuleEvaluation } from '../findings';
import type { Fact, ScaleSetModel } from '../model';
import { tableContains } from '../supportedImages';
import { isUnknown } from '../value';
import { imageIdentity } from './imageIdentity';
import { dependsOnDeployment, fail, pass, type ReadinessRule } from './rule';

/** Every publisher/offer/sku combination the facts allow, or undefined when one cannot be listed. */
function combinations(publisher: Fact, offer: Fact, sku: Fact): [string, string, string][] | undefined {
  const lists = [publisher, offer, sku].map((fact) => possibleValues(fact));
  if (lists.some((list) => !list || list.some((v) => isUnknown(v) || asString(v) === undefined))) return undefined;
  const [ps, os, ss] = lists.map((list) => list!.map((v) => asString(v)!));
  return ps.flatMap((p) => os.flatMap((o) => ss.map((s): [string, string, string] => [p, o, s])));
}

function planIsSet(plan: Fact): 'yes' | 'no' | 'unknown' {
  const values = possibleValues(plan);
  if (!values) return 'unknown';
  const set = values.filter((v) => v !== undefined && v !== null);
  if (set.length === 0) return 'no';
  return set.length === values.length ? 'yes' : 'unknown';
}

/**
 * publisher / offer / sku written as '' (issue 14 hole 4): with a purchase plan the set is a
 * marketplace image, which automatic OS upgrades do not support (R2 fails); without one the
 * template names no image, so whether Azure supports it cannot be told (never a silent pass).
 */
function emptyImage(model: ScaleSetModel, platformFacts: FactLine[]): RuleEvaluation {
  const empty = platformFacts.filter((line) => line.fact.state === 'set' && asString(line.fact.value) === '').map((line) => line.label);
  const named = `imageReference ${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty ('')`;
  const facts = [...platformFacts, { label: 'plan', fact: model.plan }];
  const origin = platformFacts.find((line) => line.fact.state !== 'absent')?.fact.origin ?? model.imageReference.origin;
  if (planIsSet(model.plan) === 'yes') {
    return fail('R2', facts, {
      origin: model.plan.origin,
      message: `R2: ${named} and a purchase plan is set: a marketplace image with a plan, which automatic OS upgrades do not support. Use a listed platform image or an Azure Compute Gallery image.`,
    });
  }
  return {
    rule: 'R2',
    status: 'unknown',
    facts,
    issues: [
      {
        kind: 'deployment-time',
        origin,
        message: `R2: ${named}, so the template names no image and whether automatic OS upgrades support it cannot be told. Set a listed publisher/offer/sku or an Azure Compute Gallery image id.`,
      },
    ],
  };
}

export const r2SupportedImage: ReadinessRule = {
  id: 'R2',
  evaluate(model, context) {
    const image = imageIdentity(model);
    const platformFacts = [
      { label: 'publisher', fact: model.imagePublisher },
      { label: 'offer', fact: model.imageOffer },
      { label: 'sku', fact: model.imageSku },
    ];
    switch (image.kind) {
      case 'gallery':
        return pass('R2', [{ label: 'id', fact: image.fact }], 'Azure Compute Gallery image');
      case 'managed-image':
        return fail('R2', [{ label: 'id', fact: image.fact }], {
          origin: image.fact.origin,
          message:
            'R2: the scale set uses a managed image (Microsoft.Compute/images), which automatic OS upgrades do not support: Azure never replaces its OS disk. Publish the image to an Azure Compute Gallery and reference the image definition.',
        });
      case 'vhd':
        return fail('R2', [{ label: 'osDisk.image.uri', fact: image.fact }], {
          origin: image.fact.origin,
          message:
            'R2: the scale set boots from an unmanaged VHD (osDisk.image.uri), which automatic OS upgrades do not support. Use a supported platform image or an Azure Compute Gallery image.',
        });
      case 'none':
        return pass('R2', platformFacts, 'no image reference in this resource');
      case 'empty':
        return emptyImage(model, platformFacts);
      case 'unknown':
        return dependsOnDeployment('R2', platformFacts, image.fact, 'which image the scale set uses');
      case 'platform':
        break;
    }
    const facts = [...platformFacts, { label: 'plan', fact: model.plan }];
    const combos = combinations(model.imagePublisher, model.imageOffer, model.imageSku);
    if (!combos) return dependsOnDeployment('R2', facts, [model.imagePublisher, model.imageOffer, model.imageSku].find((f) => f.state !== 'set' || isUnknown(f.value)) ?? model.imageSku, 'whether the platform image is supported');
    const listed = combos.map(([p, o, s]) => tableContains(context.imageTable, p, o, s));
    const plan = planIsSet(model.plan);
    if (listed.every(Boolean) && plan === 'no') return pass('R2', facts, `listed in ${context.imageTable.title}`);
    if (listed.some(Boolean) && !listed.every(Boolean)) return dependsOnDeployment('R2', facts, model.imageSku, 'whether the chosen image is one of the supported ones');
    if (listed.every(Boolean) && plan === 'unknown') return dependsOnDeployment('R2', facts, model.plan, 'whether the image is a marketplace image with a purchase plan');
    const [p, o, s] = combos[0];
    const name = `${p}/${o}/${s}`;
    if (!listed[0]) {
      const inOther = tableContains(context.otherImageTable, p, o, s);
      const history = inOther
        ? context.otherImageTable.id === 'seed-2020'
          ? ' It was supported until 2020 and is no longer listed.'
          : ` It is listed in ${context.otherImageTable.title}.`
        : '';
      return fail('R2', facts, {
        origin: model.imageSku.origin,
        message: `R2: ${name} is not in the list of images that support automatic OS upgrades (${context.imageTable.title}), so Azure will not upgrade it.${history} Choose a listed publisher/offer/sku (for example Canonical 0001-com-ubuntu-server-jammy 22_04-LTS-Gen2 or MicrosoftWindowsServer WindowsServer 2022-Datacenter-azure-edition) or an Azure Compute Gallery image.`,
      });
    }
    return fail('R2', facts, {
      origin: model.plan.origin,
      message: `R2: ${name} is a marketplace image with a purchase plan, which automatic OS upgrades do not support. Use a listed platform image or an Azure Compute Gallery image.`,
    });
  },
};
