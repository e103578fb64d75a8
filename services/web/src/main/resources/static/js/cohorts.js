// The cohort table of the dashboard (在谈抓签约、签约抓落地、落地抓开工): per period, the projects that reached a stage
// then and how many reached the next one within 90, 180 and 365 days, are waiting or lost (docs/funnel.md
// "Cohorts"). A heat table: each window's cell is shaded by the share of the cohort that reached the next stage
// in it, and every number opens its projects (/projects.html with cohort and outcome).
import { el, href, number, read, stageName, t } from './app.js';

const WINDOWS = ['within90', 'within180', 'within365'];

/** quarter or month, as chosen above the table. */
export function cohortsBy() {
  return document.getElementById('cohorts-by')?.value || 'quarter';
}

function cellLink(filters, transition, period, outcome, text) {
  return el('a', { class: 'figure', href: href('/projects.html', { asOf: filters.asOf, district: filters.district,
    chain: filters.chain, cohort: `${transition.from}:${period.period}`, outcome }),
  dataset: { cohort: `${transition.from}:${period.period}`, outcome: outcome ?? 'all' } }, text);
}

/** Green from white (nobody) to full (everybody) by the share; a window still open is hatched by the stylesheet. */
function heat(share) {
  return share === null ? '' : `background: hsl(125, 45%, ${Math.round(96 - share * 50)}%)`;
}

function windowCell(filters, transition, period, index) {
  const span = period.within[index];
  const share = period.projects === 0 ? null : span.reached / period.projects;
  return el('td', { class: `num heat${span.closed ? '' : ' open'}`, style: heat(share),
    title: span.closed ? null : t('windowOpen'), dataset: { share: share === null ? '' : share.toFixed(3) } },
  cellLink(filters, transition, period, WINDOWS[index], number(span.reached)),
  el('small', {}, share === null ? '' : ` ${(share * 100).toFixed(0)}%`));
}

/** Reads and draws the table; answers the answer's freshness for the page's note. */
export async function cohortsTable(session, filters) {
  const answer = await read(href('/api/funnel/cohorts', { by: cohortsBy(), asOf: filters.asOf,
    district: filters.district, chain: filters.chain }));
  const periods = answer.transitions[0].periods.map((period) => period.period);
  const outcomes = ['projects', ...WINDOWS, 'waiting', 'lost'];
  document.getElementById('cohorts-table').replaceChildren(
    el('thead', {},
      el('tr', {}, el('th', { rowspan: 2 }, t('cohortPeriod')), answer.transitions.map((transition) =>
        el('th', { colspan: outcomes.length, class: 'group' },
          `${stageName(session, transition.from)} → ${stageName(session, transition.to)}`))),
      el('tr', {}, answer.transitions.map(() => outcomes.map((key) => el('th', { class: 'num' }, t(`cohort_${key}`)))))),
    el('tbody', {}, periods.map((name, row) => el('tr', { dataset: { period: name } },
      el('td', {}, name),
      answer.transitions.map((transition) => {
        const period = transition.periods[row];
        return [
          el('td', { class: 'num group' }, cellLink(filters, transition, period, undefined, number(period.projects))),
          WINDOWS.map((key, index) => windowCell(filters, transition, period, index)),
          el('td', { class: 'num' }, cellLink(filters, transition, period, 'waiting', number(period.waiting))),
          el('td', { class: 'num' }, cellLink(filters, transition, period, 'lost', number(period.lost))),
        ];
      })))));
  return answer.freshness;
}
