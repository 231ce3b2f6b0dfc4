// `vmss-upgrades lint <files…> [--format text|json|sarif]`: readiness of the scale sets in ARM
// templates and Bicep files for automatic OS image upgrades (spec R1–R16). Exit code 1 when an error is found, 2
// when a file could not be checked (unreadable, JSON syntax error, not a template): such a file
// is reported in every format (text line, JSON `input` entry, SARIF notification), never skipped.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBicepPath } from '../../bicep/loadBicepLinting';
import { lintTemplateDocument } from '../../lint/lintDocument';
import type { LintFinding } from '../../lint/lintTemplate';
import { blocksLint, type InputProblem } from '../../lint/inputProblems';
import { toFileFinding, type FileFinding } from '../../lint/output/fileFinding';
import { toProblemFinding, type FileProblem } from '../../lint/output/fileProblem';
import { sarifLog, type SarifInput } from '../../lint/output/sarif';
import { formatText } from '../../lint/output/text';
import type { SeveritySetting } from '../../readiness/ruleCatalog';
import { realClock } from '../../shared/clock';
import type { CliCommand } from '../main';
import { lintBicepFile } from './lintBicepFile';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The file's text, or the problem that kept it from being read. */
function readInput(file: string): string | InputProblem {
  try {
    if (!existsSync(file)) return { kind: 'unreadable', message: 'cannot read the file: it does not exist' };
    return readFileSync(file, 'utf8');
  } catch (err) {
    return { kind: 'unreadable', message: `cannot read the file: ${(err as Error).message}` };
  }
}

/** Files the linter cannot read on their own (they are reported, not skipped). */
function unsupportedLanguage(file: string): InputProblem | undefined {
  if (/\.bicepparam$/i.test(file)) return { kind: 'unreadable', message: 'a .bicepparam file is read with the .bicep file it names in `using`: lint that file instead' };
  return undefined;
}

const uriOf = (file: string): string => (path.isAbsolute(file) ? `file://${file}` : file.split(path.sep).join('/'));

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
    const all: FileFinding[] = [];
    const problems: FileProblem[] = [];
    const sarifInputs: SarifInput[] = [];
    for (const file of positionals) {
      const text = unsupportedLanguage(file) ?? readInput(file);
      if (typeof text !== 'string') {
        problems.push({ file, problem: text });
        continue;
      }
      if (isBicepPath(file)) {
        // Issue 14: the same rules over the Bicep source; a syntax error is a problem with its position (exit 2).
        const bicep = await lintBicepFile(file, text, { severity, imageTable, clock: io.clock ?? realClock });
        if ('problem' in bicep) {
          problems.push({ file, problem: bicep.problem });
          continue;
        }
        all.push(...bicep.findings.map((f) => toFileFinding(file, f)));
        sarifInputs.push({ file, uri: uriOf(file), findings: bicep.findings });
        continue;
      }
      const result = lintTemplateDocument(text, file, readIfExists, { severity, imageTable, clock: io.clock ?? realClock });
      problems.push(...result.problems.map((problem) => ({ file, problem })));
      if (!result.isTemplate) continue;
      const findings: readonly LintFinding[] = result.findings;
      all.push(...findings.map((f) => toFileFinding(file, f)));
      sarifInputs.push({ file, uri: uriOf(file), findings });
    }
    for (const { file, problem } of problems) if (blocksLint(problem)) io.stderr.write(`vmss-upgrades lint: ${file}: ${problem.message}\n`);
    const reported = [...problems.map(toProblemFinding), ...all];
    if (format === 'json') io.stdout.write(`${JSON.stringify(reported, null, 2)}\n`);
    else if (format === 'sarif') io.stdout.write(`${JSON.stringify(sarifLog(sarifInputs, undefined, problems, uriOf), null, 2)}\n`);
    else io.stdout.write(formatText(reported));
    if (problems.some((p) => blocksLint(p.problem))) return 2;
    return all.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
