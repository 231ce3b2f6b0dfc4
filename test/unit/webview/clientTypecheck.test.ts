// The dashboard's browser code (src/webview-client) has its own tsconfig (DOM lib, no Node) and is
// excluded from the root project, so `tsc -p .` does not see it. This test type-checks it with the
// compiler API, so `npm test` fails on a type error there too.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..', path.basename(path.resolve(__dirname, '..', '..', '..')) === 'out' ? '..' : '.');

describe('webview client type-check (src/webview-client/tsconfig.json)', function () {
  this.timeout(120_000);

  it('has no type errors', () => {
    const configPath = path.join(root, 'src', 'webview-client', 'tsconfig.json');
    const read = ts.readConfigFile(configPath, ts.sys.readFile);
    assert.equal(read.error, undefined);
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
    assert.ok(parsed.fileNames.some((f) => f.endsWith('main.ts')), 'the client entry point is part of the project');
    assert.ok(parsed.fileNames.some((f) => f.endsWith(path.join('webview', 'contract.ts'))), 'the shared contract is checked with the client');
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${path.relative(root, d.file.fileName)})` : ''));
    assert.deepEqual(problems, []);
  });
});
