// Gallery images and managed images through the real SDK (O9, A4): listing versions, instances on an
// image id (id + exactVersion), model moves between platform and gallery images with manualupgrade and
// back, Azure's refusals, reimage exactVersion on a gallery definition, health (H3), OS rolling upgrade.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComputeManagementClient } from '@azure/arm-compute';
import { loadScenario } from '../../../src/simulator/scenario/loadScenario';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { StepClock } from './helpers/clocks';
import { errorCode, rawCall, snapshot } from './helpers/rawCall';
import { image, scaleSet, scenario, sub1 } from './helpers/scenarios';

const rg = `/subscriptions/${sub1}/resourceGroups/rg-test/providers/Microsoft.Compute`;
const app = `${rg}/galleries/gal/images/app`;
const golden = `${rg}/images/golden`;
const vmss = (name: string) => `${rg}/virtualMachineScaleSets/${name}`;
const withId = (id: string) => ({ properties: { virtualMachineProfile: { storageProfile: { imageReference: { id } } } } });

const world = scenario(
  [
    scaleSet('platform', 3),
    scaleSet('gallery', 3, { image: { id: app }, osVersion: undefined, instances: { count: 3, overrides: { '2': { afterUpgrade: 'neverHealthy' } } } }),
    scaleSet('managed', 2, { image: { id: golden }, osVersion: undefined }),
  ],
  {
    galleries: [
      {
        subscriptionId: sub1,
        resourceGroup: 'rg-test',
        name: 'gal',
        location: 'westeurope',
        images: [
          {
            name: 'app',
            identifier: { publisher: 'Contoso', offer: 'app', sku: 'web' },
            versions: ['1.0.0', '1.1.0', { version: '1.2.0', excludeFromLatest: true }, { version: '1.3.0', regions: ['eastus'] }, { version: '2.0.0', publishedAtSeconds: 3600 }],
          },
          { name: 'winapp', osType: 'Windows', versions: ['1.0.0'] },
        ],
      },
    ],
    managedImages: [
      { subscriptionId: sub1, resourceGroup: 'rg-test', name: 'golden', location: 'westeurope' },
      { subscriptionId: sub1, resourceGroup: 'rg-test', name: 'golden-east', location: 'eastus' },
    ],
  },
);

