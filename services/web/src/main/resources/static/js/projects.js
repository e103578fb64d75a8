// The projects behind a figure of the dashboard: the same filters, the stage and the figure.
import { amount, duplicateMarks, el, fillFilters, href, label, number, params, read, showError, stageName, start, t } from './app.js';
import { freshnessNote } from './freshness.js';
import { addTexts, language } from './i18n.js';

addTexts({ zh: { figureReachedIn: '{period} 达到「{stage}」', figureReportedIn: '{period} 有投资完成报告' },
  en: { figureReachedIn: 'reached {stage} in {period}', figureReportedIn: 'investment reported for {period}' } });

const PAGE_SIZE = 50;

function title(session, query) {
  const stage = query.get('stage');
  const figure = query.get('figure');
  if (stage && figure) {
    const key = { reached: 'figureReached', current: 'figureCurrent', lost: 'figureLost' }[figure];
    return `${t('projectsOf')} · ${t(key, { stage: stageName(session, stage) })}`;
  }
  if (query.get('cohort')) {
    const [cohortStage, period] = query.get('cohort').split(':');
    return `${t('projectsOf')} · ${t('figureCohort', { stage: stageName(session, cohortStage), period })}`
      + (query.get('outcome') ? ` · ${t(`cohort_${query.get('outcome')}`)}` : '');
  }
  if (query.get('reached')) {
    // the projects behind a target's actual (js/targets.js): reached the stage in the year or month
    const [reachedStage, period] = query.get('reached').split(':');
    return `${t('projectsOf')} · ${t('figureReachedIn', { stage: stageName(session, reachedStage), period })}`;
  }
  if (query.get('reported')) {
    // the projects behind a target's completed investment (js/targets.js)
    return `${t('projectsOf')} · ${t('figureReportedIn', { period: query.get('reported') })}`;
  }
  if (query.get('stalledDays')) return `${t('projectsOf')} · ${t('stalledOver', { days: query.get('stalledDays') })}`;
  return stage ? `${t('projectsOf')} · ${stageName(session, stage)}` : t('projectsOf');
}

async function load(session, form, page) {
  const query = params();
  const filters = { asOf: form.elements.asOf.value, district: session.district || form.elements.district.value,
    chain: form.elements.chain.value, stage: query.get('stage'), figure: query.get('figure'), stalledDays: query.get('stalledDays'),
    cohort: query.get('cohort'), outcome: query.get('outcome'), reached: query.get('reached'),
    reported: query.get('reported') };
  window.history.replaceState(null, '', href('/projects.html', { ...filters, page }));
  document.getElementById('export-xlsx').href = href('/web/export/projects.xlsx',
    { ...filters, sort: 'plannedInvestment,desc', lang: language() });
  try {
    const answer = await read(href('/api/projects', { ...filters, page, size: PAGE_SIZE, sort: 'plannedInvestment,desc' }));
    document.getElementById('projects-table').replaceChildren(
      el('thead', {}, el('tr', {}, ['code', 'name', 'district', 'chain', 'stage', 'since', 'status', 'plannedInvestment']
        .map((key) => el('th', { class: key === 'plannedInvestment' ? 'num' : '' }, t(key))))),
      el('tbody', {}, answer.items.map((item) => el('tr', { dataset: { project: item.projectId } },
        el('td', {}, item.code),
        el('td', {}, el('a', { class: 'figure project-link', href: href('/project.html', { id: item.projectId, asOf: answer.asOf }) }, item.name),
          duplicateMarks(session, item).map((mark) => [' ', mark])),
        el('td', {}, label(item.district)), el('td', {}, label(item.chain)),
        el('td', {}, item.stage ? label(item.stage) : '—'), el('td', {}, item.stageSince ?? '—'),
        el('td', {}, el('span', { class: `badge ${item.status}` }, t(item.status))),
        el('td', { class: 'num' }, amount(item.plannedInvestmentCny))))));
    document.getElementById('freshness').replaceChildren(freshnessNote(answer.freshness, 'projects-freshness'));
    document.getElementById('page-info').textContent = t('page',
      { page: answer.page + 1, pages: Math.max(1, answer.totalPages), total: number(answer.totalItems) });
    document.getElementById('page-info').dataset.total = answer.totalItems;
    document.getElementById('previous').disabled = answer.page === 0;
    document.getElementById('next').disabled = answer.page + 1 >= answer.totalPages;
    document.getElementById('previous').onclick = () => load(session, form, answer.page - 1);
    document.getElementById('next').onclick = () => load(session, form, answer.page + 1);
    document.body.dataset.loaded = 'true';
  } catch (error) {
    showError(document.getElementById('error'), error);
  }
}

const session = await start('projects');
const query = params();
document.getElementById('title').textContent = title(session, query);
const form = document.getElementById('filters');
fillFilters(session, form, { asOf: query.get('asOf'), district: query.get('district'), chain: query.get('chain') });
form.addEventListener('change', () => load(session, form, 0));
await load(session, form, Number(query.get('page') ?? 0));
