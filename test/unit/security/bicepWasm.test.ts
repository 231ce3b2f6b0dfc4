// The reviewed exception in dynamicCode.ts rests on this: the only wasm side module web-tree-sitter
// loads, tree-sitter-bicep.wasm, carries no EM_ASM constants (`__start_em_asm`) and no EM_JS functions
// (`__em_js__…`), the two things its loader would turn into code with eval. A grammar update that adds
// them fails here before it ships.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Node's WebAssembly, typed here (the project's lib has no DOM / WebAssembly declarations). */
interface WasmApi {
  Module: { new (bytes: Uint8Array): object; exports(module: object): { name: string; kind: string }[] };
}
const { Module } = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

describe('the Bicep grammar wasm needs no code built from strings (issue 14, issue 8)', () => {
  it('exports no EM_ASM or EM_JS sections', () => {
    const wasm = new Module(readFileSync(path.join(root, 'node_modules', 'tree-sitter-bicep', 'tree-sitter-bicep.wasm')));
    const names = Module.exports(wasm).map((e) => e.name);
    assert.ok(names.some((n) => n.startsWith('tree_sitter_bicep')), `the grammar's language function is exported: ${names.join(', ')}`);
    assert.deepEqual(names.filter((n) => n === '__start_em_asm' || n === '__stop_em_asm' || n.startsWith('__em_js__')), []);
  });
});
