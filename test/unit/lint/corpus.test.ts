// The linter against the hand-reviewed corpus (test/fixtures/arm-corpus/expected.json, spec R):
// FAIL ↔ error, WARN ↔ warning, UNKNOWN ↔ the informational "deployment-time value" finding,
// INFO ↔ an information finding of that rule, SKIP ↔ R0. Rules not listed for a file must not
// produce an error or a warning there (information is allowed: e.g. R12 states on/off for every
// complete scale set, while expected.json lists it only for some files). Per-rule precision and
// recall over errors and warnings are printed.
import assert from 'node:assert/strict';
import { lintTemplateText, type LintFinding } from '../../../src/lint/lintTemplate';
import { corpusFiles, expectedFindings, readCorpusFile } from './corpusFixtures';

type Expectation = 'FAIL' | 'WARN' | 'INFO' | 'UNKNOWN';

interface ExpectedRule {
  readonly level: Expectation;
  /** `×N`: the finding repeats on N scale sets of the file. */
  readonly count?: number;
}

/**
 * Reads one expected.json entry. Two phrasings need interpretation (not disagreement):
 * - "FAIL when osType=Windows" (avm, carml R5): the corpus is evaluated with parameter defaults
 *   only and osType has none, so with defaults the linter can only say "depends on a
 *   deployment-time value" → UNKNOWN.
 * - "pass by defaults only if the linter evaluates if/coalesce/…" (avm R3): the linter evaluates
 *   them → a pass, i.e. no finding.
 */
function parseExpectation(rule: string, text: string): ExpectedRule | undefined {
  if (/^pass\b/i.test(text)) return undefined;
  if (/^FAIL when /.test(text)) return { level: 'UNKNOWN' };
  const match = /^(FAIL|WARN|INFO|UNKNOWN)\b(?:\s*×(\d+))?/.exec(text);
  assert.ok(match, `unreadable expectation for ${rule}: ${text}`);
  return { level: match[1] as Expectation, count: match[2] ? Number(match[2]) : undefined };
}

/**
 * Where this linter disagrees with expected.json, on purpose. The test checks that each one is
 * still observed exactly as described (so the list cannot go stale) and leaves it out of the
 * strict comparison.
 */
const disagreements: readonly { file: string; rule: string; expected: string; actual: Expectation | 'none'; why: string }[] = [
  {
    file: 'azurestack-101-vmss-windows-vm.json',
    rule: 'R4',
    expected: 'UNKNOWN',
    actual: 'FAIL',
    why:
      "apiProfile '2018-03-01-hybrid' is a fixed, published profile: its Microsoft.Compute version is 2017-03-30 " +
      '(Azure CLI profile table, azure/cli/core/profiles/_shared.py), which is before 2018-10-01 — a definite R4 failure, not an unknown.',
  },
  {
    file: 'qs21-elasticsearch-vmss.json',
    rule: 'R11',
    expected: 'none',
    actual: 'WARN',
    why:
      "the CustomScript fileUris use variables('elasticSetupScriptUrl'), which is built from parameters('_artifactsLocationSasToken'): " +
      'the same "SAS token reaches the settings through a variable" pattern that expected.json rates WARN for qs21-vmss-windows-webapp-dsc-autoscale.json.',
  },
];

interface Observed {
  error: number;
  warning: number;
  deploymentTime: number;
  information: number;
}

function observe(findings: readonly LintFinding[], rule: string): Observed {
  const of = findings.filter((f) => f.rule === rule);
  return {
    error: of.filter((f) => f.severity === 'error').length,
    warning: of.filter((f) => f.severity === 'warning').length,
    deploymentTime: of.filter((f) => f.kind === 'deployment-time').length,
    information: of.filter((f) => f.severity === 'information').length,
  };
}

function levelOf(observed: Observed): Expectation | 'none' {
  if (observed.error > 0) return 'FAIL';
  if (observed.warning > 0) return 'WARN';
  if (observed.deploymentTime > 0) return 'UNKNOWN';
  if (observed.information > 0) return 'INFO';
  return 'none';
}

const ruleIds = ['R0', ...Array.from({ length: 16 }, (_, i) => `R${i + 1}`)];

