// RP1–RP3: the rolling upgrade policy must use the REST API's property names (a documentation
// sample misspells maxBatchInstancePercent as BatchInstancePercent, which Azure silently
// ignores), keep the percentages in range (5–100 / 5–100 / 0–100) and give the pause as an
// ISO 8601 duration.
import { asString, judge } from '../facts';
import { fixes } from '../fixIntents';
import type { Issue, RuleEvaluation } from '../findings';
import type { ScaleSetModel } from '../model';
import type { RuleId } from '../ruleCatalog';
import { closestRollingPolicyProperty, isIsoDuration, rollingPolicyProperty } from './rollingPolicyProperties';
import { notApplicable, pass, type ReadinessRule } from './rule';

function fromIssues(rule: RuleId, model: ScaleSetModel, issues: Issue[]): RuleEvaluation {
  const facts = [{ label: 'rollingUpgradePolicy', fact: model.rollingUpgradePolicy }];
  if (model.rollingUpgradePolicyProperties.length === 0) return notApplicable(rule, 'no rolling upgrade policy', facts);
  if (issues.length === 0) return pass(rule, facts);
  return { rule, status: issues.some((i) => i.kind === 'violation') ? 'fail' : 'unknown', facts, issues };
}

export const rp1RollingPolicyNames: ReadinessRule = {
  id: 'RP1',
  evaluate(model) {
    const issues: Issue[] = [];
    for (const property of model.rollingUpgradePolicyProperties) {
      if (rollingPolicyProperty(property.name)) continue;
      const meant = closestRollingPolicyProperty(property.name);
      issues.push({
        kind: 'violation',
        origin: property.nameOrigin,
        message: `RP1: '${property.name}' is not a rollingUpgradePolicy property${meant ? ` — did you mean '${meant}'?` : ''}; Azure ignores it and uses the default instead${meant ? ` (${rollingPolicyProperty(meant)?.defaultValue})` : ''}.`,
        fixes: meant ? [fixes.renameRollingPolicyProperty(property.name, meant)] : undefined,
      });
    }
    return fromIssues('RP1', model, issues);
  },
};

export const rp2RollingPolicyRanges: ReadinessRule = {
  id: 'RP2',
  evaluate(model) {
    const issues: Issue[] = [];
    for (const property of model.rollingUpgradePolicyProperties) {
      const range = rollingPolicyProperty(property.name)?.range;
      if (!range) continue;
      const inRange = judge(property.value, (value) => {
        if (value === undefined) return true;
        const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
        return Number.isInteger(number) && number >= range.min && number <= range.max;
      });
      if (inRange === 'yes') continue;
      if (inRange === 'unknown') {
        issues.push({ kind: 'deployment-time', origin: property.value.origin, message: `RP2: depends on a deployment-time value: whether ${property.name} is within ${range.min}–${range.max}.` });
        continue;
      }
      const shown = property.value.state === 'set' ? asString(property.value.value) ?? JSON.stringify(property.value.value) : '';
      issues.push({
        kind: 'violation',
        origin: property.value.origin,
        message: `RP2: ${property.name} is ${shown}, outside ${range.min}–${range.max}; Azure rejects the rolling upgrade policy. Use a whole number from ${range.min} to ${range.max}.`,
      });
    }
    return fromIssues('RP2', model, issues);
  },
};

export const rp3RollingPolicyPause: ReadinessRule = {
  id: 'RP3',
  evaluate(model) {
    const issues: Issue[] = [];
    for (const property of model.rollingUpgradePolicyProperties) {
      if (property.name.toLowerCase() !== 'pausetimebetweenbatches') continue;
      const valid = judge(property.value, (value) => value === undefined || (typeof value === 'string' && isIsoDuration(value)));
      if (valid === 'yes') continue;
      if (valid === 'unknown') {
        issues.push({ kind: 'deployment-time', origin: property.value.origin, message: 'RP3: depends on a deployment-time value: whether pauseTimeBetweenBatches is an ISO 8601 duration.' });
        continue;
      }
      const shown = property.value.state === 'set' ? JSON.stringify(property.value.value) : '';
      issues.push({
        kind: 'violation',
        origin: property.value.origin,
        message: `RP3: pauseTimeBetweenBatches is ${shown}, not an ISO 8601 duration; Azure rejects the policy. Write it as PT0S, PT30S, PT5M or PT1H.`,
      });
    }
    return fromIssues('RP3', model, issues);
  },
};
