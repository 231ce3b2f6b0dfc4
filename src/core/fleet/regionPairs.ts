// Azure region pairs: Azure staggers its own planned updates across the two regions of a pair so one of
// them stays untouched (Learn, "Azure region pairs and nonpaired regions" / "Cross-region replication in
// Azure", table "Azure regional pairs"; read from MicrosoftDocs/azure-docs
// articles/reliability/cross-region-replication-azure.md). A fleet rollout keeps the same promise: the two
// regions of a pair are never in the same stage. Names are ARM location names (lower case, no spaces).
// One-way pairs (West India → South India, Brazil South → South Central US) are kept as pairs: either way
// the two regions back each other up.
const pairs: readonly (readonly [string, string])[] = [
  ['eastasia', 'southeastasia'],
  ['australiaeast', 'australiasoutheast'],
  ['australiacentral', 'australiacentral2'],
  ['brazilsouth', 'southcentralus'],
  ['brazilsoutheast', 'brazilsouth'],
  ['canadacentral', 'canadaeast'],
  ['chinanorth', 'chinaeast'],
  ['chinanorth2', 'chinaeast2'],
  ['chinanorth3', 'chinaeast3'],
  ['northeurope', 'westeurope'],
  ['francecentral', 'francesouth'],
  ['germanywestcentral', 'germanynorth'],
  ['centralindia', 'southindia'],
  ['westindia', 'southindia'],
  ['japaneast', 'japanwest'],
  ['koreacentral', 'koreasouth'],
  ['eastus', 'westus'],
  ['eastus2', 'centralus'],
  ['northcentralus', 'southcentralus'],
  ['westus2', 'westcentralus'],
  ['westus3', 'eastus'],
  ['norwayeast', 'norwaywest'],
  ['southafricanorth', 'southafricawest'],
  ['swedencentral', 'swedensouth'],
  ['switzerlandnorth', 'switzerlandwest'],
  ['ukwest', 'uksouth'],
  ['uaenorth', 'uaecentral'],
  ['usdodeast', 'usdodcentral'],
  ['usgovarizona', 'usgovtexas'],
  ['usgovvirginia', 'usgovtexas'],
];

/** ARM location name: `West Europe` and `westeurope` are the same region. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** The regions paired with `location` (empty for a nonpaired region such as Poland Central). */
export function pairedRegions(location: string): string[] {
  const region = normalizeRegion(location);
  return pairs.flatMap(([a, b]) => (a === region ? [b] : b === region ? [a] : []));
}

export function arePaired(a: string, b: string): boolean {
  return pairedRegions(a).includes(normalizeRegion(b));
}
