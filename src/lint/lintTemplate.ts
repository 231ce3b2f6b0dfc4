// The template linter: parses the text (JSON with comments) with positions, finds the scale
// sets, builds each one's ScaleSetModel, runs the readiness rules and returns findings with
// ranges and ready-made quick-fix edits, plus a per-scale-set report for hovers.
import { parseTree, type ParseError } from 'jsonc-parser';
import type { ReadinessFinding, ReadinessOptions, ReadinessReport } from '../readiness/findings';
import { evaluateAcrossBranches } from '../readiness/branchEvaluation';
import { evaluateReadiness } from '../readiness/evaluateReadiness';
import { templateBranches } from './templateBranches';
import type { ScaleSetModel, SourceRange } from '../readiness/model';
import type { RuleId, Severity } from '../readiness/ruleCatalog';
import type { Value } from '../readiness/value';
import { syntaxProblems, type InputProblem } from './inputProblems';
import { childValue, stringOf, type JsonNode } from './jsonNodes';
import { isJudgedScaleSet, scaleSetModelFromTemplate } from './modelFromTemplate';
import { maxNestingDepth, treeDeeperThan } from './nestingDepth';
import { LineIndex, type Position } from './positions';
import { lintFinding } from './lintFinding';
import { quickFixFor, type QuickFix } from './quickFixEdits';
import { isDeploymentTemplate } from './templateRecognition';
import { templateResources } from './templateResources';
import { TemplateScope } from './templateScope';

export interface LintOptions extends ReadinessOptions {
  /** The document's language id in the editor (`arm-template` counts as a template). */
  readonly languageId?: string;
  /** Values from a parameter file, keyed by lower-case parameter name. */
  readonly parameterValues?: ReadonlyMap<string, Value>;
}

export interface LintFinding {
  readonly rule: RuleId;
  readonly code: string;
  readonly severity: Severity;
  readonly kind: ReadinessFinding['kind'];
  readonly message: string;
  readonly resource: string;
  readonly docUrl: string;
  readonly range: SourceRange;
  /** Zero-based, as in VS Code. */
  readonly start: Position;
  readonly end: Position;
  readonly fixes: readonly QuickFix[];
}

export interface ScaleSetLint {
  readonly resource: string;
  /** The whole resource object in the document (hover hit-testing). */
  readonly resourceRange: SourceRange;
  readonly model: ScaleSetModel;
  readonly report: ReadinessReport;
}

export interface LintResult {
  readonly isTemplate: boolean;
  /** The parsed document (for hovers). */
  readonly root?: JsonNode;
  readonly findings: readonly LintFinding[];
  readonly scaleSets: readonly ScaleSetLint[];
  readonly parseErrors: readonly ParseError[];
  /** Set when the document was not analysed (e.g. nested too deeply to walk safely). */
  readonly skippedReason?: string;
  /** Why the document was not (fully) linted: syntax errors, not a template, too deep (never silent). */
  readonly problems: readonly InputProblem[];
}

const parameterSchema = /deploymentParameters\.json#?$/i;

function notATemplate(text: string, root: JsonNode | undefined, parseErrors: ParseError[]): LintResult {
  const problems = syntaxProblems(text, parseErrors);
  const schema = stringOf(childValue(root, '$schema'))?.trim();
  if (schema !== undefined && parameterSchema.test(schema)) {
    problems.push({ kind: 'parameter-file', message: 'a deployment parameter file, not a template: its values are used when its template is linted' });
  } else if (problems.length === 0) {
    problems.push({ kind: 'not-a-template', message: 'not an ARM deployment template (no $schema naming deploymentTemplate.json), so no scale set in it was checked' });
  }
  return { isTemplate: false, findings: [], scaleSets: [], parseErrors, problems };
}

export function parseTemplateText(text: string): { root: JsonNode | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return { root, errors };
}

/** Parses, or returns undefined when the document nests too deeply to walk (or to parse) safely. */
function parseGuarded(text: string): ReturnType<typeof parseTemplateText> | undefined {
  try {
    const parsed = parseTemplateText(text);
    return parsed.root && treeDeeperThan(parsed.root) ? undefined : parsed;
  } catch (err) {
    if (err instanceof RangeError) return undefined;
    throw err;
  }
}

export function lintTemplateText(text: string, options: LintOptions = {}): LintResult {
  const parsed = parseGuarded(text);
  if (!parsed) {
    const skippedReason = `the document nests deeper than ${maxNestingDepth} levels`;
    return { isTemplate: false, findings: [], scaleSets: [], parseErrors: [], skippedReason, problems: [{ kind: 'too-deep', message: `not checked: ${skippedReason}` }] };
  }
  const { root, errors } = parsed;
  if (!root || !isDeploymentTemplate(root, options.languageId)) return notATemplate(text, root, errors);
  const lines = new LineIndex(text);
  const scope = new TemplateScope(root, options.parameterValues ?? new Map());
  const resources = templateResources(root, scope);
  const findings: LintFinding[] = [];
  const scaleSets: ScaleSetLint[] = [];
  const seen = new Set<JsonNode>();
  for (const resource of resources) {
    if (!isJudgedScaleSet(resource) || seen.has(resource.node)) continue;
    seen.add(resource.node);
    const model = scaleSetModelFromTemplate(resource, resources);
    const report = evaluateAcrossBranches(model, evaluateReadiness(model, options), templateBranches(root, options.parameterValues, resource), options);
    scaleSets.push({ resource: model.label, resourceRange: { offset: resource.node.offset, length: resource.node.length }, model, report });
    for (const finding of report.findings) {
      const range = finding.origin.range ?? model.origin.range ?? { offset: resource.node.offset, length: 1 };
      findings.push(lintFinding(finding, { range, lines, quickFix: (intent, renameRange) => quickFixFor(text, resource.node, intent, renameRange) }));
    }
  }
  return { isTemplate: true, root, findings, scaleSets, parseErrors: errors, problems: syntaxProblems(text, errors, lines) };
}
