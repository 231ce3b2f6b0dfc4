// The Bicep linter against our Bicep corpus (test/fixtures/bicep-corpus/expected.json; files
// written by us after the shapes of public MIT Bicep, each naming its model file): FAIL ↔ error,
// WARN ↔ warning; rules not listed must give no error or warning. Per-rule precision and recall.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintBicepText } from '../../../src/bicep/lintBicep';

const corpusDirectory = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'bicep-corpus');
const expected = JSON.parse(readFileSync(path.join(corpusDirectory, 'expected.json'), 'utf8')) as Record<string, Record<string, string>>;
const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

describe('Bicep corpus: expected findings, precision and recall per rule (issue 14)', () => {
  const files = readdirSync(corpusDirectory).filter((f) => f.endsWith('.bicep'));
  const tally = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (rule: string, key: 'tp' | 'fp' | 'fn') => {
    const entry = tally.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    entry[key]++;
    tally.set(rule, entry);
  };

  it('every corpus file has an expectation and each file names its public model', () => {
    assert.deepEqual(files.sort(), Object.keys(expected).filter((k) => !k.startsWith('_')).sort());
    for (const file of files) assert.match(readFileSync(path.join(corpusDirectory, file), 'utf8'), /following the shape of Azure\//);
  });

  for (const file of Object.keys(expected).filter((k) => !k.startsWith('_'))) {
    it(`${file}: the linter reports exactly the expected errors and warnings`, async () => {
      const full = path.join(corpusDirectory, file);
      const result = await lintBicepText(readFileSync(full, 'utf8'), { path: full, readFile: read });
      assert.deepEqual(result.syntaxErrors, []);
      const actual = new Map<string, string>();
      for (const f of result.findings) if (f.severity !== 'information') actual.set(f.rule, f.severity === 'error' ? 'FAIL' : 'WARN');
      const wanted = new Map(Object.entries(expected[file]).map(([rule, text]) => [rule, /^(FAIL|WARN)/.exec(text)![1]]));
      for (const [rule, level] of wanted) count(rule, actual.get(rule) === level ? 'tp' : 'fn');
      for (const [rule, level] of actual) if (wanted.get(rule) !== level) count(rule, 'fp');
      assert.deepEqual(Object.fromEntries(actual), Object.fromEntries(wanted));
    });
  }

  after(() => {
    for (const [rule, { tp, fp, fn }] of [...tally].sort()) {
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      console.log(`      ${rule}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    }
  });
});
