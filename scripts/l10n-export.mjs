// Generates l10n/bundle.l10n.json from the sources (issue 8): every `l10n.t('…')` / `vscode.l10n.t({ message,
// comment })` call whose message is a literal, found with the TypeScript compiler API (already a dev
// dependency) instead of regular expressions. `--check` fails when the bundle is stale; `--audit` lists
// user-facing strings that bypass l10n (literals passed to show*Message, quick-pick titles, tree labels, …).
//   node scripts/l10n-export.mjs [--check] [--audit]
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');

/** Source files of the extension that run in VS Code (the webview client has its own strings). */
function sourceFiles(dir = path.join(root, 'src')) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(`webview-client${path.sep}`))
    .sort()
    .map((f) => path.join(dir, f));
}

function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function literalText(node) {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `l10n.t(...)` or `vscode.l10n.t(...)` */
function isL10nCall(node) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  if (name.text !== 't') return false;
  return (ts.isIdentifier(expression) && expression.text === 'l10n') || (ts.isPropertyAccessExpression(expression) && expression.name.text === 'l10n');
}

function entryOf(call) {
  const [first] = call.arguments;
  const message = literalText(first);
  if (message !== undefined) return { key: message, value: message };
  if (first && ts.isObjectLiteralExpression(first)) {
    const prop = (name) => first.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
    const text = literalText(prop('message'));
    if (text === undefined) return undefined;
    const commentNode = prop('comment');
    const comments = commentNode && ts.isArrayLiteralExpression(commentNode) ? commentNode.elements.map(literalText).filter((c) => c !== undefined) : [literalText(commentNode)].filter((c) => c !== undefined);
    return comments.length ? { key: `${text}/${comments.join('')}`, value: { message: text, comment: comments } } : { key: text, value: text };
  }
  return undefined;
}

export function extractBundle(files = sourceFiles()) {
  const bundle = {};
  const dynamic = [];
  for (const file of files) {
    const source = parse(file);
    const visit = (node) => {
      if (isL10nCall(node)) {
        const entry = entryOf(node);
        if (entry) bundle[entry.key] = entry.value;
        else dynamic.push(location(source, node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((k) => [k, bundle[k]]));
  return { bundle: sorted, dynamic };
}

function location(source, node) {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${path.relative(root, source.fileName)}:${line + 1}`;
}

const messageFunctions = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage', 'withProgress']);
const uiProperties = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'text', 'validationMessage']);

/** Literal user-facing strings that do not go through l10n (heuristic; a list for a human to judge). */
export function auditStragglers(files = sourceFiles()) {
  const found = [];
  for (const file of files) {
    const source = parse(file);
    if (!/from 'vscode'|require\('vscode'\)/.test(source.text)) continue;
    const report = (node, why) => found.push({ at: location(source, node), why, text: node.getText().slice(0, 80) });
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && messageFunctions.has(node.expression.name.text)) {
        const [first] = node.arguments;
        if (first && (literalText(first) !== undefined || ts.isTemplateExpression(first))) report(first, node.expression.name.text);
      }
      if (ts.isPropertyAssignment(node) && uiProperties.has(node.name.getText()) && /[A-Za-z]{3,} [A-Za-z]/.test(literalText(node.initializer) ?? '')) {
        report(node.initializer, `property ${node.name.getText()}`);
      }
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        uiProperties.has(node.left.name.text) &&
        /[A-Za-z]{3,} [A-Za-z]/.test(literalText(node.right) ?? '')
      ) {
        report(node.right, `assignment to .${node.left.name.text}`);
      }
      if (ts.isNewExpression(node) && /TreeItem$/.test(node.expression.getText()) && node.arguments?.[0] && /[A-Za-z]{3,} [A-Za-z]/.test(literalText(node.arguments[0]) ?? '')) {
        report(node.arguments[0], 'TreeItem label');
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

function serialize(bundle) {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Writes l10n/bundle.l10n.json (the build calls this, so a package never ships a stale bundle). */
export function writeBundle() {
  const { bundle } = extractBundle();
  mkdirSync(path.dirname(bundlePath), { recursive: true });
  writeFileSync(bundlePath, serialize(bundle));
  return Object.keys(bundle).length;
}

export function bundleIsCurrent() {
  let current = '';
  try {
    current = readFileSync(bundlePath, 'utf8');
  } catch {
    /* missing: stale */
  }
  return current === serialize(extractBundle().bundle);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { bundle, dynamic } = extractBundle();
  if (process.argv.includes('--check')) {
    if (!bundleIsCurrent()) {
      console.error('l10n/bundle.l10n.json is out of date: run `node scripts/l10n-export.mjs`');
      process.exitCode = 1;
    } else console.log(`l10n: bundle current (${Object.keys(bundle).length} strings)`);
  } else {
    console.log(`l10n: wrote ${writeBundle()} strings to ${path.relative(root, bundlePath)}`);
  }
  for (const at of dynamic) console.log(`l10n: message is not a literal (cannot be translated): ${at}`);
  if (process.argv.includes('--audit')) {
    const stragglers = auditStragglers();
    for (const s of stragglers) console.log(`l10n audit: ${s.at} (${s.why}): ${s.text}`);
    console.log(`l10n audit: ${stragglers.length} literal user-facing string(s) outside l10n`);
  }
}
