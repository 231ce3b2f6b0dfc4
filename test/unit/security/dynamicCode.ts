// What counts as dynamic code in a bundle (eval, new Function, Function('…')), and the third-party uses
// reviewed and accepted. Shared by the bundle tests and the .vsix test (test/ui/vsix.test.ts).

export const dynamicCode: ReadonlyArray<readonly [string, RegExp]> = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(...)', /(?<![\w$.]|new\s+)Function\s*\(\s*["'`]/],
  ['indirect eval', /\(\s*0\s*,\s*eval\s*\)/],
];

/**
 * Third-party code allowed to build functions from strings, each with the reason a reviewer accepted.
 * (The simulator's scenario validation, once ajv compiling its schema with `new Function`, is
 * precompiled by scripts/gen-scenario-validator.mjs into plain code.)
 */
export const reviewedExceptions: ReadonlyArray<{ readonly bundles: RegExp; readonly near: RegExp; readonly reason: string }> = [
  {
    // Issue 14: the Bicep linter's parser runtime (web-tree-sitter, Emscripten's dynamic-library loader).
    bundles: /bicep-linting|cli\.js|src\/cli\/main\.ts|template-linting/,
    near: /(ASM_CONSTS\[start\]|moduleExports\[name\])\s*=\s*eval\(func\)/,
    reason:
      "web-tree-sitter builds a function from a string only for EM_ASM / EM_JS sections of a wasm side module it loads. It loads " +
      'exactly one, tree-sitter-bicep.wasm from the package (never workspace content), and that module has no such sections ' +
      '(bicepWasm.test.ts checks its exports), so the eval is unreachable.',
  },
];

export function findDynamicCode(bundle: string, text: string): string[] {
  const found: string[] = [];
  for (const [what, pattern] of dynamicCode) {
    const global = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(global)) {
      const context = text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 60);
      if (!reviewedExceptions.some((e) => e.bundles.test(bundle) && e.near.test(context))) found.push(`${bundle}: ${what} near …${context}…`);
    }
  }
  return found;
}

