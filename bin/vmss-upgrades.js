#!/usr/bin/env node
// The CLI entry: the bundled core in dist/cli.js (built by `npm run build`).
require('../dist/cli.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`vmss-upgrades: ${err && err.message ? err.message : err}\n`); process.exitCode = 2; },
);
