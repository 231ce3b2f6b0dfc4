// Downloads the azure-rest-api-specs files our REST description is derived from (src/simulator/contract/
// *.json name them in info.x-source-files and info.x-source-commit), at that pinned commit, with the
// common-types they $ref, into a directory the contract test prefers over our own description:
//   node scripts/refresh-rest-specs.mjs [--out DIR] [--commit SHA]
// DIR defaults to ../shared/rest-specs (beside the repository, where test/contract/specSource.ts looks;
// VMSS_REST_SPECS=DIR points elsewhere). It needs network access to raw.githubusercontent.com, which the
// development machines of this project do not have: run it on a machine that does and place the
// directory under shared/. The files are MIT-licensed Microsoft material; the workplace rule is that
// they are not committed to this repository, hence a directory outside it.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { out: { type: 'string' }, commit: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, '..', 'shared', 'rest-specs'));
const descriptionDir = path.join(root, 'src', 'simulator', 'contract');
const descriptions = ['compute-2026-03-01.json', 'gallery-2025-03-03.json', 'subscriptions-2022-12-01.json', 'resourcegraph-2021-06-01-preview.json', 'alertsmanagement-2019-03-01.json'].map((file) => JSON.parse(readFileSync(path.join(descriptionDir, file), 'utf8')));

const raw = (commit, file) => `https://raw.githubusercontent.com/Azure/azure-rest-api-specs/${commit}/${file}`;

/** Fetches one file and, recursively, every file it $refs (examples excluded: the validator does not need them). */
async function fetchWithRefs(commit, file, seen) {
  const key = `${commit}:${file}`;
  if (seen.has(key)) return;
  seen.add(key);
  const target = path.join(out, file);
  let text;
  if (existsSync(target)) text = readFileSync(target, 'utf8');
  else {
    const res = await fetch(raw(commit, file));
    if (!res.ok) throw new Error(`${file} at ${commit}: HTTP ${res.status}`);
    text = await res.text();
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`refresh-rest-specs: ${file}`);
  }
  const refs = new Set([...text.matchAll(/"\$ref"\s*:\s*"([^"#]+)(#[^"]*)?"/g)].map((m) => m[1]));
  for (const ref of refs) {
    if (ref.includes('/examples/')) continue;
    await fetchWithRefs(commit, path.posix.normalize(path.posix.join(path.posix.dirname(file), ref)), seen);
  }
}

const seen = new Set();
const pinned = [];
for (const doc of descriptions) {
  const commit = values.commit ?? doc.info['x-source-commit'];
  for (const file of doc.info['x-source-files']) {
    await fetchWithRefs(commit, file, seen);
    pinned.push({ file, commit, apiVersion: doc.info.version });
  }
}
writeFileSync(path.join(out, 'PINNED.json'), JSON.stringify({ source: 'Azure/azure-rest-api-specs (MIT)', files: pinned }, null, 2) + '\n');
console.log(`refresh-rest-specs: ${seen.size} files under ${out}`);
