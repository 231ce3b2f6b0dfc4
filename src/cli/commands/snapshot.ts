// `vmss-upgrades snapshot`: writes a simulator scenario that reproduces a live scale set as Azure reports
// it now (issue 15), for `rehearse --snapshot` or `simulator --scenario`. Reads only.
import * as fs from 'node:fs';
import type { CliCommand } from '../main';
import { readLiveSet } from '../../rehearsal/readLiveSet';
import { redactScenario } from '../../rehearsal/redactScenario';
import { scenarioFromLive } from '../../rehearsal/scenarioFromLive';
import { clockFrom, connectionOptions, connectionUsage, gatewayFrom, scaleSetRefFrom } from '../connect';
import { runWithUsage } from './plan';

const usage = `vmss-upgrades snapshot — write a simulator scenario of a live scale set (reads only)

${connectionUsage}
Snapshot:    --out FILE   where to write the scenario JSON (default: stdout)
             --redact     replace subscription, group, set, gallery and network names; drop tags and extension settings`;

export const snapshotCommand: CliCommand = {
  summary: 'Write a simulator scenario of a live scale set, to rehearse an upgrade on it',
  usage,
  options: { ...connectionOptions, out: { type: 'string' }, redact: { type: 'boolean' } },
  run: (values, _positionals, io) =>
    runWithUsage(io, usage, async () => {
      const ref = scaleSetRefFrom(values);
      const gateway = await gatewayFrom(values);
      const live = await readLiveSet(gateway, ref);
      const { scenario, notes } = scenarioFromLive(live, clockFrom(values).now());
      const text = `${JSON.stringify(values.redact === true ? redactScenario(scenario) : scenario, null, 2)}\n`;
      if (typeof values.out === 'string') {
        fs.writeFileSync(values.out, text);
        io.stderr.write(`Wrote ${values.out}: ${live.instances.length} instance(s) of ${values.redact === true ? 'a redacted scale set' : ref.name}.\n`);
      } else io.stdout.write(text);
      for (const note of notes) io.stderr.write(`Note: ${note}\n`);
      return 0;
    }),
};
