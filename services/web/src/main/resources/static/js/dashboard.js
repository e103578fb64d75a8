// The leaders' dashboard: every figure comes from funnel-service through the web app, and every
// number links to the list of projects behind it.
import {
  amount, el, fillFilters, href, label, number, params, percent, read, showError, stageName, start, t,
} from './app.js';
import { cohortsBy, cohortsTable } from './cohorts.js';
import { freshnessNote, leastFresh } from './freshness.js';
import { language } from './i18n.js';
import { dashboardSupervision } from './lights.js';

const STAGE_COLORS = ['#9fb3c8', '#f0b429', '#de911d', '#c0392b', '#2e7d32'];
const charts = {};

function chart(id) {
  charts[id] ??= echarts.init(document.getElementById(id));
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

function filterValues(form) {
  return { asOf: form.elements.asOf.value, district: form.elements.district.value, chain: form.elements.chain.value };
}

function listLink(filters, stage, figure, text, extra = {}) {
  return el('a', { class: 'figure', href: href('/projects.html', { ...filters, stage, figure, ...extra }),
    dataset: { stage, figure, ...(extra.district ? { district: extra.district } : {}), ...(extra.chain ? { chain: extra.chain } : {}) } }, text);
}

function kpis(session, funnel, filters) {
  const talks = funnel.stages[0];
  const byStage = Object.fromEntries(funnel.stages.map((stage) => [stage.stage, stage]));
  const plan = session.plan;
  const projectShare = Math.min(100, (talks.reached / plan.projects) * 100);
  const investmentShare = Math.min(100, (Number(talks.reachedInvestmentCny) / Number(plan.investmentCny)) * 100);
  const card = (labelText, value, sub, share, id) => el('div', { class: 'card kpi span-3', id },
    el('div', { class: 'label' }, labelText), el('div', { class: 'value' }, value), el('div', { class: 'sub' }, sub),
    share === undefined ? null : el('div', { class: 'progress' }, el('div', { style: `width:${share.toFixed(1)}%` })));
  document.getElementById('kpis').replaceChildren(
    card(t('progressProjects'), listLink(filters, 'TALKS', 'reached', number(talks.reached)),
      `${t('target')} ${number(plan.projects)} · ${t('due')} ${plan.due} · ${projectShare.toFixed(1)}%`, projectShare, 'kpi-projects'),
    card(t('progressInvestment'), amount(talks.reachedInvestmentCny),
      `${t('target')} ${amount(plan.investmentCny)} · ${t('due')} ${plan.due} · ${investmentShare.toFixed(1)}%`, investmentShare, 'kpi-investment'),
    card(`${stageName(session, 'SIGNED')} · ${t('reached')}`, listLink(filters, 'SIGNED', 'reached', number(byStage.SIGNED.reached)),
      amount(byStage.SIGNED.reachedInvestmentCny), undefined, 'kpi-signed'),
    card(`${stageName(session, 'STARTED')} · ${t('reached')}`, listLink(filters, 'STARTED', 'reached', number(byStage.STARTED.reached)),
      amount(byStage.STARTED.reachedInvestmentCny), undefined, 'kpi-started'));
}

function funnelChart(session, funnel, filters) {
  const c = chart('funnel-chart');
  c.setOption({
    tooltip: { trigger: 'item', renderMode: 'richText', formatter: (p) => `${p.name}: ${number(p.value)}` },
    color: STAGE_COLORS,
    series: [{ type: 'funnel', sort: 'none', left: '5%', width: '90%', minSize: '12%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name}\n${number(p.value)}` },
      data: funnel.stages.map((stage) => ({ name: stageName(session, stage.stage), value: stage.reached, stage: stage.stage })) }],
  }, true);
  c.off('click');
  c.on('click', (p) => window.location.assign(href('/projects.html', { ...filters, stage: p.data.stage, figure: 'reached' })));
}

function funnelTable(session, funnel, filters) {
  const conversionFrom = Object.fromEntries(funnel.conversions.map((conversion) => [conversion.from, conversion.rate]));
  document.getElementById('funnel-table').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('stage')), ['reached', 'current', 'lost', 'reachedInvestment', 'currentInvestment', 'conversion']
      .map((key) => el('th', { class: 'num' }, t(key))))),
    el('tbody', {}, funnel.stages.map((stage) => el('tr', { dataset: { stage: stage.stage } },
      el('td', {}, stageName(session, stage.stage)),
      ['reached', 'current', 'lost'].map((figure) => el('td', { class: 'num' }, listLink(filters, stage.stage, figure, number(stage[figure])))),
      el('td', { class: 'num' }, amount(stage.reachedInvestmentCny)),
      el('td', { class: 'num' }, amount(stage.currentInvestmentCny)),
      el('td', { class: 'num' }, stage.stage in conversionFrom ? `→ ${percent(conversionFrom[stage.stage])}` : '')))));
}

