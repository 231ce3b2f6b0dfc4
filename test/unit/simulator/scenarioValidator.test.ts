// The scenario validator is ajv's standalone code generated from scenario.schema.json (no runtime
// `new Function`, issue 8): it must be current with the schema, and still check what the schema says.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadScenario, ScenarioError } from '../../../src/simulator/scenario/loadScenario';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));
const defaultScenario = JSON.parse(readFileSync(path.join(root, 'src', 'simulator', 'scenarios', 'default.json'), 'utf8')) as Record<string, unknown>;

describe('precompiled scenario validator', () => {
  it('is up to date with scenario.schema.json', () => {
    const check = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-scenario-validator.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  });

  it('holds no code built from strings', () => {
    const code = readFileSync(path.join(root, 'src', 'simulator', 'scenario', 'scenarioValidator.generated.ts'), 'utf8');
    assert.doesNotMatch(code, /new Function|\beval\(|require\(/);
  });

  it('checks startTime as a date-time: the pattern, then a real instant', () => {
    assert.doesNotThrow(() => loadScenario({ ...defaultScenario, startTime: '2026-11-22T06:00:00Z' } as never));
    assert.throws(() => loadScenario({ ...defaultScenario, startTime: 'yesterday' } as never), (err: unknown) => err instanceof ScenarioError && /startTime/.test(err.message));
    assert.throws(() => loadScenario({ ...defaultScenario, startTime: '2026-13-45T99:00:00Z' } as never), (err: unknown) => err instanceof ScenarioError && /startTime/.test(err.message));
  });
});
