// Hover text (Markdown) for a template position: on a scale set, its readiness summary — each
// rule's verdict with the resolved values and where they came from; on an upgrade-policy
// property, what it means, its range and its default. Pure, so the VS Code hover and the
// benchmark use the same code.
import { findNodeAtOffset } from 'jsonc-parser';
import { describeFact } from '../readiness/facts';
import type { RuleEvaluation, RuleStatus } from '../readiness/findings';
import { ruleInfo } from '../readiness/ruleCatalog';
import { closestRollingPolicyProperty, rollingPolicyProperty } from '../readiness/rules/rollingPolicyProperties';
import type { JsonNode } from './jsonNodes';
import type { LintResult, ScaleSetLint } from './lintTemplate';

const statusIcon: Record<RuleStatus, string> = {
  pass: '$(pass)',
  fail: '$(error)',
  unknown: '$(question)',
  info: '$(info)',
  'not-applicable': '$(dash)',
};

const statusWord: Record<RuleStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  unknown: 'depends on a deployment-time value',
  info: 'info',
  'not-applicable': 'not applicable',
};

const automaticPolicyProperties: Readonly<Record<string, { meaning: string; defaultValue: string }>> = {
  enableAutomaticOSUpgrade: { meaning: 'Turns on automatic OS image upgrades: Azure replaces OS disks batch by batch when a newer image version is published (A1).', defaultValue: 'false' },
  disableAutomaticRollback: { meaning: 'Turns off the rollback of an instance that does not become healthy within 5 minutes of its upgrade (O4).', defaultValue: 'false' },
  useRollingUpgradePolicy: { meaning: "Use this scale set's rollingUpgradePolicy for automatic OS upgrades instead of the platform's 20% defaults (A1).", defaultValue: 'false' },
  osRollingUpgradeDeferral: { meaning: 'Automatic OS upgrades wait for approval: each VM is told through the IMDS tag Platform.PendingOSUpgrade and is upgraded only after an ApproveRollingUpgrade call on the set or the VM (A1; spec AutomaticOSUpgradePolicy). Someone must approve, or the upgrade never proceeds.', defaultValue: 'false' },
};

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function ruleLine(evaluation: RuleEvaluation): string {
  const info = ruleInfo(evaluation.rule);
  const facts = evaluation.facts.map((line) => `\`${line.label}\`: ${escapeMarkdown(describeFact(line.fact))}`);
  const note = evaluation.note ? [escapeMarkdown(evaluation.note)] : [];
  const detail = [...facts, ...note].join(' · ');
  return `${statusIcon[evaluation.status]} **${info.id}** ${escapeMarkdown(info.title)} — ${statusWord[evaluation.status]}${detail ? `  \n&nbsp;&nbsp;&nbsp;&nbsp;${detail}` : ''}`;
}

/** The readiness summary of one scale set, every rule with its resolved values and their sources. */
export function readinessSummaryMarkdown(scaleSet: ScaleSetLint): string {
  const counts = { fail: 0, unknown: 0 };
  for (const evaluation of scaleSet.report.evaluations) {
    if (evaluation.status === 'fail') counts.fail++;
    if (evaluation.status === 'unknown') counts.unknown++;
  }
  const verdict = counts.fail > 0 ? `${counts.fail} rule(s) fail` : counts.unknown > 0 ? `ready unless deployment-time values say otherwise (${counts.unknown} open)` : 'ready';
  const lines = [
    `**Automatic OS image upgrade readiness — scale set \`${scaleSet.resource}\`**: ${verdict}`,
    ...scaleSet.report.evaluations.filter((e) => e.rule !== 'R0' || e.status !== 'pass').map(ruleLine),
  ];
  return lines.join('\n\n');
}

function policyPropertyMarkdown(name: string, policy: string): string | undefined {
  if (policy === 'rollingupgradepolicy') {
    const info = rollingPolicyProperty(name);
    if (!info) {
      const meant = closestRollingPolicyProperty(name);
      return `**${escapeMarkdown(name)}** is not a rollingUpgradePolicy property; Azure ignores it${meant ? ` — did you mean **${meant}**?` : '.'}`;
    }
    const range = info.range ? ` Range: ${info.range.min}–${info.range.max}.` : '';
    return `**rollingUpgradePolicy.${info.name}** — ${escapeMarkdown(info.meaning)}${range} Default: \`${info.defaultValue}\`.`;
  }
  const entry = Object.entries(automaticPolicyProperties).find(([key]) => key.toLowerCase() === name.toLowerCase());
  if (!entry) return undefined;
  return `**automaticOSUpgradePolicy.${entry[0]}** — ${escapeMarkdown(entry[1].meaning)} Default: \`${entry[1].defaultValue}\`.`;
}

/** The key name when the offset is on a property key directly inside rollingUpgradePolicy or automaticOSUpgradePolicy. */
function policyKeyAt(root: JsonNode, offset: number): { name: string; policy: string } | undefined {
  const node = findNodeAtOffset(root, offset, false);
  const property = node?.parent;
  if (!node || property?.type !== 'property' || property.children?.[0] !== node) return undefined;
  const owner = property.parent?.parent;
  const ownerKey = owner?.type === 'property' ? String(owner.children?.[0]?.value ?? '').toLowerCase() : '';
  if (ownerKey !== 'rollingupgradepolicy' && ownerKey !== 'automaticosupgradepolicy') return undefined;
  return { name: String(node.value), policy: ownerKey };
}

export interface HoverContent {
  readonly markdown: string;
  readonly range: { readonly offset: number; readonly length: number };
}

export function hoverAt(result: LintResult, offset: number): HoverContent | undefined {
  if (!result.root) return undefined;
  const scaleSet = result.scaleSets.find((s) => offset >= s.resourceRange.offset && offset <= s.resourceRange.offset + s.resourceRange.length);
  if (!scaleSet) return undefined;
  const key = policyKeyAt(result.root, offset);
  if (key) {
    const markdown = policyPropertyMarkdown(key.name, key.policy);
    const node = findNodeAtOffset(result.root, offset, false)!;
    if (markdown) return { markdown, range: { offset: node.offset, length: node.length } };
  }
  return { markdown: readinessSummaryMarkdown(scaleSet), range: scaleSet.model.origin.range ?? scaleSet.resourceRange };
}
