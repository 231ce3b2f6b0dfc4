// The rollout file: what parses, what is refused with which message at which line and column, and the
// published JSON Schema agreeing with the checker on the same files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseRolloutFile } from '../../../src/core/fleet/parseRolloutFile';

const id = (sub: string, name: string) => `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`;

const valid = `{
  // comments are allowed
  "$schema": "../schemas/fleet-rollout.schema.json",
  "name": "november",
  "target": { "kind": "latest" },
  "maxFailedSets": 1,
  "stages": [
    { "name": "canary", "groups": [{ "name": "c", "sets": ["${id('a', 'web-0')}"] }], "gates": [{ "kind": "health" }], "waitAfter": "PT10M" },
    { "name": "rest", "requiresApproval": true, "groups": [
      { "name": "tagged", "tags": { "ring": "1" }, "subscriptions": ["a", "b"], "engine": { "kind": "embedded", "strategy": "count", "count": 2, "policy": { "maxBatchInstancePercent": 50 } }, "maxParallel": 4 },
      { "name": "graph", "query": "Resources | where location =~ 'swedencentral' | project id", "subscriptions": ["b"], "engine": { "kind": "platform" } }
    ] }
  ]
}`;

function problemsOf(text: string) {
  const parsed = parseRolloutFile(text);
  assert.equal(parsed.ok, false, 'expected problems');
  return parsed.ok ? [] : parsed.problems;
}

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../schemas/fleet-rollout.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);
const stripComments = (text: string) => text.replace(/^\s*\/\/.*$/gm, '');

describe('fleet rollout file', () => {
  it('parses stages, groups (ids, tags, query), engines, gates, waits and approvals', () => {
    const parsed = parseRolloutFile(valid);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const r = parsed.rollout;
    assert.equal(r.maxFailedSets, 1);
    assert.deepEqual(r.stages.map((s) => [s.name, s.requiresApproval, s.waitAfterMs]), [['canary', false, 600_000], ['rest', true, 0]]);
    assert.deepEqual(r.stages[1].groups.map((g) => [g.select.kind, g.engine.kind]), [['tags', 'embedded'], ['query', 'platform']]);
    assert.deepEqual(r.stages[0].groups[0].engine, { kind: 'embedded' }, 'the embedded engine is the default');
    assert.deepEqual(r.stages[0].gates, [{ kind: 'health' }]);
    assert.equal(r.safety.requireCanary, true);
  });

  it('reports each problem with its path, line and column', () => {
    const text = valid.replace('"kind": "platform"', '"kind": "azure"').replace('"waitAfter": "PT10M"', '"waitAfter": "ten minutes"').replace('"maxParallel": 4', '"maxparallel": 4');
    const problems = problemsOf(text);
    const engine = problems.find((p) => p.path === 'stages/1/groups/1/engine/kind');
    assert.ok(engine, JSON.stringify(problems));
    assert.match(engine.message, /must be 'embedded' .* or 'platform' .*got 'azure'/);
    const lines = text.split('\n');
    assert.equal(lines[engine.position.line - 1].slice(engine.position.column - 1).startsWith('"azure"'), true, 'the position points at the value');
    assert.ok(problems.some((p) => p.path === 'stages/0/waitAfter' && /not an ISO 8601 duration/.test(p.message)));
    assert.ok(problems.some((p) => /unknown property 'maxparallel'.*allowed: .*maxParallel/.test(p.message)));
  });

  it('refuses a group that names its sets two ways, or a tag selector without subscriptions', () => {
    const both = problemsOf(valid.replace('"tags": { "ring": "1" }, "subscriptions": ["a", "b"]', `"tags": { "ring": "1" }, "sets": ["${id('a', 'x')}"]`));
    assert.ok(both.some((p) => /exactly one of 'sets'.*found sets and tags/.test(p.message)), JSON.stringify(both));
    const noScope = problemsOf(valid.replace('"tags": { "ring": "1" }, "subscriptions": ["a", "b"]', '"tags": { "ring": "1" }'));
    assert.ok(noScope.some((p) => /'tags' needs 'subscriptions'/.test(p.message)));
  });

  it('refuses a set id that is not a scale set, duplicate stage names and Azure\'s rolling upgrade to a pinned version', () => {
    const problems = problemsOf(valid.replace(id('a', 'web-0'), '/subscriptions/a/resourceGroups/rg').replace('"name": "rest"', '"name": "Canary"').replace('"kind": "latest"', '"kind": "version", "version": "1.2.3"'));
    assert.ok(problems.some((p) => p.path === 'stages/0/groups/0/sets/0' && /not a scale set resource id/.test(p.message)));
    assert.ok(problems.some((p) => /stage name 'Canary' is used twice/.test(p.message)));
    assert.ok(problems.some((p) => p.path === 'stages/1/groups/1/engine' && /latest version .* needs the embedded engine/.test(p.message)));
  });

  it('refuses unknown gates and reports JSON syntax errors with a position', () => {
    assert.ok(problemsOf(valid.replace('"kind": "health"', '"kind": "vibes"')).some((p) => /unknown gate 'vibes'; known: health/.test(p.message)));
    const syntax = problemsOf('{\n  "name": "x",\n  "target": { "kind": "latest" }\n  "stages": []\n}');
    assert.equal(syntax[0].position.line, 4);
    assert.match(syntax[0].message, /JSON syntax: CommaExpected/);
  });

  it('the published schema accepts the valid file and refuses the same mistakes', () => {
    assert.ok(schemaValid(JSON.parse(stripComments(valid))), JSON.stringify(schemaValid.errors));
    for (const broken of [
      valid.replace('"kind": "platform"', '"kind": "azure"'),
      valid.replace('"waitAfter": "PT10M"', '"waitAfter": "ten minutes"'),
      valid.replace('"tags": { "ring": "1" }, "subscriptions": ["a", "b"]', `"tags": { "ring": "1" }, "sets": ["${id('a', 'x')}"]`),
      valid.replace('"maxParallel": 4', '"maxparallel": 4'),
      valid.replace('"kind": "latest"', '"kind": "version"'),
    ]) {
      assert.equal(schemaValid(JSON.parse(stripComments(broken))), false, broken.slice(0, 0));
      assert.equal(parseRolloutFile(broken).ok, false);
    }
  });

  it('package.json contributes the schema for *.fleet.json files', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(pkg.contributes.jsonValidation.find((v) => v.url.includes('fleet')), { fileMatch: '*.fleet.json', url: './schemas/fleet-rollout.schema.json' });
  });
});
