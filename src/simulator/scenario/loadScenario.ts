// Reading and validating a scenario: JSON Schema first (ajv, every error with its JSON path), so a
// mistake is reported as "scaleSets/2/instances/count must be <= 1000", not as odd behaviour later.
// The validator is ajv's standalone code, precompiled from scenario.schema.json by
// scripts/gen-scenario-validator.mjs: no function is built from a string at run time (issue 8).
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import generatedValidator from './scenarioValidator.generated';
import defaultScenario from '../scenarios/default.json';
import fleetScenario from '../scenarios/fleet.json';
import type { Scenario } from './scenarioTypes';

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

const builtIn: Record<string, unknown> = { default: defaultScenario, fleet: fleetScenario };

const validator = generatedValidator as unknown as ValidateFunction;

/** The schema checks the date-time pattern; this checks that it names a real instant. */
function invalidStartTime(value: unknown): string | undefined {
  const start = (value as { startTime?: unknown } | null)?.startTime;
  return typeof start === 'string' && Number.isNaN(Date.parse(start)) ? `  /startTime: must be a valid date-time ('${start}')` : undefined;
}

function validate(value: unknown, origin: string): Scenario {
  if (!validator(value)) {
    const problems = (validator.errors ?? []).map((e) => {
      const where = e.instancePath || '(root)';
      const extra = e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : e.params && 'additionalProperty' in e.params ? ` ('${String(e.params.additionalProperty)}')` : '';
      return `  ${where}: ${e.message ?? 'is invalid'}${extra}`;
    });
    throw new ScenarioError(`Scenario ${origin} does not match scenario.schema.json:\n${[...new Set(problems)].join('\n')}`);
  }
  const badStart = invalidStartTime(value);
  if (badStart) throw new ScenarioError(`Scenario ${origin} does not match scenario.schema.json:\n${badStart}`);
  return value as Scenario;
}

/** A scenario object, a built-in name ('default') or the path of a JSON file. */
export function loadScenario(source: Scenario | string | undefined): Scenario {
  if (source === undefined) return validate(structuredClone(defaultScenario), "'default'");
  if (typeof source !== 'string') return validate(structuredClone(source), '(object)');
  if (builtIn[source]) return validate(structuredClone(builtIn[source]), `'${source}'`);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (err) {
    throw new ScenarioError(`Cannot read scenario file ${source}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`Scenario file ${source} is not valid JSON: ${(err as Error).message}`);
  }
  return validate(parsed, source);
}
