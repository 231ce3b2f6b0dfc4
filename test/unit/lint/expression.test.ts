// The ARM template expression language: tokenizer/parser edge cases and the evaluator's
// functions, with Unknown for anything only the deployment knows.
import assert from 'node:assert/strict';
import { evaluateTemplateString } from '../../../src/lint/expression/evaluator';
import { classifyTemplateString, parseExpression, printExpression } from '../../../src/lint/expression/parser';
import type { ExpressionScope } from '../../../src/lint/expression/scope';
import { ExpressionSyntaxError } from '../../../src/lint/expression/tokenizer';
import { Unknown, isUnknown, type Value } from '../../../src/readiness/value';

function scope(parameters: Record<string, Value> = {}, variables: Record<string, Value> = {}): ExpressionScope {
  return {
    parameter: (name) => parameters[name] ?? new Unknown(`parameter '${name}' has no default value`),
    variable: (name) => variables[name] ?? new Unknown(`variable '${name}' is not declared`),
    copyIndex: () => undefined,
  };
}

const evaluate = (text: string, s: ExpressionScope = scope()) => evaluateTemplateString(text, s);

describe('lint: ARM expression parser', () => {
  it('tells expressions from literals, including the [[ escape', () => {
    assert.deepEqual(classifyTemplateString("[parameters('a')]"), { kind: 'expression', body: "parameters('a')" });
    assert.deepEqual(classifyTemplateString('[[not an expression]'), { kind: 'literal', value: '[not an expression]' });
    assert.deepEqual(classifyTemplateString('plain'), { kind: 'literal', value: 'plain' });
    assert.equal(evaluate('[[x]'), '[x]');
  });

  it('parses doubled quotes, property and index access, namespaces and nesting', () => {
    const ast = parseExpression("concat('it''s', variables('v')[0].name, ns.fn(1))");
    assert.equal(printExpression(ast), "concat('it''s', variables('v')[0].name, ns.fn(1))");
    assert.equal(evaluate("[concat('it''s ', 'fine')]"), "it's fine");
  });

  it('rejects malformed expressions as Unknown, never throwing', () => {
    assert.throws(() => parseExpression("concat('a'"), ExpressionSyntaxError);
    assert.throws(() => parseExpression("'unterminated"), ExpressionSyntaxError);
    assert.throws(() => parseExpression('a b'), ExpressionSyntaxError);
    const value = evaluate("[concat('a',]");
    assert.ok(isUnknown(value) && /does not parse/.test(value.reason));
    const deep = `[${'concat('.repeat(400)}'x'${')'.repeat(400)}]`;
    assert.ok(isUnknown(evaluate(deep)));
  });
});