describe('simulator gallery and managed images (O9, A4)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let compute: ComputeManagementClient;
  const vms = async (set: string) => collect(compute.virtualMachineScaleSetVMs.list('rg-test', set, { expand: 'instanceView' }));
  // The SDK's objects carry every model key, undefined where absent: compare what is there.
  const defined = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const refs = async (set: string) => (await vms(set)).map((vm) => defined(vm.storageProfile?.imageReference));
  const later = (seconds: number) => sim.world.scheduler.advanceTo(sim.world.now + seconds * 1000);

  beforeEach(async () => {
    sim = await Simulator.start({ scenario: world, listen: false, clock: new StepClock(5_000) });
    compute = sdkClients(sim, 'memory').compute(sub1);
  });

  afterEach(async () => {
    await sim.stop();
  });

  it('lists the published versions of a definition with publishedDate, excludeFromLatest and provisioningState; a later version appears when published', async () => {
    const listed = await collect(compute.galleryImageVersions.listByGalleryImage('rg-test', 'gal', 'app'));
    assert.deepEqual(listed.map((v) => v.name), ['1.0.0', '1.1.0', '1.2.0', '1.3.0']);
    assert.deepEqual(listed.map((v) => v.publishingProfile?.excludeFromLatest), [false, false, true, false]);
    assert.ok(listed.every((v) => v.publishingProfile?.publishedDate instanceof Date && v.provisioningState === 'Succeeded'));
    // Display names, as the spec's GalleryImageVersions_Get example shows ("West US").
    assert.deepEqual(listed[3].publishingProfile?.targetRegions?.map((r) => r.name), ['East US']);
    later(3600);
    assert.deepEqual((await collect(compute.galleryImageVersions.listByGalleryImage('rg-test', 'gal', 'app'))).map((v) => v.name).at(-1), '2.0.0');
    const definition = await compute.galleryImages.get('rg-test', 'gal', 'app');
    assert.deepEqual([definition.osType, definition.identifier?.publisher], ['Linux', 'Contoso']);
    assert.equal((await compute.images.get('rg-test', 'golden')).storageProfile?.osDisk?.osType, 'Linux');
  });

  it('missing galleries, definitions, versions and managed images answer 404 ResourceNotFound', async () => {
    for (const path of [`${rg}/galleries/nope/images/app/versions`, `${rg}/galleries/gal/images/nope/versions`, `${app}/versions/9.9.9`, `${rg}/images/nope`]) {
      // Galleries are described by GalleryRP 2025-03-03 (what the SDK sends), managed images by ComputeRP 2026-03-01.
      const res = await rawCall(sim, 'GET', path, { apiVersion: path.includes('/galleries/') ? '2025-03-03' : '2026-03-01' });
      assert.deepEqual([res.status, errorCode(res)], [404, 'ResourceNotFound'], path);
    }
  });

  it('instances on a definition report its id with exactVersion (its latest: not excluded, replicated here); a managed image has no exactVersion', async () => {
    assert.deepEqual(await refs('gallery'), Array(3).fill({ id: app, exactVersion: '1.1.0' }));
    assert.deepEqual(await refs('managed'), Array(2).fill({ id: golden }));
  });

  it('O9: platform → gallery version by model update + manualupgrade, and back to the platform image', async () => {
    const version = `${app}/versions/1.0.0`;
    await compute.virtualMachineScaleSets.update('rg-test', 'platform', withId(version).properties, poll).pollUntilDone();
    assert.deepEqual((sim.world.scaleSets[0].properties.virtualMachineProfile as { storageProfile: { imageReference: unknown } }).storageProfile.imageReference, { id: version }, 'an id replaces the platform reference');
    assert.deepEqual((await vms('platform')).map((vm) => vm.latestModelApplied), [false, false, false]);
    await compute.virtualMachineScaleSets.updateInstances('rg-test', 'platform', { instanceIds: ['0', '1'] }, poll).pollUntilDone();
    assert.deepEqual(await refs('platform'), [{ id: version, exactVersion: '1.0.0' }, { id: version, exactVersion: '1.0.0' }, { ...image, version: 'latest', exactVersion: '1.0.0' }]);
    await compute.virtualMachineScaleSets.update('rg-test', 'platform', { virtualMachineProfile: { storageProfile: { imageReference: { ...image, version: 'latest' } } } }, poll).pollUntilDone();
    await compute.virtualMachineScaleSets.updateInstances('rg-test', 'platform', { instanceIds: ['0'] }, poll).pollUntilDone();
    assert.deepEqual((await refs('platform'))[0], { ...image, version: 'latest', exactVersion: '1.1.0' });
  });

  it('refuses ids Azure would refuse, with its codes, and changes nothing', async () => {
    const cases: [string, object, number, string][] = [
      ['platform', withId(`${rg}/galleries/gal/images/missing`), 404, 'GalleryImageNotFound'],
      ['platform', withId(`${app}/versions/1.3.0`), 404, 'GalleryImageNotFound'],
      ['platform', withId(`${app}/versions/7.0.0`), 404, 'GalleryImageNotFound'],
      ['platform', withId(`${rg}/images/golden-east`), 400, 'InvalidParameter'],
      ['platform', withId(`${rg}/galleries/gal/images/winapp`), 400, 'InvalidParameter'],
      ['platform', withId('/subscriptions/x/images/bad'), 400, 'InvalidParameter'],
      ['gallery', { properties: { virtualMachineProfile: { storageProfile: { imageReference: { id: app, version: '1.0.0' } } } } }, 400, 'InvalidParameter'],
      // A3: a set created from a gallery image never names a platform publisher/offer.
      ['gallery', { properties: { virtualMachineProfile: { storageProfile: { imageReference: { ...image, version: 'latest' } } } } }, 409, 'PropertyChangeNotAllowed'],
      // A4: automatic OS upgrades need a gallery definition (or platform latest), not a managed image or a version id.
      ['managed', { properties: { upgradePolicy: { mode: 'Rolling', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } } }, 400, 'BadRequest'],
      ['platform', { properties: { ...withId(`${app}/versions/1.2.0`).properties, upgradePolicy: { automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } } } }, 400, 'BadRequest'],
    ];
    for (const [set, body, status, code] of cases) {
      const before = snapshot(sim);
      const res = await rawCall(sim, 'PATCH', vmss(set), { body });
      assert.deepEqual([res.status, errorCode(res)], [status, code], `${set}: ${JSON.stringify(body)}`);
      assert.equal(snapshot(sim), before, 'a refused request changes nothing');
    }
    // An excluded version may still be named explicitly (exclusion is from latest only).
    const ok = await rawCall(sim, 'PATCH', vmss('platform'), { body: withId(`${app}/versions/1.2.0`) });
    assert.equal(ok.status, 200);
    // A4: a gallery image *version* id pins the set, so the OS rolling upgrade is refused.
    const os = await rawCall(sim, 'POST', `${vmss('platform')}/osRollingUpgrade`);
    assert.deepEqual([os.status, errorCode(os)], [409, 'OperationNotAllowed']);
  });

  it('A3: a set moved from a platform image to a gallery image can come back only to its own publisher and offer', async () => {
    await compute.virtualMachineScaleSets.update('rg-test', 'platform', withId(app).properties, poll).pollUntilDone();
    const other = await rawCall(sim, 'PATCH', vmss('platform'), { body: { properties: { virtualMachineProfile: { storageProfile: { imageReference: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022', version: 'latest' } } } } } });
    assert.deepEqual([other.status, errorCode(other)], [409, 'PropertyChangeNotAllowed']);
    const back = await rawCall(sim, 'PATCH', vmss('platform'), { body: { properties: { virtualMachineProfile: { storageProfile: { imageReference: { ...image, version: 'latest' } } } } } });
    assert.equal(back.status, 200);
  });

  it('reimage exactVersion on a definition: another usable version (even one excluded from latest) or a 404; a managed image refuses exactVersion', async () => {
    await compute.virtualMachineScaleSetVMs.reimage('rg-test', 'gallery', '0', { ...poll, vmScaleSetVMReimageInput: { exactVersion: '1.2.0' } }).pollUntilDone();
    assert.deepEqual((await refs('gallery'))[0], { id: app, exactVersion: '1.2.0' });
    const missing = await rawCall(sim, 'POST', `${vmss('gallery')}/virtualMachines/1/reimage`, { body: { exactVersion: '1.3.0' } });
    assert.deepEqual([missing.status, errorCode(missing)], [404, 'GalleryImageNotFound']);
    const managed = await rawCall(sim, 'POST', `${vmss('managed')}/virtualMachines/0/reimage`, { body: { exactVersion: '1.0.0' } });
    assert.deepEqual([managed.status, errorCode(managed)], [400, 'InvalidParameter']);
  });

  it('H3: a neverHealthy instance is unhealthy on another gallery version and healthy again on its own', async () => {
    const health = async () => (await compute.virtualMachineScaleSetVMs.get('rg-test', 'gallery', '2', { expand: 'instanceView' })).instanceView?.vmHealth?.status?.code;
    await compute.virtualMachineScaleSetVMs.reimage('rg-test', 'gallery', '2', { ...poll, vmScaleSetVMReimageInput: { exactVersion: '1.0.0' } }).pollUntilDone();
    later(60);
    assert.equal(await health(), 'HealthState/unhealthy');
    await compute.virtualMachineScaleSetVMs.reimage('rg-test', 'gallery', '2', { ...poll, vmScaleSetVMReimageInput: { exactVersion: '1.1.0' } }).pollUntilDone();
    later(60);
    assert.equal(await health(), 'HealthState/healthy');
  });

  it('A4/A6: an OS rolling upgrade moves a set on a definition to its newly published version; history names the image id', async () => {
    later(3600);
    const set = sim.world.scaleSets.find((s) => s.name === 'gallery')!;
    set.instances[2].behaviour = { kind: 'healthy' };
    await compute.virtualMachineScaleSetRollingUpgrades.startOSUpgrade('rg-test', 'gallery', poll).pollUntilDone();
    assert.deepEqual(await refs('gallery'), Array(3).fill({ id: app, exactVersion: '2.0.0' }));
    const history = await collect(compute.virtualMachineScaleSets.listOSUpgradeHistory('rg-test', 'gallery'));
    assert.deepEqual(defined(history[0].properties?.targetImageReference), { id: app, exactVersion: '2.0.0' });
  });
});

describe('A4: automatic OS image upgrades on a gallery definition', function () {
  this.timeout(20_000);

  it('a published gallery version starts the rollout after the delay; a version excluded from latest does not', async () => {
    const auto = { mode: 'Manual', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true } };
    const galleries = [{ ...world.galleries![0], images: [{ name: 'app', versions: ['1.0.0', { version: '1.1.0', publishedAtSeconds: 600, excludeFromLatest: true }, { version: '2.0.0', publishedAtSeconds: 3600 }] }] }];
    const sim = await Simulator.start({ scenario: scenario([scaleSet('auto', 2, { image: { id: app }, osVersion: undefined, upgradePolicy: auto })], { galleries }), listen: false, clock: new StepClock(1_000) });
    try {
      const set = sim.world.scaleSets[0];
      sim.world.scheduler.advanceTo(sim.world.now + 3_000_000);
      assert.deepEqual([set.upgradeRuns.length, set.instances.map((i) => i.osImage.version)], [0, ['1.0.0', '1.0.0']], '1.1.0 is excluded from latest: nothing starts');
      sim.world.scheduler.advanceTo(sim.world.now + 600_000 + 1_800_000 + 3_600_000);
      assert.equal(set.upgradeRuns[0]?.startedBy, 'Platform');
      assert.deepEqual(set.instances.map((i) => i.osImage.version), ['2.0.0', '2.0.0']);
    } finally {
      await sim.stop();
    }
  });
});

describe('the gallery scenario (src/simulator/scenarios/gallery.json)', () => {
  const file = path.join(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []), 'src', 'simulator', 'scenarios', 'gallery.json');

  it('loads against the schema and starts: sets on a definition, a pinned version and a platform image', async () => {
    const sim = await Simulator.start({ scenario: loadScenario(JSON.parse(readFileSync(file, 'utf8'))), listen: false, clock: new StepClock(1_000) });
    try {
      const [onDefinition, pinned, platform] = sim.world.scaleSets;
      assert.deepEqual(onDefinition.instances.map((i) => i.osImage.version), Array(8).fill('1.0.0'));
      assert.deepEqual(pinned.instances.map((i) => [i.osImage.id?.split('/').pop(), i.osImage.version]), Array(4).fill(['1.0.0', '1.0.0']));
      assert.equal(platform.instances[0].osImage.id, undefined);
      sim.world.scheduler.advanceTo(sim.world.now + 1_200_000);
      assert.equal(sim.world.customImages.newestFor(String(onDefinition.instances[0].osImage.id), 'westeurope', sim.world.now), '2.0.0');
    } finally {
      await sim.stop();
    }
  });

  it('refuses a start version the set’s gallery image cannot run', async () => {
    const bad = scenario([scaleSet('g', 2, { image: { id: app }, osVersion: '1.3.0' })], { galleries: world.galleries });
    await assert.rejects(Simulator.start({ scenario: bad, listen: false }), /OS version 1\.3\.0 is not a version the set's image .*\/images\/app can run in westeurope/);
  });
});
