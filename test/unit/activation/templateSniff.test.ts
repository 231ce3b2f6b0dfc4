// Issue 18: the activation bundle loads the linter only for documents that might be templates. The
// sniff must never miss a document the linter recognises (a superset), and must reject ordinary JSON.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { mightBeTemplate } from '../../../src/activation/mightBeTemplate';
import { parseTemplateText } from '../../../src/lint/lintTemplate';
import { isDeploymentTemplate } from '../../../src/lint/templateRecognition';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));
const corpus = path.join(root, 'test', 'fixtures', 'arm-corpus');
const doc = (languageId: string, text: string) => ({ languageId, getText: () => text });

describe('template sniff before loading the linter (issue 18)', () => {
  it('says yes to every corpus document the linter recognises as a template, in each template language', () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    let templates = 0;
    for (const file of files) {
      const text = readFileSync(path.join(corpus, file), 'utf8');
      for (const languageId of ['json', 'jsonc', 'arm-template']) {
        if (!isDeploymentTemplate(parseTemplateText(text).root, languageId)) continue;
        templates++;
        assert.ok(mightBeTemplate(doc(languageId, text)), `${file} as ${languageId}`);
      }
    }
    assert.ok(templates > 20, `control: ${templates} recognised templates in the corpus`);
  });

  it('says no to JSON that is not a deployment template (package.json, settings, a parameter file)', () => {
    assert.equal(mightBeTemplate(doc('json', '{"name":"x","version":"1.0.0","dependencies":{}}')), false);
    assert.equal(mightBeTemplate(doc('jsonc', '// settings\n{"editor.tabSize": 2}')), false);
    const parameters = '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#","parameters":{}}';
    assert.equal(mightBeTemplate(doc('json', parameters)), false);
  });

  it('says yes to a template schema in any casing and to any arm-template document, and no to other languages', () => {
    assert.ok(mightBeTemplate(doc('json', '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/DeploymentTemplate.json#"}')));
    assert.ok(mightBeTemplate(doc('arm-template', '{"resources":[]}')));
    assert.equal(mightBeTemplate(doc('yaml', '$schema: deploymentTemplate.json')), false);
  });

  it('says yes to any bicep document, so the linter (and the Bicep bundle) loads for it (issue 14)', () => {
    assert.ok(mightBeTemplate(doc('bicep', "param a string = 'x'")));
  });
});