describe('lint: ARM expression evaluator', () => {
  const s = scope(
    { sku: '2019-Datacenter', count: 3, flag: 'true', obj: { a: { b: 'deep' } } },
    { image: { publisher: 'MicrosoftWindowsServer', version: 'latest' }, list: ['x', 'y'] },
  );

  it('resolves parameters, variables, property and index access (case-insensitive properties)', () => {
    assert.equal(evaluate("[variables('image').version]", s), 'latest');
    assert.equal(evaluate("[variables('image').PUBLISHER]", s), 'MicrosoftWindowsServer');
    assert.equal(evaluate("[variables('list')[1]]", s), 'y');
    assert.equal(evaluate("[parameters('obj').a.b]", s), 'deep');
    assert.equal(evaluate("[parameters('obj')['a']['b']]", s), 'deep');
  });

  it('evaluates the string, logic and object functions templates use', () => {
    const cases: [string, Value][] = [
      ["[concat('a', 'b', 1)]", 'ab1'],
      ["[concat(createArray(1), createArray(2, 3))]", [1, 2, 3]],
      ["[format('{0}-{1}', 'x', 2)]", 'x-2'],
      ["[format('{{literal}} {0}', 'v')]", '{literal} v'],
      ["[toLower('ABC')]", 'abc'],
      ["[toUpper('abc')]", 'ABC'],
      ["[if(equals(parameters('sku'), '2019-Datacenter'), 'yes', 'no')]", 'yes'],
      ["[not(equals(1, 2))]", true],
      ["[and(true(), bool(parameters('flag')))]", true],
      ["[or(false(), false)]", false],
      ["[json('null')]", null],
      ["[json('{\"a\": 1}').a]", 1],
      ["[createObject('k', 'v').k]", 'v'],
      ["[coalesce(null(), json('null'), 'first')]", 'first'],
      ["[tryGet(parameters('obj'), 'a', 'b')]", 'deep'],
      ["[tryGet(parameters('obj'), 'missing')]", null],
      ["[union(createObject('a', 1), createObject('b', 2))]", { a: 1, b: 2 }],
      ["[union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2)))]", { a: { x: 1, y: 2 } }],
      ["[empty('')]", true],
      ["[empty(createArray())]", true],
      ["[contains(variables('list'), 'y')]", true],
      ["[contains(variables('image'), 'Version')]", true],
      ["[contains('abc', 'd')]", false],
      ["[length(variables('list'))]", 2],
      ["[add(parameters('count'), 2)]", 5],
      ["[greaterOrEquals('2019-03-01', '2018-10-01')]", true],
      ["[split('a/b/c', '/')[2]]", 'c'],
      ["[replace('a-b', '-', '+')]", 'a+b'],
      ["[last(split('x/y', '/'))]", 'y'],
      ["[string(1)]", '1'],
    ];
    for (const [text, expected] of cases) assert.deepEqual(evaluate(text, s), expected, text);
  });

  it('builds resource ids with placeholders for the subscription and group', () => {
    assert.equal(
      evaluate("[resourceId('Microsoft.Network/loadBalancers/probes', 'lb', 'http')]", s),
      '/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/loadBalancers/lb/probes/http',
    );
    assert.equal(evaluate("[resourceId('other-rg', 'Microsoft.Compute/images', 'img')]", s), '/subscriptions/{subscription}/resourceGroups/other-rg/providers/Microsoft.Compute/images/img');
  });

  it('returns Unknown for deployment-time functions and missing parameters, with a reason', () => {
    for (const text of ["[reference('x').id]", "[listKeys('id', '2019-01-01').keys[0].value]", "[uniqueString('a')]", "[copyIndex()]", "[resourceGroup().location]", "[parameters('missing')]"]) {
      const value = evaluate(text, s);
      assert.ok(isUnknown(value), text);
      assert.ok(value.reason.length > 0);
    }
    assert.match((evaluate("[concat(parameters('missing'), 'x')]", s) as Unknown).reason, /parameter 'missing'/);
  });

  it('keeps both branches of an if() whose condition is unknown, and lifts functions over known alternatives', () => {
    const os = scope({ osType: new Unknown("parameter 'osType' has no default value", ['Windows', 'Linux']) });
    const type = evaluate("[if(equals(parameters('osType'), 'Windows'), 'ApplicationHealthWindows', 'ApplicationHealthLinux')]", os);
    assert.ok(isUnknown(type));
    assert.deepEqual(type.alternatives, ['ApplicationHealthWindows', 'ApplicationHealthLinux']);
    assert.equal(evaluate("[toLower(if(equals(parameters('osType'), 'x'), 'SAME', 'same'))]", os), 'same');
    // and()/or() short-circuit around unknowns.
    assert.equal(evaluate("[and(false(), parameters('nope'))]", os), false);
    assert.equal(evaluate("[or(true(), parameters('nope'))]", os), true);
  });

  it('turns type errors into Unknown instead of throwing', () => {
    for (const text of ["[add('a', 1)]", "[substring('abc', 5)]", "[div(1, 0)]", "[createObject('odd')]", "[json('{')]"]) {
      const value = evaluate(text, s);
      assert.ok(isUnknown(value), text);
      assert.match(value.reason, /cannot be evaluated/);
    }
  });
});
