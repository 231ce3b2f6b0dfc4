// The Bicep evaluator (issue 14): each construct that decides a finding evaluates into the shared
// Value model, and anything only known at deployment stays Unknown (never a guess).
import assert from 'node:assert/strict';
import { BicepFile } from '../../../src/bicep/bicepFile';
import { bicepParser } from '../../../src/bicep/bicepParser';
import { readBicepParams } from '../../../src/bicep/bicepParams';
import { collectResources } from '../../../src/bicep/bicepResources';
import { Unknown, isUnknown, type Value } from '../../../src/readiness/value';

let parse: (text: string) => import('../../../src/bicep/bicepParser').SyntaxNode;

before(async () => {
  const parser = await bicepParser();
  parse = (text) => parser.parse(text)!.rootNode;
});

function file(text: string, supplied: Map<string, Value> = new Map()): BicepFile {
  return new BicepFile(text, parse(text), '/work/main.bicep', supplied);
}

function value(text: string, name = 'result', supplied?: Map<string, Value>): Value | undefined {
  return file(text, supplied).symbol(name);
}

describe('Bicep evaluator (issue 14)', () => {
  it('the prebuilt tree-sitter-bicep wasm loads in this web-tree-sitter (ABI compatible)', async () => {
    const parser = await bicepParser();
    assert.equal(parser.parse("param a string = 'x'")!.rootNode.type, 'infrastructure');
  });

  it('parameter defaults, and supplied values win over them', () => {
    assert.equal(value("param result string = 'Manual'"), 'Manual');
    assert.equal(value("param result string = 'Manual'", 'result', new Map([['result', 'Rolling']])), 'Rolling');
  });

  it('a parameter without default is Unknown, listing @allowed values', () => {
    const v = value("@allowed([\n  'Rolling'\n  'Manual'\n])\nparam result string");
    assert.ok(isUnknown(v));
    assert.deepEqual((v as Unknown).alternatives, ['Rolling', 'Manual']);
    assert.match((v as Unknown).reason, /parameter 'result' has no default value/);
    assert.deepEqual((value('param result bool') as Unknown).alternatives, [true, false]);
  });

  it('variables, object property and array index access', () => {
    const text = "var images = {\n  linux: { sku: '22_04-lts', versions: [ '1.0.0', 'latest' ] }\n}\nvar result = images.linux.versions[1]";
    assert.equal(value(text), 'latest');
    assert.equal(value("var m = { 'a-b': 3 }\nvar result = m['a-b']"), 3);
  });

  it('string interpolation and escapes', () => {
    assert.equal(value("param env string = 'prod'\nvar result = 'vmss-${env}-${1 + 2}'"), 'vmss-prod-3');
    assert.equal(value("var result = 'it\\'s'"), "it's");
    assert.ok(isUnknown(value("param env string\nvar result = 'vmss-${env}'")));
  });

  it('ternaries: the chosen branch, or both branches as alternatives when the condition is unknown', () => {
    assert.equal(value("param os string = 'Windows'\nvar result = os == 'Windows' ? 'win' : 'lin'"), 'win');
    const v = value("param os string\nvar result = os =~ 'windows' ? 'win' : 'lin'");
    assert.ok(isUnknown(v));
    assert.deepEqual((v as Unknown).alternatives, ['win', 'lin']);
  });

  it('operators: && || ! ?? comparison and arithmetic, short-circuit on a known side', () => {
    assert.equal(value('var result = !(1 < 2) || 3 >= 3'), true);
    assert.equal(value('param p bool\nvar result = false && p'), false);
    assert.equal(value("var o = { a: null }\nvar result = o.a ?? 'fallback'"), 'fallback');
    assert.equal(value('var result = 7 % 4 * 2 - 1'), 5);
  });

  it('for expressions, with index and filter', () => {
    assert.deepEqual(value("var result = [for (n, i) in [ 'a', 'b', 'c' ]: '${n}${i}']"), ['a0', 'b1', 'c2']);
    assert.deepEqual(value('var result = [for i in range(0, 4): if (i % 2 == 0) { v: i }]'), [{ v: 0 }, { v: 2 }]);
    assert.ok(isUnknown(value('param n int\nvar result = [for i in range(0, n): i]')));
  });

  it('functions are ARM functions (az./sys. namespaces too); deployment-time ones stay Unknown', () => {
    assert.equal(value("var result = toLower(concat('A', 'B'))"), 'ab');
    assert.equal(value("var result = sys.toUpper('a')"), 'A');
    assert.ok(isUnknown(value('var result = resourceGroup().location')));
    assert.ok(isUnknown(value("resource st 'Microsoft.Storage/storageAccounts@2023-01-01' existing = { name: 's' }\nvar result = st.listKeys().keys[0].value")));
  });

  it('existing resources: name and id are computed, properties are only known at deployment', () => {
    const text = "resource lb 'Microsoft.Network/loadBalancers@2023-04-01' existing = { name: 'lb1' }\nvar result = '${lb.id}/probes/health'\nvar props = lb.properties.probes";
    assert.match(String(value(text)), /\/providers\/Microsoft\.Network\/loadBalancers\/lb1\/probes\/health$/);
    assert.ok(isUnknown(value(text, 'props')));
  });

  it('a variable that refers to itself is Unknown, not a crash', () => {
    assert.ok(isUnknown(value('var result = result')));
  });

  it('if conditions, for loops, nested and parent/child resources', () => {
    const text = [
      'param deploy bool = false',
      "resource off 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = if (deploy) { name: 'off' }",
      "resource sets 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = [for n in [ 'a', 'b' ]: { name: 'set-${n}'\n  resource ext 'extensions' = { name: 'health' }\n}]",
      "resource child 'Microsoft.Compute/virtualMachineScaleSets/extensions@2024-07-01' = { parent: off\n  name: 'e' }",
    ].join('\n');
    const resources = collectResources(file(text), { parse, readModule: () => undefined, resolvePath: () => undefined });
    const bySymbol = new Map(resources.map((r) => [r.symbol, r]));
    assert.equal(bySymbol.get('off')!.condition, false);
    const sets = bySymbol.get('sets')!;
    assert.ok(isUnknown(sets.name));
    assert.deepEqual((sets.name as Unknown).alternatives, ['set-a', 'set-b']);
    const ext = bySymbol.get('ext')!;
    assert.equal(ext.type, 'Microsoft.Compute/virtualMachineScaleSets/extensions');
    assert.equal(ext.parent, sets);
    assert.equal(bySymbol.get('child')!.name, 'off/e');
  });

  it('local modules: the values passed in `params` reach the module, defaults fill the rest', () => {
    const module = "param mode string = 'Manual'\nparam size string = 'small'\nresource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'm-${mode}-${size}'\n}";
    const main = "var wanted = 'Rolling'\nmodule m './vmss.bicep' = {\n  name: 'deploy'\n  params: { mode: wanted }\n}";
    const resources = collectResources(file(main), { parse, readModule: (p) => (p === '/work/vmss.bicep' ? module : undefined), resolvePath: (_f, r) => `/work/${r.slice(2)}` });
    assert.equal(resources.length, 1);
    assert.equal(resources[0].name, 'm-Rolling-small');
    assert.match(resources[0].viaModule!.label, /module 'm' \(\.\/vmss\.bicep\)/);
  });

  it('.bicepparam: `using` and `param x = …` values (expressions evaluated)', () => {
    const params = readBicepParams("using './main.bicep'\nparam mode = 'Rolling'\nparam count = 1 + 2\nvar helper = 'not a parameter'\n", parse);
    assert.equal(params.using, './main.bicep');
    assert.equal(params.values.get('mode'), 'Rolling');
    assert.equal(params.values.get('count'), 3);
    assert.equal(params.values.has('helper'), false);
  });
});
