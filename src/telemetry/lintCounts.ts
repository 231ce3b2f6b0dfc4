// The measurements of a `lint` event: findings per readiness rule (R1–R16) from the diagnostics' rule
// codes (e.g. vmss-health-signal → R3); codes of other checks count as `otherFindings`.
import { ruleByCode } from '../readiness/ruleCatalog';
import { type MeasurementsOf, type ReadinessRule, readinessRules } from './events';

const isReadinessRule = (id: string): id is ReadinessRule => (readinessRules as readonly string[]).includes(id);

export function lintCounts(codes: readonly string[]): MeasurementsOf<'lint'> {
  const counts: { -readonly [R in ReadinessRule]?: number } = {};
  let otherFindings = 0;
  for (const code of codes) {
    const rule = ruleByCode(code)?.id;
    if (rule && isReadinessRule(rule)) counts[rule] = (counts[rule] ?? 0) + 1;
    else otherFindings++;
  }
  return { documents: 1, findings: codes.length, otherFindings, ...counts };
}
