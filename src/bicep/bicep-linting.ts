// The Bicep linter as its own lazily loaded bundle (dist/bicep-linting.js): web-tree-sitter, the
// grammar's wasm and the Bicep evaluator are read only once a Bicep file is linted (CLI or editor).
export { lintBicepText, type BicepLintOptions, type BicepLintResult } from './lintBicep';
