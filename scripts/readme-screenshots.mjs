// Copies the screenshots the UI tests took (.test-artifacts/screenshots/) that the README shows into
// media/readme/ (README.md shows them). Run after `npm test` (or the UI layer):
//   node scripts/readme-screenshots.mjs
// Fails, naming the missing ones, when a screenshot was not taken (a UI test did not get that far).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const from = path.join(root, '.test-artifacts', 'screenshots');
const to = path.join(root, 'media', 'readme');

/** Screenshot taken by a UI test → name in the README. */
export const readmeScreenshots = {
  'scale-sets-tree.png': 'tree.png',
  'walkthrough.png': 'walkthrough.png',
  'walk-1-enable-blocked.png': 'readiness-blocks-enable.png',
  'walk-4-canary-gate.png': 'dashboard-canary-gate.png',
  'walk-6-embedded-finished.png': 'dashboard-finished.png',
  'walk-9-history.png': 'history.png',
  'why-did-this-fail.png': 'why-did-this-fail.png',
  'rehearsal-dashboard.png': 'rehearsal-dashboard.png',
  'bicep-diagnostic.png': 'bicep-diagnostic.png',
  'maintenance-window-tree.png': 'maintenance-window-tree.png',
};

const missing = Object.keys(readmeScreenshots).filter((file) => !existsSync(path.join(from, file)));
if (missing.length > 0) {
  console.error(`readme-screenshots: not taken yet (run the UI tests): ${missing.join(', ')}`);
  process.exitCode = 1;
} else {
  mkdirSync(to, { recursive: true });
  for (const [file, name] of Object.entries(readmeScreenshots)) copyFileSync(path.join(from, file), path.join(to, name));
  console.log(`readme-screenshots: ${Object.keys(readmeScreenshots).length} images copied to ${path.relative(root, to)}/`);
}