describe('lint: ARM template corpus vs expected.json (spec R1–R16)', () => {
  const expected = expectedFindings();
  const results = new Map(corpusFiles().map((file) => [file, lintTemplateText(readCorpusFile(file))]));
  const stats = new Map<string, { tp: number; fp: number; fn: number; infoExpected: number; infoFound: number }>();
  const stat = (rule: string) => {
    if (!stats.has(rule)) stats.set(rule, { tp: 0, fp: 0, fn: 0, infoExpected: 0, infoFound: 0 });
    return stats.get(rule)!;
  };

  it('covers every corpus file and recognises each as a template with a scale set', () => {
    assert.deepEqual([...results.keys()].sort(), expected.map((e) => e.file).sort());
    for (const [file, result] of results) {
      assert.ok(result.isTemplate, `${file} is a template`);
      assert.ok(result.scaleSets.length > 0, `${file} has a scale set`);
    }
  });

  for (const entry of expected) {
    it(`${entry.file}: findings match the review`, () => {
      const findings = results.get(entry.file)!.findings;
      const wanted = new Map<string, ExpectedRule>();
      for (const [key, text] of Object.entries(entry.findings)) {
        const rule = key === 'SKIP' ? 'R0' : key;
        const parsed = key === 'SKIP' ? { level: 'INFO' as const } : parseExpectation(key, text);
        if (parsed) wanted.set(rule, parsed);
      }
      for (const rule of ruleIds) {
        const want = wanted.get(rule);
        const observed = observe(findings, rule);
        const actual = levelOf(observed);
        const s = stat(rule);
        const strong = (level: Expectation | 'none' | undefined) => level === 'FAIL' || level === 'WARN';
        if (strong(want?.level) && strong(actual)) s.tp++;
        else if (strong(want?.level)) s.fn++;
        else if (strong(actual)) s.fp++;
        if (want && !strong(want.level)) {
          s.infoExpected++;
          if (actual === want.level || (want.level === 'INFO' && actual === 'UNKNOWN')) s.infoFound++;
        }

        const disagreement = disagreements.find((d) => d.file === entry.file && d.rule === rule);
        if (disagreement) {
          assert.equal(want?.level ?? 'none', disagreement.expected, `${rule}: the listed disagreement still matches expected.json`);
          assert.equal(actual, disagreement.actual, `${rule}: the listed disagreement is still what the linter reports`);
          continue;
        }
        const context = `${entry.file} ${rule}: expected ${want ? want.level : 'nothing above information'}, got ${JSON.stringify(observed)}`;
        switch (want?.level) {
          case 'FAIL':
            assert.ok(observed.error > 0, context);
            if (want.count) assert.equal(observed.error, want.count, context);
            break;
          case 'WARN':
            assert.ok(observed.warning > 0 && observed.error === 0, context);
            if (want.count) assert.equal(observed.warning, want.count, context);
            break;
          case 'UNKNOWN':
            assert.ok(observed.deploymentTime > 0 && observed.error + observed.warning === 0, context);
            break;
          case 'INFO':
            assert.ok(observed.information > 0 && observed.error + observed.warning === 0, context);
            break;
          default:
            assert.equal(observed.error + observed.warning, 0, context);
        }
      }
    });
  }

  after(() => {
    const rows = [...stats.entries()].filter(([, s]) => s.tp + s.fp + s.fn + s.infoExpected > 0);
    const line = (rule: string, s: { tp: number; fp: number; fn: number; infoExpected: number; infoFound: number }) => {
      const precision = s.tp + s.fp === 0 ? '—' : (s.tp / (s.tp + s.fp)).toFixed(2);
      const recall = s.tp + s.fn === 0 ? '—' : (s.tp / (s.tp + s.fn)).toFixed(2);
      const info = s.infoExpected ? `${s.infoFound}/${s.infoExpected}` : '—';
      return `  ${rule.padEnd(4)} precision ${precision.padStart(4)}  recall ${recall.padStart(4)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; info/unknown found ${info})`;
    };
    console.log('\n  Per-rule precision/recall on error+warning findings (file level):');
    for (const [rule, s] of rows) console.log(line(rule, s));
    console.log(`  Disagreements with expected.json: ${disagreements.map((d) => `${d.file} ${d.rule} (expected ${d.expected}, linter ${d.actual})`).join('; ')}`);
  });
});
