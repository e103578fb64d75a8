// How fresh the figures are: every answer of funnel-service and audit-service carries a `freshness`
// ({newestEventRecordedAt, newestEventAppliedAt, lag, checkedAt}); the pages show it next to the figures and
// warn when events are still waiting (lag > 0) or when that cannot be told (lag null).
import { el, t } from './app.js';

/** "2024-03-05 10:00:00", Beijing time; '—' for none. */
export function cityTime(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(instant));
}

/**
 * The freshness of figures drawn from several answers: the least fresh of each (the oldest newest event and
 * reading, the largest lag; unknown when any is unknown or missing).
 */
export function leastFresh(freshnesses) {
  const all = freshnesses.map((freshness) => freshness ?? { lag: null });
  const earliest = (field) => all.map((freshness) => freshness[field]).filter(Boolean).sort()[0] ?? null;
  const lags = all.map((freshness) => freshness.lag);
  return {
    newestEventRecordedAt: earliest('newestEventRecordedAt'),
    newestEventAppliedAt: earliest('newestEventAppliedAt'),
    lag: lags.some((lag) => lag === null || lag === undefined) ? null : Math.max(...lags),
    checkedAt: earliest('checkedAt'),
  };
}

/** "数据截至 … ·（最新事件 …）", and a warning when the figures may be incomplete. */
export function freshnessNote(freshness, id) {
  const known = freshness ?? { lag: null };
  const state = known.lag === null || known.lag === undefined ? 'unknown' : known.lag > 0 ? 'behind' : 'current';
  const warning = state === 'current' ? null : el('span', { class: 'incomplete', role: 'status' },
    state === 'behind' ? t('eventsWaiting', { n: known.lag }) : t('freshnessUnknown'));
  return el('p', { class: 'freshness', id, dataset: { state, lag: known.lag ?? '' }, title: t('appliedAt', { at: cityTime(known.newestEventAppliedAt) }) },
    t('dataAsOf', { at: cityTime(known.checkedAt), newest: cityTime(known.newestEventRecordedAt) }), warning);
}
