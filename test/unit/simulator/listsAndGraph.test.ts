// Lists page with absolute nextLinks that keep the first request's query ($expand); Resource Graph
// answers the product's query family across subscriptions with $skipToken paging; LRO polls are
// always 200/202; the request log carries simulated and real time.
import { strict as assert } from 'node:assert';
import { Simulator } from '../../../src/simulator/simulator';
import { collect, poll, sdkClients } from './helpers/clients';
import { StepClock } from './helpers/clocks';
import { scaleSet, scenario, sub1, sub2 } from './helpers/scenarios';

const scaleSetsQuery = "Resources | where type =~ 'microsoft.compute/virtualmachinescalesets' | project id, subscriptionId";

describe('simulator lists, Resource Graph and the request log', function () {
  this.timeout(20_000);
  let sim: Simulator;

  before(async () => {
    sim = await Simulator.start({
      listen: false,
      clock: new StepClock(2_000),
      scenario: scenario([scaleSet('a', 5), scaleSet('b', 1), scaleSet('c', 1, { subscriptionId: sub2 }), scaleSet('d', 1, { subscriptionId: sub2, resourceGroup: 'rg-other' })], {
        timing: { pageSize: 2 },
        loadBalancers: [{ subscriptionId: sub2, resourceGroup: 'rg-other', name: 'lb-std', location: 'westeurope', sku: 'Standard', probes: ['http'] }],
      }),
    });
  });

  it('the SDK follows absolute nextLinks on our own origin; $expand=instanceView survives paging', async () => {
    const compute = sdkClients(sim, 'memory').compute(sub1);
    const vms = await collect(compute.virtualMachineScaleSetVMs.list('rg-test', 'a', { expand: 'instanceView' }));
    assert.equal(vms.length, 5);
    assert.ok(vms.every((vm) => vm.instanceView?.vmHealth?.status?.code));
    const pages = sim.requests().filter((r) => r.path.endsWith('/a/virtualMachines'));
    assert.equal(pages.length, 3);
    assert.ok(pages.slice(1).every((p) => /%24expand=instanceView/.test(p.query) && /skiptoken/i.test(p.query)));
    assert.equal((await collect(compute.virtualMachineScaleSets.listAll())).length, 2);
    assert.equal((await collect(sdkClients(sim, 'memory').subscriptions().subscriptions.list())).length, 2);
  });

  it('Resource Graph lists scale sets across subscriptions, paged by $skipToken', async () => {
    const graph = sdkClients(sim, 'memory').graph();
    const ids: string[] = [];
    let skipToken: string | undefined;
    let pages = 0;
    do {
      const page = await graph.resources({ subscriptions: [sub1, sub2], query: scaleSetsQuery, options: { resultFormat: 'objectArray', top: 3, ...(skipToken ? { skipToken } : {}) } });
      ids.push(...Object.values(page.data as Record<string, { id: string }>).map((r) => r.id));
      assert.equal(page.totalRecords, 4);
      skipToken = page.skipToken;
      pages++;
    } while (skipToken);
    assert.equal(pages, 2);
    assert.deepEqual(ids.map((id) => id.split('/').pop()).sort(), ['a', 'b', 'c', 'd']);
    const one = await graph.resources({ subscriptions: [sub2], query: scaleSetsQuery });
    assert.equal(one.totalRecords, 2);
  });

  it('Resource Graph: where/and/in~, order by, limit, load balancer SKU, truncation without id', async () => {
    const graph = sdkClients(sim, 'memory').graph();
    const rows = async (query: string, top?: number) => {
      const r = await graph.resources({ subscriptions: [sub1, sub2], query, ...(top ? { options: { top } } : {}) });
      return { rows: Object.values(r.data as Record<string, Record<string, unknown>>), truncated: r.resultTruncated, skipToken: r.skipToken };
    };
    assert.deepEqual((await rows("Resources | where type =~ 'Microsoft.Compute/virtualMachineScaleSets' and resourceGroup == 'rg-other' | project name")).rows, [{ name: 'd' }]);
    assert.deepEqual((await rows("Resources | where name in~ ('A', 'C') | order by name desc | project name")).rows, [{ name: 'c' }, { name: 'a' }]);
    assert.deepEqual((await rows("Resources | where type =~ 'microsoft.network/loadbalancers' | project name, sku")).rows, [{ name: 'lb-std', sku: { name: 'Standard', tier: 'Regional' } }]);
    assert.equal((await rows('Resources | take 1')).rows.length, 1);
    const noId = await rows('Resources | project name', 2);
    assert.equal(noId.truncated, 'true');
    assert.equal(noId.skipToken, undefined);
  });

  it('LRO polls answer 200 or 202, never 204; the log shows simulated and real time', async () => {
    await sdkClients(sim, 'memory').compute(sub1).virtualMachineScaleSetRollingUpgrades.startOSUpgrade('rg-test', 'a', poll).pollUntilDone();
    const polls = sim.requests().filter((r) => /\/operations\//.test(r.path));
    assert.ok(polls.length > 3);
    assert.ok(polls.every((r) => r.status === 200 || r.status === 202));
    const last = sim.requests().at(-1)!;
    assert.ok(Date.parse(last.simTime) > Date.parse(sim.requests()[0].simTime));
    assert.ok(!Number.isNaN(Date.parse(last.realTime)));
  });
});
