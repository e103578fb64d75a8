// The auditors' workbench: the funnel as known then beside as known now, a project's history,
// verification and reconciliation (each with its completeness against milestone-service's event store),
// the dead letters of funnel-service and audit-service, and the export.
import { amount, api, cityToday, el, fillFilters, href, number, params, read, showError, stageName, start, t } from './app.js';
import { language } from './i18n.js';
import { historyTable } from './history.js';
import { completenessView } from './completeness.js';
import { deadLettersPanel, problemText } from './deadletters.js';
import { cityTime, freshnessNote, leastFresh } from './freshness.js';

const FIGURES = ['reached', 'current', 'lost', 'reachedInvestmentCny', 'currentInvestmentCny'];
const FIGURE_TITLES = { reached: 'reached', current: 'current', lost: 'lost', reachedInvestmentCny: 'reachedInvestment', currentInvestmentCny: 'currentInvestment' };

/** "2024-03-05 10:00:00" in Beijing time → ISO instant; Beijing has no daylight saving. */
function instantOf(cityTime) {
  const [date, time] = cityTime.trim().split(/\s+/);
  const seconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${seconds}+08:00`).toISOString();
}

function show(figure, value) {
  return figure.endsWith('Cny') ? amount(value) : number(value);
}

async function compare(session, form) {
  const errorBox = document.getElementById('compare-error');
  errorBox.replaceChildren();
  document.getElementById('compare-freshness').replaceChildren();
  try {
    const knownAt = instantOf(form.elements.knownAt.value);
    const scope = { validAt: form.elements.validAt.value, district: form.elements.district.value, chain: form.elements.chain.value };
    window.history.replaceState(null, '', href('/audit.html', { ...scope, knownAt }));
    const [then, now] = await Promise.all([read(href('/api/audit/funnel', { ...scope, knownAt })), read(href('/api/audit/funnel', scope))]);
    let differences = 0;
    document.getElementById('compare-table').replaceChildren(
      el('thead', {},
        el('tr', {}, el('th', { rowspan: 2 }, t('stage')), FIGURES.map((figure) => el('th', { colspan: 2, class: 'num' }, t(FIGURE_TITLES[figure])))),
        el('tr', {}, FIGURES.map(() => [el('th', { class: 'num' }, t('knownThen')), el('th', { class: 'num' }, t('knownNow'))]))),
      el('tbody', {}, then.stages.map((stage, index) => el('tr', { dataset: { stage: stage.stage } },
        el('td', {}, stageName(session, stage.stage)),
        FIGURES.map((figure) => {
          const before = stage[figure];
          const after = now.stages[index][figure];
          const differs = String(before) !== String(after);
          if (differs) differences += 1;
          const cell = (value, when) => el('td', { class: `num ${differs ? 'diff' : ''}`, dataset: { figure, when } }, show(figure, value));
          return [cell(before, 'then'), cell(after, 'now')];
        })))));
    document.getElementById('compare-freshness').replaceChildren(
      freshnessNote(leastFresh([then.freshness, now.freshness]), 'compare-freshness-note'));
    const count = document.getElementById('difference-count');
    count.dataset.count = differences;
    count.textContent = differences === 0 ? t('noDifferences') : t('differences', { n: differences });
  } catch (error) {
    showError(errorBox, error);
  }
}

async function history(form) {
  const errorBox = document.getElementById('history-error');
  errorBox.replaceChildren();
  document.getElementById('history-freshness').replaceChildren();
  try {
    const answer = await read(`/api/audit/projects/${encodeURIComponent(form.elements.project.value.trim())}/history`);
    historyTable(document.getElementById('history-table'), answer.events);
    document.getElementById('history-freshness').replaceChildren(freshnessNote(answer.freshness, 'history-freshness-note'));
    const exportLink = document.getElementById('export-history');
    exportLink.href = href('/web/export/history.xlsx', { project: form.elements.project.value.trim(), lang: language() });
    exportLink.hidden = false;
  } catch (error) {
    showError(errorBox, error);
  }
}

async function post(button, path, render, target) {
  button.disabled = true;
  try {
    const answer = await api(path, { method: 'POST' });
    if (!answer.ok) throw new Error(problemText(answer));
    target.replaceChildren(...render(answer.body));
  } catch (error) {
    showError(target, error);
  } finally {
    button.disabled = false;
  }
}

function verdict(ok) {
  return el('p', { class: ok ? 'ok' : 'bad', id: 'verdict' }, ok ? t('ok') : t('failed'));
}

const session = await start('audit');
const query = params();
const compareForm = document.getElementById('compare-form');
fillFilters(session, compareForm, { district: query.get('district'), chain: query.get('chain') });
compareForm.elements.validAt.value = query.get('validAt') ?? cityToday();
compareForm.elements.knownAt.value = cityTime(query.get('knownAt') ?? new Date().toISOString());
compareForm.addEventListener('submit', (event) => { event.preventDefault(); compare(session, compareForm); });
const historyForm = document.getElementById('history-form');
historyForm.addEventListener('submit', (event) => { event.preventDefault(); history(historyForm); });
if (query.get('project')) {
  historyForm.elements.project.value = query.get('project');
  history(historyForm);
}

const verify = document.getElementById('verify');
verify.addEventListener('click', () => post(verify, '/api/audit/verification', (report) => [verdict(report.ok),
  freshnessNote(report.freshness, 'verification-freshness'),
  el('p', {}, `${t('projectsChecked')}: ${number(report.projectsChecked)} · ${t('eventsChecked')}: ${number(report.eventsChecked)}`),
  report.problems.length === 0 ? '' : el('table', {}, el('tbody', {}, report.problems.map((problem) =>
    el('tr', {}, el('td', {}, problem.projectId), el('td', {}, problem.sequence), el('td', {}, problem.problem))))),
  completenessView('verification-completeness', report.completeness)],
document.getElementById('verification')));

const reconcile = document.getElementById('reconcile');
reconcile.addEventListener('click', () => post(reconcile, '/api/audit/reconciliation', (report) => [verdict(report.ok),
  freshnessNote(report.freshness, 'reconciliation-freshness'),
  el('p', {}, `${t('validAt')}: ${report.validAt} · ${t('knownAt')}: ${cityTime(report.knownAt)} · ${t('funnelsCompared')}: ${number(report.funnelsCompared)}`),
  report.differences.length === 0 ? '' : el('table', {},
    el('thead', {}, el('tr', {}, ['scope', 'stage', 'field', 'ledger', 'funnelService'].map((key) => el('th', {}, t(key))))),
    el('tbody', {}, report.differences.map((difference) => el('tr', {}, el('td', {}, difference.scope), el('td', {}, difference.stage),
      el('td', {}, difference.field), el('td', {}, difference.ledger), el('td', {}, difference.funnelService))))),
  completenessView('reconciliation-completeness', report.completeness)],
document.getElementById('reconciliation')));

// not awaited: the page is usable while the two services' dead letters load (or fail, each in its own box)
deadLettersPanel(session, document.getElementById('dead-letters'));
document.body.dataset.loaded = 'true';
