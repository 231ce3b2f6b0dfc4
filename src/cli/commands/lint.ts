// `vmss-upgrades lint <files…> [--format text|json|sarif]`: readiness of the scale sets in ARM
// templates for automatic OS image upgrades (spec R1–R16). Exit code 1 when an error is found.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBicepPath } from '../../bicep/loadBicepLinting';
import { lintTemplateDocument } from '../../lint/lintDocument';
import type { LintFinding } from '../../lint/lintTemplate';
import { toFileFinding, type FileFinding } from '../../lint/output/fileFinding';
import { sarifLog, type SarifInput } from '../../lint/output/sarif';
import { formatText } from '../../lint/output/text';
import type { SeveritySetting } from '../../readiness/ruleCatalog';
import type { CliCommand } from '../main';
import { lintBicepFile } from './lintBicepFile';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** `--severity vmss-patch-mode=warning,R11=off` → per-rule settings. */
function parseSeverities(text: string | undefined): Record<string, SeveritySetting> | undefined {
  if (!text) return undefined;
  const out: Record<string, SeveritySetting> = {};
  for (const pair of text.split(',')) {
    const [rule, level] = pair.split('=').map((s) => s.trim());
    if (!rule || !['error', 'warning', 'information', 'off'].includes(level)) throw new Error(`bad --severity entry '${pair}'`);
    out[rule] = level as SeveritySetting;
  }
  return out;
}

export const lintCommand: CliCommand = {
  summary: 'Check ARM templates: are their scale sets ready for automatic OS image upgrades?',
  usage: [
    'Usage: vmss-upgrades lint <template.json|main.bicep…> [--format text|json|sarif] [--image-table current|seed-2020] [--severity <rule>=<level>,…]',
    '',
    'Reports readiness rules R1–R16 (and the rolling-policy checks) for every scale set in the templates.',
    'A sibling <name>.parameters.json, when present, supplies parameter values.',
    'Bicep files (.bicep) are linted too; a sibling <name>.bicepparam that says `using` the file supplies values.',
    'Exit code: 0 no errors, 1 at least one error finding, 2 usage or file errors.',
  ].join('\n'),
  options: {
    format: { type: 'string', default: 'text' },
    'image-table': { type: 'string', default: 'current' },
    severity: { type: 'string' },
  },
  async run(values, positionals, io) {
    const format = String(values.format) as Format;
    if (!formats.includes(format)) {
      io.stderr.write(`vmss-upgrades lint: --format must be one of ${formats.join(', ')}\n`);
      return 2;
    }
    const imageTable = String(values['image-table']);
    if (imageTable !== 'current' && imageTable !== 'seed-2020') {
      io.stderr.write('vmss-upgrades lint: --image-table must be current or seed-2020\n');
      return 2;
    }
    let severity: Record<string, SeveritySetting> | undefined;
    try {
      severity = parseSeverities(values.severity as string | undefined);
    } catch (err) {
      io.stderr.write(`vmss-upgrades lint: ${(err as Error).message}\n`);
      return 2;
    }
    if (positionals.length === 0) {
      io.stderr.write(`vmss-upgrades lint: no files given\n${lintCommand.usage}\n`);
      return 2;
    }
    let failedToRead = false;
    const all: FileFinding[] = [];
    const sarifInputs: SarifInput[] = [];
    for (const file of positionals) {
      const text = readIfExists(file);
      if (text === undefined) {
        io.stderr.write(`vmss-upgrades lint: cannot read ${file}\n`);
        failedToRead = true;
        continue;
      }
      if (isBicepPath(file)) {
        const bicep = await lintBicepFile(file, text, { severity, imageTable });
        if ('error' in bicep) {
          io.stderr.write(`vmss-upgrades lint: ${bicep.error}\n`);
          failedToRead = true;
          continue;
        }
        all.push(...bicep.findings.map((f) => toFileFinding(file, f)));
        sarifInputs.push({ file, uri: path.isAbsolute(file) ? `file://${file}` : file.split(path.sep).join('/'), findings: bicep.findings });
        continue;
      }
      const result = lintTemplateDocument(text, file, readIfExists, { severity, imageTable });
      if (!result.isTemplate) {
        const why = result.skippedReason ?? 'it is not an ARM deployment template (no deploymentTemplate $schema)';
        io.stderr.write(`vmss-upgrades lint: ${file} skipped: ${why}\n`);
        continue;
      }
      const findings: readonly LintFinding[] = result.findings;
      all.push(...findings.map((f) => toFileFinding(file, f)));
      sarifInputs.push({ file, uri: path.isAbsolute(file) ? `file://${file}` : file.split(path.sep).join('/'), findings });
    }
    if (format === 'json') io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    else if (format === 'sarif') io.stdout.write(`${JSON.stringify(sarifLog(sarifInputs), null, 2)}\n`);
    else io.stdout.write(formatText(all));
    if (failedToRead) return 2;
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
