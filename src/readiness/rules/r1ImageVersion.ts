// R1 vmss-image-version-latest: automatic OS upgrades only move a scale set that asks for the
// newest image — `imageReference.version: latest`, or a gallery image definition (not /versions/x).
import { asString, judge, possibleValues, type Verdict } from '../facts';
import type { Fact } from '../model';
import { fixes } from '../fixIntents';
import { imageIdentity, pinsGalleryVersion } from './imageIdentity';
import { dependsOnDeployment, fail, note, notApplicable, pass, type ReadinessRule } from './rule';

/** 'not set', '1.0.0', or '1.0.0' or '2.0.0' when every branch pins a version. */
function describeVersions(version: Fact): string {
  const values = possibleValues(version) ?? [];
  const texts = values.map((v) => (v === undefined ? 'not set' : `'${asString(v) ?? 'fixed'}'`));
  return texts.length > 0 ? [...new Set(texts)].join(' or ') : "'fixed'";
}

export const r1ImageVersion: ReadinessRule = {
  id: 'R1',
  evaluate(model) {
    const image = imageIdentity(model);
    const facts = [{ label: 'version', fact: model.imageVersion }];
    switch (image.kind) {
      case 'vhd':
        return note('R1', [{ label: 'osDisk.image.uri', fact: model.osDiskImageUri }], {
          origin: model.osDiskImageUri.origin,
          message: 'R1: not applicable — the scale set boots from an unmanaged VHD (osDisk.image.uri), which has no image version; R2 reports the image itself.',
        });
      case 'none':
        return notApplicable('R1', 'no image reference', facts);
      case 'managed-image':
        return notApplicable('R1', 'managed images have no versions (R2 reports the image)', [{ label: 'id', fact: image.fact }]);
      case 'gallery': {
        const idFacts = [{ label: 'id', fact: image.fact }];
        const pinned: Verdict = judge(image.fact, (value) => {
          const id = asString(value);
          return id !== undefined && pinsGalleryVersion(id);
        });
        if (pinned === 'no') return pass('R1', idFacts, 'references the gallery image definition, so the newest version is used');
        if (pinned === 'unknown') return dependsOnDeployment('R1', idFacts, image.fact, 'whether the gallery image id names a fixed version');
        return fail('R1', idFacts, {
          origin: image.fact.origin,
          message:
            'R1: the gallery image id names a fixed version (…/versions/…), so automatic OS upgrades have nothing newer to roll out. Reference the image definition (drop /versions/…) so Azure upgrades to each new version replicated to the region.',
        });
      }
      case 'unknown':
        return dependsOnDeployment('R1', facts, image.fact, "whether the image reference asks for version 'latest'");
      case 'empty': // the version still pins the set; R2 reports the empty identity
      case 'platform': {
        const latest = judge(model.imageVersion, (value) => (value === undefined ? false : asString(value)?.toLowerCase() === 'latest'));
        if (latest === 'yes') return pass('R1', facts);
        if (latest === 'unknown') return dependsOnDeployment('R1', facts, model.imageVersion, "whether imageReference.version is 'latest'");
        return fail('R1', facts, {
          origin: model.imageVersion.origin,
          message: `R1: imageReference.version is ${describeVersions(model.imageVersion)}, so the scale set is pinned to one image and automatic OS upgrades never move it. Set the version to 'latest'.`,
          fixes: [fixes.setImageVersionLatest()],
        });
      }
    }
  },
};
