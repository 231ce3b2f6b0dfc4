// Benchmark of the Bicep linter (issue 14; run: npx tsx bench/lintBicep.bench.ts, or as the Bicep
// section of bench/lint.bench.ts): a ~1 MB Bicep file — scale sets written the ways real files
// write them (parameters, variable maps, ternaries, interpolation, loops, child extensions) —
// linted, as a ratio to tree-sitter-bicep parsing the same text alone. Goal: ≤ 2×.
import { bicepParser } from '../src/bicep/bicepParser';
import { lintBicepWith } from '../src/bicep/lintBicep';

// VMSS_BENCH_BICEP_BYTES makes it smaller for a quick run on a loaded machine.
const targetBytes = Number(process.env.VMSS_BENCH_BICEP_BYTES ?? 1_000_000);

export function block(i: number): string {
  return `@allowed([
  'Windows'
  'Linux'
])
param os${i} string = '${i % 2 === 0 ? 'Linux' : 'Windows'}'
param pin${i} bool = ${i % 3 === 0}
var images${i} = {
  Windows: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: pin${i} ? '20348.1.1' : 'latest' }
  Linux: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' }
}
var subnets${i} = [for n in range(0, 3): { name: 'subnet-${i}-\${n}', prefix: '10.${i % 250}.\${n}.0/24' }]

resource lb${i} 'Microsoft.Network/loadBalancers@2023-04-01' = {
  name: 'lb-${i}'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: {
    probes: [ { name: 'health', properties: { protocol: 'Tcp', port: 80 } } ]
  }
}

resource vmss${i} 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss-${i}-\${os${i}}'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 3 }
  properties: {
    orchestrationMode: 'Uniform'
    singlePlacementGroup: false
    upgradePolicy: {
      mode: '${i % 4 === 0 ? 'Manual' : 'Rolling'}'
      automaticOSUpgradePolicy: {
        enableAutomaticOSUpgrade: ${i % 5 !== 0}
        useRollingUpgradePolicy: true
      }
      rollingUpgradePolicy: {
        maxBatchInstancePercent: 20
        maxUnhealthyInstancePercent: 20
        pauseTimeBetweenBatches: 'PT0S'
      }
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: images${i}[os${i}]
        osDisk: { createOption: 'FromImage', caching: 'ReadWrite' }
      }
      osProfile: {
        computerNamePrefix: 'vm${i}'
        adminUsername: 'azureuser'
        windowsConfiguration: os${i} == 'Windows' ? { enableAutomaticUpdates: false } : null
        linuxConfiguration: os${i} == 'Linux' ? { disablePasswordAuthentication: true } : null
      }
      networkProfile: {
        healthProbe: { id: '\${lb${i}.id}/probes/health' }
        networkInterfaceConfigurations: [ { name: 'nic', properties: { primary: true, ipConfigurations: [ { name: 'ip', properties: { subnet: { id: subnets${i}[0].name } } } ] } } ]
      }
    }
  }
}

`;
}

function megabyteBicep(): string {
  let text = '';
  for (let i = 0; text.length < targetBytes; i++) text += block(i);
  return text;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export async function benchBicep(): Promise<void> {
  const parser = await bicepParser();
  const text = megabyteBicep();
  const rounds = 9;
  for (let i = 0; i < 2; i++) {
    parser.parse(text)!.delete();
    lintBicepWith(parser, text);
  }
  const parseTimes: number[] = [];
  const lintTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    parseTimes.push(time(() => parser.parse(text)!.delete()));
    lintTimes.push(time(() => lintBicepWith(parser, text)));
  }
  const result = lintBicepWith(parser, text);
  const parseMs = median(parseTimes);
  const lintMs = median(lintTimes);
  console.log(`bicep: ${(text.length / 1e6).toFixed(2)} MB, ${result.scaleSets.length} scale sets, ${result.findings.length} findings, ${result.syntaxErrors.length} syntax errors`);
  console.log(`bicep: tree-sitter-bicep parse alone: median ${parseMs.toFixed(1)} ms over ${rounds} runs`);
  console.log(`bicep: lint (parse + evaluation + rules): median ${lintMs.toFixed(1)} ms over ${rounds} runs`);
  console.log(`bicep: ratio lint / parse: ${(lintMs / parseMs).toFixed(2)}×`);
}

if (require.main === module) void benchBicep();
