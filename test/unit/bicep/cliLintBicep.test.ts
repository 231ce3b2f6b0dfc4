// `vmss-upgrades lint x.bicep` (issue 14): text / json / sarif with positions in the Bicep source;
// exit 0 clean, 1 error findings, 2 unreadable (a Bicep syntax error, reported with its position).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/runCli';

const scaleSet = (version: string) => `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  properties: {
    upgradePolicy: {
      mode: 'Automatic'
      automaticOSUpgradePolicy: {
        enableAutomaticOSUpgrade: true
      }
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: {
          publisher: 'Canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts-gen2'
          version: '${version}'
        }
      }
      osProfile: {
        linuxConfiguration: {}
      }
      extensionProfile: {
        extensions: [
          {
            name: 'health'
            properties: {
              publisher: 'Microsoft.ManagedServices'
              type: 'ApplicationHealthLinux'
              typeHandlerVersion: '2.0'
            }
          }
        ]
      }
    }
  }
}
`;

describe('CLI lint on Bicep files (issue 14)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmss-bicep-cli-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a clean Bicep file exits 0', async () => {
    const result = await runCli(['lint', write('clean.bicep', scaleSet('latest'))]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
  });

  it('an error finding exits 1, with the line and column of the Bicep source (text and json)', async () => {
    const file = write('pinned.bicep', scaleSet('1.0.0'));
    const text = await runCli(['lint', file]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, new RegExp(`${path.basename(file)}:16:20 +error +R1 vmss-image-version-latest`));
    const json = await runCli(['lint', '--format', 'json', file]);
    const r1 = (JSON.parse(json.stdout) as { rule: string; line: number; column: number }[]).find((f) => f.rule === 'R1')!;
    assert.deepEqual([r1.line, r1.column], [16, 20]);
  });

  it('sarif names the Bicep file and the region of the finding', async () => {
    const file = write('sarif.bicep', scaleSet('1.0.0'));
    const result = await runCli(['lint', '--format', 'sarif', file]);
    const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const r1 = log.runs[0].results.find((r) => r.ruleId === 'vmss-image-version-latest' || r.ruleId === 'R1')!;
    assert.ok(r1, result.stdout.slice(0, 400));
    assert.match(r1.locations[0].physicalLocation.artifactLocation.uri, /sarif\.bicep$/);
    assert.equal(r1.locations[0].physicalLocation.region.startLine, 16);
  });

  it('a Bicep syntax error exits 2 and is reported with its position', async () => {
    const file = write('broken.bicep', "param a string = 'x'\nvar b = [1, 2\n");
    const result = await runCli(['lint', file]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /broken\.bicep: Bicep syntax error at line 2, column \d+: /);
    // The text report puts it at its place, as for a JSON syntax error (cliInputProblems.test.ts).
    assert.match(result.stdout, /broken\.bicep:2:\d+ +error +input /);
  });
});
