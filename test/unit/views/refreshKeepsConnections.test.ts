// Issue 18: a refresh does not abort the background look-ups already sent. Aborting a request mid-flight
// destroys its connection, and the refresh then opened that many again (TLS handshakes on its path, 8 per
// refresh in the tree benchmark); their answers are still dropped, and disposing of the model or loading
// on another connection aborts them.
import * as assert from 'node:assert/strict';
import type { AzureGateway } from '../../../src/azure/gateway';
import type { AzureAccess } from '../../../src/connection/azureAccess';
import { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { ScaleSetNode, TreeNode } from '../../../src/views/treeNodes';
import { withAzure } from './simulatedAzure';

/** The real access, with the rolling-upgrade look-ups held until released and their signals recorded. */
function holdingLookUps(access: AzureAccess) {
  const signals: AbortSignal[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: AzureAccess = {
    ...access,
    gateway(tenantId?: string): AzureGateway {
      const real = access.gateway(tenantId);
      return new Proxy(real, {
        get(target, property, receiver) {
          if (property !== 'getLatestRollingUpgrade') return Reflect.get(target, property, receiver) as unknown;
          return async (...args: Parameters<AzureGateway['getLatestRollingUpgrade']>) => {
            const [, signal] = args;
            if (signal) signals.push(signal);
            await released;
            return real.getLatestRollingUpgrade(...args);
          };
        },
      });
    },
  };
  return { held, signals, release };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(condition(), 'timed out');
}

describe('tree model: a refresh and the background look-ups already sent (issue 18)', function () {
  this.timeout(30_000);

  it('lets them finish and drops their answers; dispose aborts them', () =>
    withAzure({}, async (azure) => {
      const { held, signals, release } = holdingLookUps(azure.access);
      const changed: TreeNode[] = [];
      const model = new ScaleSetTreeModel({ access: async () => held, selectedSubscriptions: () => [], onNodesChanged: (nodes) => changed.push(...nodes) });
      const root = await model.getChildren(undefined);
      const sets = (await Promise.all(root.map((n) => model.getChildren(n)))).flat().filter((n): n is ScaleSetNode => n.kind === 'scaleSet');
      assert.ok(sets.some((s) => s.scaleSet.upgradePolicy?.mode === 'Rolling'), 'the default scenario has sets whose rolling upgrades are looked up');
      await waitFor(() => signals.length > 0);
      const inFlight = [...signals];

      model.invalidate();
      assert.ok(
        inFlight.every((s) => !s.aborted),
        'a refresh leaves the requests already sent running',
      );
      changed.length = 0;
      release();
      await waitFor(() => inFlight.length > 0 && signals.length >= inFlight.length);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(
        changed.filter((n) => sets.includes(n as ScaleSetNode)),
        [],
        'the answers for rows of before the refresh are not applied',
      );

      model.dispose();
      assert.ok(
        signals.every((s) => s.aborted),
        'disposing of the model aborts every background request',
      );
    }));

  it('the next load on another connection aborts those the old one still runs', () =>
    withAzure({}, async (azure) => {
      const { held, signals } = holdingLookUps(azure.access);
      let current: AzureAccess = held;
      const model = new ScaleSetTreeModel({ access: async () => current, selectedSubscriptions: () => [], onNodesChanged: () => undefined });
      const root = await model.getChildren(undefined);
      await Promise.all(root.map((n) => model.getChildren(n)));
      await waitFor(() => signals.length > 0);
      const inFlight = [...signals];
      model.invalidate();
      current = { ...azure.access }; // another account, say
      await model.getChildren(undefined);
      assert.ok(
        inFlight.every((s) => s.aborted),
        'requests sent on the old connection stop',
      );
      model.dispose();
    }));
});
