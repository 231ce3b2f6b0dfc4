// The target step's gallery choices (O9, A4) through the real SDK against the simulator: newer usable
// versions of the set's definition, newest first, with latest and excluded-from-latest marked; none for
// platform or managed images; the typed id check.
import * as assert from 'node:assert/strict';
import { imageIdProblem, newerGalleryVersions } from '../../../../src/commands/galleryVersions';
import { findNewerImage } from '../../../../src/commands/newerImage';
import { ref } from '../../core/support/fleetScenario';
import { galleryFleet, golden, version, web } from '../../core/support/galleryFleet';
import { withSimulator } from '../../core/support/scenarioRun';

const healthy = (n: number) => Array.from({ length: n }, () => ({ baseline: 'healthy' as const, after: 'healthy' as const }));

async function choicesFor(image: { id: string } | undefined, osVersion?: string) {
  const env = await withSimulator(galleryFleet(healthy(3), image, osVersion));
  try {
    return await newerGalleryVersions(env.az.gateway, ref, await env.az.gateway.getScaleSet(ref));
  } finally {
    await env.dispose();
  }
}

describe('target step: newer versions of the set’s gallery image (O9, A4)', function () {
  this.timeout(60_000);

  it('lists the usable versions newer than what the instances run, newest first; 1.3.0 (not replicated here) is left out', async () => {
    const found = await choicesFor({ id: web }, '1.0.0');
    assert.equal(found?.definition, web);
    assert.deepEqual(found?.running, ['1.0.0']);
    assert.deepEqual(
      found?.choices.map((c) => [c.version, c.id, c.latest, c.excludeFromLatest]),
      [
        ['1.2.0', version('1.2.0'), false, true],
        ['1.1.0', version('1.1.0'), true, false],
      ],
    );
    assert.ok(found?.choices.every((c) => c.publishedDate instanceof Date));
  });

  it('a set pinned to a version id lists the newer versions of its definition; nothing newer gives an empty list', async () => {
    assert.deepEqual((await choicesFor({ id: version('1.1.0') }, '1.1.0'))?.choices.map((c) => c.version), ['1.2.0']);
    assert.deepEqual((await choicesFor({ id: version('1.2.0') }, '1.2.0'))?.choices, []);
  });

  it('a platform image or a managed image has no gallery versions to offer', async () => {
    assert.equal(await choicesFor(undefined), undefined);
    assert.equal(await choicesFor({ id: golden }), undefined);
  });

  it('A6/A4: a set on a definition is compared with its latest version before a platform upgrade; a pinned version cannot say', async () => {
    const newer = async (image: { id: string }, osVersion: string) => {
      const env = await withSimulator(galleryFleet(healthy(3), image, osVersion));
      try {
        return await findNewerImage(env.az.gateway, ref, await env.az.gateway.getScaleSet(ref));
      } finally {
        await env.dispose();
      }
    };
    assert.deepEqual(await newer({ id: web }, '1.0.0'), { kind: 'newer', newest: '1.1.0', behind: 3 });
    assert.deepEqual(await newer({ id: web }, '1.1.0'), { kind: 'none', newest: '1.1.0' });
    assert.equal((await newer({ id: version('1.0.0') }, '1.0.0')).kind, 'unknown');
  });

  it('a typed id must have the shape of a gallery image (version) or managed image id', () => {
    assert.equal(imageIdProblem(version('1.1.0')), undefined);
    assert.equal(imageIdProblem(` ${golden} `), undefined);
    assert.equal(imageIdProblem(''), 'empty');
    assert.equal(imageIdProblem('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/x'), 'shape');
  });
});
