// `snapshot --redact`: the same world with every private name replaced, so a snapshot can be attached
// to an issue or shared with a colleague. Subscription ids, resource groups, the set's name (and the
// Flexible VM names built from it), galleries, image definitions, managed images, load balancers and
// probes become placeholders; tags and extension settings (which hold URLs, storage accounts, scripts)
// are dropped. Marketplace image identities (publisher/offer/sku) are public and kept: they decide R2.
import type { Scenario } from '../simulator/scenario/scenarioTypes';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Private names of the scenario, longest first (so `web-frontend` is replaced before `web`). */
function privateNames(s: Scenario): Map<string, string> {
  const names = new Map<string, string>();
  const add = (value: string | undefined, placeholder: string) => {
    if (value && !names.has(value.toLowerCase())) names.set(value.toLowerCase(), placeholder);
  };
  s.subscriptions.forEach((sub, i) => add(sub.subscriptionId, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`));
  s.scaleSets.forEach((set, i) => {
    add(set.resourceGroup, `rg-${i + 1}`);
    add(set.name, `scale-set-${i + 1}`);
  });
  (s.resourceGroups ?? []).forEach((rg, i) => add(rg.name, `rg-extra-${i + 1}`));
  (s.galleries ?? []).forEach((g, i) => {
    add(g.resourceGroup, `rg-gallery-${i + 1}`);
    add(g.name, `gallery${i + 1}`);
    g.images.forEach((image, j) => add(image.name, `image-${i + 1}-${j + 1}`));
  });
  (s.managedImages ?? []).forEach((m, i) => {
    add(m.resourceGroup, `rg-images-${i + 1}`);
    add(m.name, `managed-image-${i + 1}`);
  });
  (s.loadBalancers ?? []).forEach((lb, i) => {
    add(lb.resourceGroup, `rg-network-${i + 1}`);
    add(lb.name, `lb-${i + 1}`);
    lb.probes.forEach((p, j) => add(p, `probe-${i + 1}-${j + 1}`));
  });
  return new Map([...names].sort(([a], [b]) => b.length - a.length));
}

export function redactScenario(scenario: Scenario): Scenario {
  const stripped: Scenario = {
    ...scenario,
    name: 'snapshot (redacted)',
    description: 'A redacted snapshot of a live scale set: names and ids replaced, tags and extension settings dropped.',
    scaleSets: scenario.scaleSets.map(({ tags: _tags, ...set }) => ({ ...set, ...(set.extensions ? { extensions: set.extensions.map(({ settings: _settings, ...e }) => e) } : {}) })),
  };
  let json = JSON.stringify(stripped);
  for (const [name, placeholder] of privateNames(stripped)) {
    // A name is replaced where it stands alone or as the head of a Flexible VM name (`{set}_{hex}`).
    json = json.replace(new RegExp(`(?<![A-Za-z0-9-])${escape(name)}(?![A-Za-z0-9-])`, 'gi'), placeholder);
  }
  return JSON.parse(json) as Scenario;
}