function leagueTable(session, tableId, chartId, breakdown, filters, by) {
  const entries = [...breakdown.funnels].sort((a, b) => b.stages[0].reached - a.stages[0].reached
    || Number(b.stages[0].reachedInvestmentCny) - Number(a.stages[0].reachedInvestmentCny));
  const scope = (entry) => (by === 'district' ? { district: entry.code } : { chain: entry.code });
  document.getElementById(tableId).replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t(by)), session.stages.map((stage) => el('th', { class: 'num' }, label(stage))),
      el('th', { class: 'num' }, t('reachedInvestment')))),
    el('tbody', {}, entries.map((entry) => el('tr', { dataset: { scope: entry.code } },
      el('td', {}, label(entry)),
      entry.stages.map((stage) => el('td', { class: 'num' },
        listLink({ ...filters, ...scope(entry) }, stage.stage, 'reached', number(stage.reached), scope(entry)))),
      el('td', { class: 'num' }, amount(entry.stages[0].reachedInvestmentCny))))));
  const c = chart(chartId);
  c.setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { top: 0 }, color: STAGE_COLORS,
    grid: { left: 40, right: 10, bottom: 70, top: 40 },
    xAxis: { type: 'category', data: entries.map((entry) => label(entry)), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: session.stages.map((stage, index) => ({ name: label(stage), type: 'bar', stack: 'current', stage: stage.stage,
      data: entries.map((entry) => entry.stages[index].current) })),
  }, true);
  c.off('click');
  c.on('click', (p) => window.location.assign(href('/projects.html',
    { ...filters, ...scope(entries[p.dataIndex]), stage: session.stages[p.seriesIndex].stage, figure: 'current' })));
}

function trendChart(session, trend) {
  chart('trend-chart').setOption({
    tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { top: 0 }, color: STAGE_COLORS,
    grid: { left: 40, right: 10, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: trend.months.map((month) => month.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: session.stages.map((stage, index) => ({ name: label(stage), type: 'line', smooth: true,
      data: trend.months.map((month) => month.stages[index].reached) })),
  }, true);
}

function cycleTable(session, times) {
  document.getElementById('cycle-table').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('stage')), ['count', 'median', 'p90'].map((key) => el('th', { class: 'num' }, t(key))))),
    el('tbody', {}, times.cycleTimes.map((time) => el('tr', {},
      el('td', {}, `${stageName(session, time.from)} → ${stageName(session, time.to)}`),
      el('td', { class: 'num' }, number(time.count)),
      el('td', { class: 'num' }, time.medianDays === null ? '—' : time.medianDays.toFixed(0)),
      el('td', { class: 'num' }, time.p90Days === null ? '—' : time.p90Days.toFixed(0))))));
}

/** Red, amber or green by the stage's thresholds; PRODUCING and stage-less projects never stall. */
function rag(session, stage, days) {
  const amber = session.stalled.amberDays[stage];
  const red = session.stalled.redDays[stage];
  if (amber === undefined) return 'green';
  if (days > red) return 'red';
  return days > amber ? 'amber' : 'green';
}

