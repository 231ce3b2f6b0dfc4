// SARIF 2.1.0 log of lint findings (OASIS SARIF 2.1.0), with the rule catalog as driver rules so
// that code-scanning tools can show titles, default levels and documentation links.
import { allRules, type Severity } from '../../readiness/ruleCatalog';
import type { LintFinding } from '../lintTemplate';
import { blocksLint } from '../inputProblems';
import { inputCode, problemSeverity, type FileProblem } from './fileProblem';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note' };

export interface SarifInput {
  readonly file: string;
  /** The artifact URI as it should appear in the log (relative path or file URI). */
  readonly uri: string;
  readonly findings: readonly LintFinding[];
}

/** Where a file's URI is written in the log (relative path, or a file URI for an absolute path). */
export type UriOf = (file: string) => string;

/**
 * SARIF 2.1.0 §3.20 invocation: `executionSuccessful` (required) is false when a file could not be
 * checked; each such file is a `toolExecutionNotifications` entry (§3.58 notification: message,
 * level, locations, descriptor referring to `tool.driver.notifications`).
 */
function invocation(problems: readonly FileProblem[], uriOf: UriOf): object {
  return {
    executionSuccessful: !problems.some((p) => blocksLint(p.problem)),
    toolExecutionNotifications: problems.map(({ file, problem }) => ({
      descriptor: { id: inputCode, index: 0 },
      level: levels[problemSeverity(problem)],
      message: { text: `${file}: ${problem.message}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(file) },
            ...(problem.start && problem.end
              ? { region: { startLine: problem.start.line + 1, startColumn: problem.start.character + 1, endLine: problem.end.line + 1, endColumn: problem.end.character + 1 } }
              : {}),
          },
        },
      ],
      properties: { kind: problem.kind },
    })),
  };
}

const notificationDescriptors = [{ id: inputCode, shortDescription: { text: 'A file could not be checked: unreadable, a JSON syntax error, or not a deployment template' } }];

export function sarifLog(inputs: readonly SarifInput[], toolVersion?: string, problems: readonly FileProblem[] = [], uriOf: UriOf = (file) => file): object {
  const rules = allRules.map((rule) => ({
    id: rule.code,
    name: rule.id,
    shortDescription: { text: `${rule.id}: ${rule.title}` },
    helpUri: rule.docUrl,
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
    properties: { rule: rule.id },
  }));
  const ruleIndex = new Map(allRules.map((rule, i) => [rule.code, i]));
  const results = inputs.flatMap((input) =>
    input.findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: ruleIndex.get(finding.code),
      level: levels[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: input.uri },
            region: {
              startLine: finding.start.line + 1,
              startColumn: finding.start.character + 1,
              endLine: finding.end.line + 1,
              endColumn: finding.end.character + 1,
            },
          },
          logicalLocations: [{ name: finding.resource, kind: 'resource' }],
        },
      ],
      properties: { rule: finding.rule, resource: finding.resource },
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vmss-upgrades', informationUri: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-automatic-upgrade', ...(toolVersion ? { version: toolVersion } : {}), rules, notifications: notificationDescriptors } },
        invocations: [invocation(problems, uriOf)],
        artifacts: inputs.map((input) => ({ location: { uri: input.uri } })),
        results,
      },
    ],
  };
}
