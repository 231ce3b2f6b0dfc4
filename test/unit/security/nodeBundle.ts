// The security tests look at what esbuild bundles for Node the way scripts/build.mjs does: in memory, vscode
// external, and the lazily loaded bundles (requires matching `lazy`, e.g. './azure-sdk') left as requires
// of their own .js files rather than pulled in. The result has the output text and the module graph.
import * as esbuild from 'esbuild';

export function buildNodeBundle(root: string, entry: string, lazy: RegExp, options: Pick<esbuild.BuildOptions, 'minify' | 'target'> = {}) {
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    ...options,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['vscode'],
    plugins: [{ name: 'lazy', setup: (build) => void build.onResolve({ filter: lazy }, (args) => ({ path: `${args.path}.js`, external: true })) }],
  });
}
