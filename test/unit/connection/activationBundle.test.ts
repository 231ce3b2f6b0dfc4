// The Azure SDK and the simulator load on first use, never at activation (issue 4, item 4): the
// activation bundle only holds runtime requires of their own bundles. Reads dist/ as `npm test` builds it.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));
const dist = (file: string) => path.join(root, 'dist', file);

function read(file: string): string {
  assert.ok(existsSync(dist(file)), `dist/${file} is missing: run \`node scripts/build.mjs\` first`);
  return readFileSync(dist(file), 'utf8');
}

describe('activation bundle (dist/extension.js)', () => {
  // core-rest-pipeline's user-agent prefix: present wherever the SDK's pipeline is bundled.
  const sdkMarker = 'azsdk-js';

  it('does not contain the Azure SDK, which its own bundle does', () => {
    assert.ok(read('azure-sdk.js').includes(sdkMarker), 'control: the marker identifies the SDK');
    const extension = read('extension.js');
    assert.equal(extension.includes(sdkMarker), false);
    assert.equal(/node_modules[\\/]@azure[\\/]/.test(extension), false, 'no @azure package module in the bundle');
  });

  it('loads the SDK with a runtime require of its bundle, from the features bundle (issue 18)', () => {
    assert.doesNotMatch(read('extension.js'), /azure-sdk/);
    const features = read('extension-features.js');
    assert.match(features, /require\("\.\/azure-sdk\.js"\)/);
    assert.equal(features.includes(sdkMarker), false);
  });

  it('runs the simulator in its own process (issue 6): the server bundle, not the activation bundle, requires the simulator', () => {
    const extension = read('extension.js');
    assert.doesNotMatch(extension, /simulator-entry/);
    const features = read('extension-features.js');
    assert.match(features, /simulator-server\.js/);
    assert.doesNotMatch(features, /simulator-entry/);
    assert.match(read('simulator-server.js'), /require\("\.\/simulator-entry\.js"\)/);
  });

  it('is a fraction of the SDK bundle’s size (dist/sizes.json)', () => {
    const sizes = JSON.parse(read('sizes.json')) as Record<string, number>;
    assert.ok(sizes['dist/extension.js'] > 0 && sizes['dist/azure-sdk.js'] > 0);
    assert.ok(sizes['dist/extension.js'] * 2 < sizes['dist/azure-sdk.js'], JSON.stringify(sizes));
  });

  it('is a registration layer of at most 60 KB (issue 18): the features and the linter are their own bundles, required on first use', () => {
    const sizes = JSON.parse(read('sizes.json')) as Record<string, number>;
    assert.ok(sizes['dist/extension.js'] <= 60 * 1024, JSON.stringify(sizes));
    const extension = read('extension.js');
    assert.match(extension, /require\("\.\/extension-features\.js"\)/);
    assert.match(extension, /require\("\.\/template-linting\.js"\)/);
    // Strings (they survive minification) of what must not load at activation: the readiness rules and
    // the linter (a resource type they look for), the journal (core) and the webview host.
    const markers = { linter: /Microsoft\.Compute\/virtualMachineScaleSets/i, journal: /Not a run id/, webviewHost: /a restored panel had no scale set id/ };
    for (const [what, marker] of Object.entries(markers)) assert.doesNotMatch(extension, marker, what);
    assert.match(read('template-linting.js'), markers.linter, 'control: the marker identifies the linter');
    assert.match(read('extension-features.js'), markers.journal, 'control: the marker identifies the journal');
    assert.match(read('webview-host.js'), markers.webviewHost, 'control: the marker identifies the webview host');
  });

  it('leaves the webview host (dashboards, run registry, fleet view) to its own bundle, required by the features on the first dashboard (issue 18)', () => {
    // Strings that survive minification: the panel host's restore warning, a run's canary gate, the fleet view's title.
    const markers = { dashboards: /a restored panel had no scale set id/, runProjection: /The canary batch is done/, fleetView: /Fleet: \{0\}/ };
    for (const [what, marker] of Object.entries(markers)) {
      assert.match(read('webview-host.js'), marker, `control: the marker identifies ${what}`);
      for (const bundle of ['extension.js', 'extension-features.js']) assert.doesNotMatch(read(bundle), marker, `${what} in ${bundle}`);
    }
    assert.match(read('extension-features.js'), /require\("\.\/webview-host\.js"\)/);
    assert.doesNotMatch(read('extension.js'), /require\("\.\/webview-host\.js"\)/, 'the activation bundle never requires the host itself (comments may name it)');
  });

  it('leaves the core (planner, executor) to its own bundle, required on the first plan or run (issue 18)', () => {
    assert.match(read('extension-features.js'), /require\("\.\/run-core\.js"\)/);
    assert.doesNotMatch(read('extension.js'), /run-core/);
    assert.ok(existsSync(dist('run-core.js')), 'dist/run-core.js');
  });

  it('leaves the time-zone libraries (windows-iana, luxon) to their own bundle, required on the first maintenance window (issue 18)', () => {
    // Strings of the libraries that survive minification: the CLDR table's first Windows zone, luxon's invalid-date text.
    const markers = { windowsIana: /Dateline Standard Time/, luxon: /Invalid DateTime/ };
    for (const bundle of ['extension.js', 'extension-features.js', 'run-core.js']) {
      for (const [what, marker] of Object.entries(markers)) assert.doesNotMatch(read(bundle), marker, `${what} in ${bundle}`);
    }
    for (const [what, marker] of Object.entries(markers)) assert.match(read('time-zones.js'), marker, `control: the marker identifies ${what}`);
    assert.match(read('extension-features.js'), /require\("\.\/time-zones\.js"\)/);
    assert.match(read('run-core.js'), /require\("\.\/time-zones\.js"\)/);
  });
});
