// The clients trust exactly the simulator's certificate (clientFactory.ts shares one secure context
// across connections, issue 18): its own simulator answers, a server with another certificate is refused.
import * as assert from 'node:assert/strict';
import { createClientFactory } from '../../../src/azure/clientFactory';
import { simulatorCredential } from '../../../src/connection/simulatorCredential';
import { startSimulator } from '../../../src/simulator/simulator-entry';
import { generateCertificate } from '../../../src/simulator/transport/certificate';

describe('client trust in the simulator certificate (issue 18)', function () {
  this.timeout(30_000);

  it('lists through many connections with the simulator CA, and refuses a server whose certificate it did not issue', async () => {
    const simulator = await startSimulator({ scenario: 'default', timeScale: 1 });
    try {
      const trusting = createClientFactory({ endpoint: simulator.url, credential: simulatorCredential, ca: simulator.ca!, retry: { maxRetries: 0 } });
      const subscriptionId = (await collect(trusting.subscriptions().subscriptions.list()))[0].subscriptionId!;
      // Parallel requests open parallel connections, each verified against the one secure context.
      const lists = await Promise.all(Array.from({ length: 6 }, () => collect(trusting.compute(subscriptionId).virtualMachineScaleSets.listAll())));
      assert.ok(lists.every((list) => list.length > 0));

      const other = generateCertificate();
      const distrusting = createClientFactory({ endpoint: simulator.url, credential: simulatorCredential, ca: other.cert, retry: { maxRetries: 0 } });
      await assert.rejects(collect(distrusting.subscriptions().subscriptions.list()), (error: Error & { code?: string }) => /certificate|self.signed/i.test(`${error.code} ${error.message}`));
    } finally {
      await simulator.stop();
    }
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
