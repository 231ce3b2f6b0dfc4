// The first-run walkthrough (issue 8) only points at things that exist: media files, commands the
// extension contributes (or VS Code's own), views it contributes, context keys it sets.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', ...(__dirname.includes(`${path.sep}out${path.sep}`) ? ['..'] : []));

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly markdown?: string; readonly image?: string };
  readonly completionEvents?: readonly string[];
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const [walkthrough] = manifest.contributes.walkthroughs as Array<{ id: string; steps: Step[] }>;
const contributedCommands = new Set((manifest.contributes.commands as Array<{ command: string }>).map((c) => c.command));
const contributedViews = new Set(Object.values(manifest.contributes.views as Record<string, Array<{ id: string }>>).flat().map((v) => v.id));
const localized = (text: string) => text.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? `MISSING ${key}`);

/** VS Code's own commands the walkthrough may use. */
const builtIn = (command: string) => command.startsWith('workbench.');

function sourcesText(): string {
  const src = path.join(root, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(src, f), 'utf8'))
    .join('\n');
}

describe('walkthrough', () => {
  it('has the five steps of the first run, in order', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['connect', 'seeScaleSets', 'checkReadiness', 'enableAutomaticUpgrades', 'rehearse']);
  });

  it('every step has its markdown media under media/walkthrough/ and a completion event', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown?.startsWith('media/walkthrough/'), step.id);
      assert.ok(existsSync(path.join(root, step.media.markdown ?? '')), step.media.markdown);
      assert.ok((step.completionEvents ?? []).length > 0, step.id);
    }
  });

  it('every command a step links to or completes on exists', () => {
    const referenced = walkthrough.steps.flatMap((step) => [
      ...[...localized(step.description).matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]),
      ...(step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]);
    assert.ok(referenced.length >= 5);
    assert.deepEqual(referenced.filter((command) => !contributedCommands.has(command) && !builtIn(command)), []);
  });

  it('every view and context key it waits for exists', () => {
    const events = walkthrough.steps.flatMap((step) => step.completionEvents ?? []);
    for (const view of events.filter((e) => e.startsWith('onView:')).map((e) => e.slice('onView:'.length))) assert.ok(contributedViews.has(view), view);
    const sources = sourcesText();
    for (const key of events.filter((e) => e.startsWith('onContext:')).map((e) => e.slice('onContext:'.length))) assert.ok(sources.includes(`'${key}'`), `${key} is set somewhere in src`);
  });

  it('every step has an English title and description', () => {
    for (const step of walkthrough.steps) {
      assert.doesNotMatch(localized(step.title), /MISSING/);
      assert.doesNotMatch(localized(step.description), /MISSING/);
    }
  });
});
