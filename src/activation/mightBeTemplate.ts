// Recognises a possible deployment template without the linter (issue 18): the linter loads only for
// documents that might be templates, so a JSON file that is not one costs a substring test. Pure (no
// vscode import) for the unit tests.
const templateLanguages = new Set(['json', 'jsonc', 'arm-template']);
// A superset of the linter's recognition (src/lint/templateRecognition.ts): a `$schema` naming
// deploymentTemplate.json, or any `arm-template` document.
const schemaName = /deploymentTemplate\.json/i;

export function mightBeTemplate(document: { readonly languageId: string; getText(): string }): boolean {
  // Issue 14: every Bicep file is linted (the Bicep linter's own bundle loads on the first one).
  if (document.languageId === 'bicep') return true;
  if (!templateLanguages.has(document.languageId)) return false;
  return document.languageId === 'arm-template' || schemaName.test(document.getText());
}
