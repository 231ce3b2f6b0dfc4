// The privacy section of the README lists every telemetry event and every property and
// measurement it can hold — the catalogue (src/telemetry/events.ts) and the documentation agree.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readinessRules, telemetryEvents } from '../../../src/telemetry/events';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

function privacyTable(): Map<string, string> {
  const text = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = text.slice(text.indexOf('## Privacy'));
  const rows = section.split('\n').filter((line) => /^\| `\w+` \|/.test(line));
  return new Map(rows.map((row) => [/^\| `(\w+)`/.exec(row)![1], row]));
}

describe('privacy documentation', () => {
  it('has one row per telemetry event, and no row for an event that does not exist', () => {
    assert.deepEqual([...privacyTable().keys()].sort(), Object.keys(telemetryEvents).sort());
  });

  it('names every property and measurement of each event in its row', () => {
    const table = privacyTable();
    for (const [name, spec] of Object.entries(telemetryEvents)) {
      const row = table.get(name) ?? '';
      const keys = [...Object.keys(spec.properties), ...Object.keys(spec.measurements)].filter((k) => !(readinessRules as readonly string[]).includes(k));
      for (const key of keys) assert.ok(row.includes(`\`${key}\``), `${name}.${key} is documented`);
    }
  });
});