async function stalledTable(session, filters) {
  const amberDays = Object.values(session.stalled.amberDays);
  const fewest = Math.min(...amberDays);
  document.getElementById('stalled-hint').textContent = `${t('stalledHint')}: ` + session.stages
    .filter((stage) => session.stalled.amberDays[stage.stage] !== undefined)
    .map((stage) => `${label(stage)} ${session.stalled.amberDays[stage.stage]}/${session.stalled.redDays[stage.stage]}`).join(' · ');
  const page = await read(href('/api/projects', { ...filters, stalledDays: fewest, sort: 'stageSince,asc', size: 200 }));
  const asOf = new Date(page.asOf);
  const rows = page.items.map((item) => ({ item, days: Math.round((asOf - new Date(item.stageSince)) / 86400000) }))
    .map((row) => ({ ...row, rag: rag(session, row.item.stage.code, row.days) }))
    .filter((row) => row.rag !== 'green');
  document.getElementById('stalled-table').replaceChildren(
    el('thead', {}, el('tr', {}, ['code', 'name', 'district', 'chain', 'stage', 'since', 'daysInStage', 'status', 'plannedInvestment']
      .map((key) => el('th', { class: ['daysInStage', 'plannedInvestment'].includes(key) ? 'num' : '' }, t(key))))),
    el('tbody', {}, rows.length === 0 ? el('tr', {}, el('td', { colspan: 9, class: 'muted' }, t('none')))
      : rows.map(({ item, days, rag: colour }) => el('tr', { dataset: { rag: colour, project: item.projectId } },
        el('td', {}, el('span', { class: `rag ${colour}`, title: t(colour) }), item.code),
        el('td', {}, el('a', { class: 'figure', href: href('/project.html', { id: item.projectId, asOf: page.asOf }) }, item.name)),
        el('td', {}, label(item.district)), el('td', {}, label(item.chain)), el('td', {}, label(item.stage)),
        el('td', {}, item.stageSince), el('td', { class: 'num' }, number(days)),
        el('td', {}, el('span', { class: `badge ${item.status}` }, t(item.status))),
        el('td', { class: 'num' }, amount(item.plannedInvestmentCny))))));
  return page.freshness;
}

function monthsBefore(date, count) {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Three years up to the date, and never less than the plan's whole span (from January two years before its due date). */
function trendStart(session, asOf) {
  const threeYears = monthsBefore(asOf, 35);
  const planStart = `${Number(session.plan.due.substring(0, 4)) - 2}-01`;
  return planStart < threeYears ? planStart : threeYears;
}

async function load(session, form) {
  const filters = filterValues(form);
  if (session.district) filters.district = session.district;
  window.history.replaceState(null, '', href('/dashboard.html', filters));
  const errorBox = document.getElementById('error');
  errorBox.replaceChildren();
  document.getElementById('freshness').replaceChildren();
  try {
    const [funnel, byDistrict, byChain, trend, times] = await Promise.all([
      read(href('/api/funnel', filters)),
      read(href('/api/funnel/breakdown', { by: 'district', asOf: filters.asOf, chain: filters.chain, district: session.district })),
      read(href('/api/funnel/breakdown', { by: 'chain', asOf: filters.asOf, district: filters.district })),
      read(href('/api/funnel/trend', { from: trendStart(session, filters.asOf), to: filters.asOf.substring(0, 7),
        district: filters.district, chain: filters.chain })),
      read(href('/api/funnel/cycle-times', filters)),
    ]);
    kpis(session, funnel, filters);
    funnelChart(session, funnel, filters);
    funnelTable(session, funnel, filters);
    leagueTable(session, 'district-table', 'district-chart', byDistrict, filters, 'district');
    leagueTable(session, 'chain-table', 'chain-chart', byChain, filters, 'chain');
    trendChart(session, trend);
    cycleTable(session, times);
    const stalledFreshness = await stalledTable(session, filters);
    const cohortsFreshness = await cohortsTable(session, filters);
    const supervisionFreshness = await dashboardSupervision(session, filters);
    document.getElementById('freshness').replaceChildren(freshnessNote(leastFresh(
      [funnel, byDistrict, byChain, trend, times].map((answer) => answer.freshness)
        .concat([stalledFreshness, cohortsFreshness], supervisionFreshness)), 'dashboard-freshness'));
    document.getElementById('export-xlsx').href = href('/web/export/dashboard.xlsx', { ...filters,
      from: trendStart(session, filters.asOf), to: filters.asOf.substring(0, 7), cohorts: cohortsBy(), lang: language() });
    document.body.dataset.loaded = filters.asOf + '|' + filters.district + '|' + filters.chain;
  } catch (error) {
    showError(errorBox, error);
  }
}

const session = await start('dashboard');
const form = document.getElementById('filters');
const query = params();
fillFilters(session, form, { asOf: query.get('asOf'), district: query.get('district'), chain: query.get('chain') });
form.addEventListener('change', () => load(session, form));
form.addEventListener('submit', (event) => { event.preventDefault(); load(session, form); });
document.getElementById('cohorts-by').addEventListener('change', () => load(session, form));
await load(session, form);
