// "Why did this fail?" (issue 15): for our latest run and Azure's latest upgrade, when they failed —
// each cause in words with its code, the first instances that failed with their evidence, the fixes
// (a button where the extension can run it, the command otherwise, the risk said) and the Learn pages.
import type { WhyCauseView, WhyState, WhyView } from '../webview/contract';
import { el, icon, replaceChildren } from './dom';

const sourceTitle: Record<WhyView['source'], string> = { run: 'This extension’s latest run', platform: 'Azure’s latest rolling / automatic OS upgrade' };

function renderCause(cause: WhyCauseView, first: boolean, key: string): HTMLElement {
  const headingId = `why-${key}-${cause.id}`;
  return el('article', { class: 'why-cause', 'data-cause': cause.id, 'aria-labelledby': headingId }, [
    el('h4', { id: headingId }, [first ? 'Why: ' : 'Also: ', cause.title]),
    el('p', { class: 'why-code' }, [cause.code ? el('code', {}, [cause.code]) : undefined, cause.rules.length ? ` ${cause.rules.join(', ')}` : undefined]),
    el('p', {}, [cause.cause]),
    cause.detail ? el('p', { class: 'why-detail' }, [cause.detail]) : undefined,
    cause.instances.length
      ? el('div', {}, [
          el('p', { class: 'why-label' }, ['First instances that failed']),
          el('ul', { class: 'why-instances' }, cause.instances.map((i) => el('li', { 'data-instance': i.instanceId }, [el('strong', {}, [i.instanceId]), i.evidence ? ` — ${i.evidence}` : '']))),
        ])
      : undefined,
    el('p', { class: 'why-label' }, ['Fixes']),
    el(
      'ul',
      { class: 'why-fixes' },
      cause.fixes.map((f) =>
        el('li', {}, [
          f.action ? el('button', { type: 'button', class: 'action secondary', 'data-action': 'fix', 'data-fix': f.action }, [icon('tools'), el('span', {}, [f.label])]) : el('span', {}, [f.label]),
          f.risk ? el('span', { class: 'why-risk' }, [` Risk: ${f.risk}`]) : undefined,
          f.command ? el('code', { class: 'why-command' }, [f.command]) : undefined,
        ]),
      ),
    ),
    cause.learn.length ? el('p', { class: 'why-learn' }, ['Learn: ', ...cause.learn.flatMap((p, i) => [i > 0 ? ' · ' : '', el('a', { href: p.url }, [p.title])])]) : undefined,
    cause.unverified ? el('p', { class: 'note' }, [`Unverified: ${cause.unverified}`]) : undefined,
  ]);
}

function renderView(view: WhyView): HTMLElement {
  return el('div', { class: 'why-view', 'data-source': view.source, 'data-status': view.status }, [
    el('h3', {}, [`${sourceTitle[view.source]}: ${view.status}`]),
    el('p', { class: 'why-summary' }, [view.summary]),
    ...view.causes.map((c, i) => renderCause(c, i === 0, view.source)),
  ]);
}

export function renderWhy(section: HTMLElement, body: HTMLElement, why: WhyState | undefined): void {
  const views = [why?.run, why?.platform].filter((v): v is WhyView => v !== undefined);
  section.hidden = views.length === 0;
  replaceChildren(body, views.map(renderView));
}
