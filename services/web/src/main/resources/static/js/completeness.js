// The completeness part of audit-service's verification and reconciliation answers: each project's head
// (last sequence and hash) in the ledger and in funnel-service against milestone-service's event store,
// the gaps and the parked records. Every list empty is "complete".
import { el, number, t } from './app.js';
import { language } from './i18n.js';

/** At most this many lines of one list are drawn; the count says how many there are. */
const SHOWN = 200;

export function shortHash(hash) {
  return hash ? el('span', { class: 'hash', title: hash }, `${hash.substring(0, 12)}…`) : el('span', { class: 'muted' }, t('absent'));
}

export function projectLink(projectId) {
  return projectId
    ? el('a', { class: 'figure hash', href: `/audit.html?project=${encodeURIComponent(projectId)}`, title: t('showHistory') }, projectId)
    : el('span', { class: 'muted' }, '—');
}

/** "2024-03-05 10:00:00" in Beijing time. */
export function cityTime(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(instant));
}

/** A list's heading with its count, green when empty, red otherwise. */
function listTitle(key, items) {
  const empty = items.length === 0;
  return el('h4', { class: empty ? 'ok' : 'bad' }, `${t(key)}${language() === 'en' ? ': ' : '：'}${number(items.length)}`, empty ? ` · ${t('none')}` : '');
}

function table(id, headings, items, row) {
  if (items.length === 0) return '';
  return [
    el('div', { class: 'scroll' }, el('table', { id },
      el('thead', {}, el('tr', {}, headings.map((key) => el('th', {}, t(key))))),
      el('tbody', {}, items.slice(0, SHOWN).map(row)))),
    items.length > SHOWN ? el('p', { class: 'muted' }, t('shownFirst', { n: number(SHOWN), total: number(items.length) })) : '',
  ];
}

function behind(id, items, copyKey) {
  return table(id, ['projectId', 'sourceSequence', 'sourceHash', `${copyKey}Sequence`, `${copyKey}Hash`], items, (item) =>
    el('tr', { dataset: { project: item.projectId } },
      el('td', {}, projectLink(item.projectId)),
      el('td', { class: 'num' }, number(item.sourceSequence)), el('td', {}, shortHash(item.sourceHash)),
      el('td', { class: 'num' }, item.sequence === null || item.sequence === undefined ? t('absent') : number(item.sequence)),
      el('td', {}, shortHash(item.hash))));
}

export function reasonLabel(reason) {
  const key = `reason_${reason}`;
  const text = t(key);
  const known = text !== key && text !== reason;
  return el('span', { title: reason }, text === key ? reason : text, known ? el('span', { class: 'muted' }, ` (${reason})`) : '');
}

export function statusLabel(status) {
  const key = `dlStatus_${status}`;
  const text = t(key);
  return el('span', { class: `badge dl-${status}` }, text === key ? status : text);
}

/**
 * The completeness section of a report: ok or not, the source's project count, the projects behind in
 * the ledger and in funnel-service, the gaps and the parked records. An answer without it (an older
 * audit-service) says so rather than claiming anything.
 */
export function completenessView(id, completeness) {
  if (!completeness) {
    return el('div', { class: 'completeness', id }, el('p', { class: 'muted' }, t('completenessMissing')));
  }
  const ledgerBehind = completeness.ledgerBehind ?? [];
  const funnelBehind = completeness.funnelBehind ?? [];
  const gaps = completeness.gaps ?? [];
  const parked = completeness.parked ?? [];
  // the contract's items do not say which service parked them; a service name is shown when one is given
  const bySource = parked.some((item) => item.service || item.source);
  const ok = ledgerBehind.length === 0 && funnelBehind.length === 0 && gaps.length === 0 && parked.length === 0;
  return el('div', { class: 'completeness', id, dataset: { ok: String(ok) } },
    el('h3', {}, t('completeness'), ' ', el('span', { class: ok ? 'ok' : 'bad', dataset: { verdict: ok ? 'ok' : 'failed' } },
      ok ? t('ok') : t('failed'))),
    el('p', {}, `${t('sourceProjects')}: ${number(completeness.sourceProjects)}`),
    listTitle('ledgerBehind', ledgerBehind), behind(`${id}-ledger-behind`, ledgerBehind, 'ledger'),
    listTitle('funnelBehind', funnelBehind), behind(`${id}-funnel-behind`, funnelBehind, 'funnel'),
    listTitle('gaps', gaps),
    table(`${id}-gaps`, ['projectId', 'missingSequence'], gaps, (gap) => el('tr', {},
      el('td', {}, projectLink(gap.projectId)), el('td', { class: 'num' }, number(gap.missingSequence)))),
    listTitle('parked', parked),
    table(`${id}-parked`, ['deadLetterId', ...(bySource ? ['service'] : []), 'reason', 'projectId', 'sequence', 'lastFailureAt',
      'attempts', 'status'], parked,
      (item) => el('tr', {},
        el('td', { class: 'num' }, item.id), bySource ? el('td', {}, item.service ?? item.source ?? '—') : '',
        el('td', {}, reasonLabel(item.reason)),
        el('td', {}, projectLink(item.projectId)), el('td', { class: 'num' }, item.sequence ?? '—'),
        el('td', {}, cityTime(item.lastFailureAt)), el('td', { class: 'num' }, item.attempts ?? '—'),
        el('td', {}, statusLabel(item.status)))));
}
