// Issue 19 item 1: targets (目标任务) broken down by district and chain, against what was reached in the year
// (funnel-service's GET /api/supervision/targets). The dashboard's card #targets-card: the year (default this year in
// the city) and the dashboard's date, district and chain; progress per district, per chain, per cell and a chain
// leader's view (one chain across the districts); every stage number opens its projects
// (/projects.html?reached=STAGE:YYYY). An ADMIN sets or changes one cell's target with a reason
// (POST /api/supervision/targets, milestone-service); everyone reads a cell's history. Mounts itself.
import {
  amount, api, cityToday, el, href, label, me, newKey, number, params, read, showError, t, wanToYuan,
} from './app.js';
import { addTexts, language } from './i18n.js';
import { cityTime, freshnessNote } from './freshness.js';

// zh and en list the same keys on purpose (one dictionary per language, as in i18n.js).
addTexts({
  zh: {
    targets: '目标任务完成情况', targetsYear: '年度', targetsHint: '实际：当年 1 月 1 日至截至日期（不晚于年末）达到该阶段的项目；计划投资为当年签约项目的计划总投资；完成投资为当年新增的累计完成投资。数字可点开查看项目。',
    targetsByDistrict: '分区', targetsByChain: '分产业链', targetsCells: '分区分产业链（有目标或实际的单元）',
    targetsChainView: '链长视图：一条产业链在各区的进度', targetsTotal: '合计', exportTargets: '导出目标完成情况（.xlsx）',
    measure_signed: '签约', measure_landed: '落地', measure_started: '开工', measure_producing: '投产',
    measure_plannedInvestmentCny: '签约项目计划投资', measure_completedInvestmentCny: '完成投资',
    part_target: '目标', part_actual: '实际', part_percent: '完成率', targetsSet: '设定目标',
    targetsSetHint: '为一个区、一条产业链设定本年度目标：填写的各项替换该单元原有的全部目标（留空即不设该项目标）。须填写原因。',
    targetsCell: '单元', targetsEdit: '修改', targetsShowHistory: '调整记录', targetsHistory: '目标调整记录',
    targetsNoHistory: '该单元尚无目标调整记录。', targetsSaved: '已保存（事件 {event}，序号 {sequence}），共 {cells} 个单元。',
    targetsWaiting: '已保存，等待看板计入…', targetsCountInvalid: '须为不小于 0 的整数', targetsReadOnly: '仅管理员可设定目标。',
    targetsNone: '无', targetsTime: '时间（北京）', targetsBy: '调整人', targetsReason: '原因', targetsTargets: '目标',
    targetsNoCells: '本年度尚无目标或实际。', field_targetsReason: '原因',
  },
  en: {
    targets: 'Progress against targets', targetsYear: 'Year', targetsHint: 'Actual: projects that reached the stage from 1 January to the date (at most the year\'s end); planned investment of the projects signed in the year; investment completed in the year. Click a number for its projects.',
    targetsByDistrict: 'By district', targetsByChain: 'By chain', targetsCells: 'By district and chain (cells with a target or an actual)',
    targetsChainView: 'Chain leader\'s view: one chain across the districts', targetsTotal: 'Total', exportTargets: 'Export the targets (.xlsx)',
    measure_signed: 'Signed', measure_landed: 'Landed', measure_started: 'Started', measure_producing: 'Producing',
    measure_plannedInvestmentCny: 'Planned investment signed', measure_completedInvestmentCny: 'Investment completed',
    part_target: 'Target', part_actual: 'Actual', part_percent: '%', targetsSet: 'Set a target',
    targetsSetHint: 'Set one district\'s and one chain\'s target for the year: the figures given replace the cell\'s whole target (left empty: no target for it). A reason is required.',
    targetsCell: 'Cell', targetsEdit: 'Change', targetsShowHistory: 'History', targetsHistory: 'Changes of the target',
    targetsNoHistory: 'This cell\'s target has never been set.', targetsSaved: 'Saved (event {event}, sequence {sequence}), {cells} cell(s).',
    targetsWaiting: 'Saved; waiting for the dashboard to count it…', targetsCountInvalid: 'A whole number, 0 or more', targetsReadOnly: 'Only an admin may set targets.',
    targetsNone: 'None', targetsTime: 'At (Beijing)', targetsBy: 'By', targetsReason: 'Reason', targetsTargets: 'Targets',
    targetsNoCells: 'No target and no actual in this year yet.', field_targetsReason: 'Reason',
  },
});

/** The measures of a target, in the API's order; the four counts open the projects that reached their stage. */
export const MEASURES = ['signed', 'landed', 'started', 'producing', 'plannedInvestmentCny', 'completedInvestmentCny'];
const COUNTS = ['signed', 'landed', 'started', 'producing'];
const AMOUNTS = ['plannedInvestmentCny', 'completedInvestmentCny'];
/** The stage whose projects a measure counts (planned investment: the projects signed in the year). */
const STAGE_OF = { signed: 'SIGNED', landed: 'LANDED', started: 'STARTED', producing: 'PRODUCING', plannedInvestmentCny: 'SIGNED' };
const PARTS = ['target', 'actual', 'percent'];

/** A row's label: funnel-service's rows carry {code, nameZh, nameEn} themselves (plan/TARGETS.md: under "label"). */
function labelOf(entry) {
  return entry?.label ?? entry;
}

/** A label of the answer ({code, nameZh, nameEn} or {code, zh, en}); the total has no code. */
function name(item) {
  if (!item || !item.code) return t('targetsTotal');
  return label(item) || (language() === 'en' ? item.en : item.zh) || item.code;
}

function value(measure, raw) {
  if (raw === null || raw === undefined) return '—';
  return AMOUNTS.includes(measure) ? amount(raw) : number(raw);
}

export function percentText(percent) {
  return percent === null || percent === undefined ? '—' : `${Number(percent).toFixed(1)}%`;
}

/** "1500000000.00" yuan → "150000" 万元, exactly, for the form. */
function yuanToWan(yuan) {
  if (yuan === null || yuan === undefined) return '';
  const [whole, fraction = ''] = String(yuan).split('.');
  const digits = `${whole.padStart(5, '0')}${fraction.padEnd(2, '0')}`;
  const wan = `${digits.slice(0, -6).replace(/^0+(?=\d)/, '')}.${digits.slice(-6)}`.replace(/\.?0+$/, '');
  return wan === '' ? '0' : wan;
}

let session;
let card;
const state = { year: null, answer: null };

/**
 * The dashboard's filters (its date, district and chain) as its URL holds them: dashboard.js writes them there as soon
 * as they change (and before its first read), whether or not its form is filled yet; a district office's is its own.
 */
function dashboardFilters() {
  const query = params();
  return { asOf: query.get('asOf') || cityToday(), district: session.district || query.get('district') || '',
    chain: query.get('chain') || '' };
}

function query(filters, extra = {}) {
  return { year: state.year, asOf: filters.asOf, district: filters.district, chain: filters.chain, ...extra };
}

/** A figure's three cells: target, actual (a link to its projects where it counts projects) and percent. */
function figureCells(measure, m, scope, answer) {
  const stage = STAGE_OF[measure];
  // completed investment opens the projects whose reports make it (those that reported for a month of the year)
  const actual = stage
    ? el('a', { class: 'figure', href: href('/projects.html', { reached: `${stage}:${answer.year}`, district: scope.district,
      chain: scope.chain, asOf: answer.asOf }), dataset: { measure, reached: `${stage}:${answer.year}` } }, value(measure, m?.actual))
    : el('a', { class: 'figure', href: href('/projects.html', { reported: String(answer.year), district: scope.district,
      chain: scope.chain, asOf: answer.asOf }), dataset: { measure, reported: String(answer.year) } }, value(measure, m?.actual));
  const reachedAll = m && m.percent !== null && m.percent !== undefined && m.percent >= 100;
  return [
    el('td', { class: 'num group', dataset: { measure, part: 'target' } }, value(measure, m?.target)),
    el('td', { class: 'num', dataset: { measure, part: 'actual' } }, actual),
    el('td', { class: `num${reachedAll ? ' ok' : ''}`, dataset: { measure, part: 'percent' } }, percentText(m?.percent)),
  ];
}

function header(firstKey, extra) {
  return el('thead', {},
    el('tr', {}, el('th', { rowspan: 2 }, t(firstKey)), MEASURES.map((measure) =>
      el('th', { colspan: 3, class: 'group' }, t(`measure_${measure}`))), extra ? el('th', { rowspan: 2 }) : null),
    el('tr', {}, MEASURES.map(() => PARTS.map((part) => el('th', { class: 'num' }, t(`part_${part}`))))));
}

/** rows: [{key, label, scope: {district, chain}, figures, actions?}] */
function figuresTable(id, firstKey, rows, answer, withActions = false) {
  const table = document.getElementById(id);
  table.classList.add('heat-table');
  table.replaceChildren(header(firstKey, withActions),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: 1 + MEASURES.length * 3, class: 'muted' }, t('targetsNoCells')))
      : rows.map((row) => el('tr', { dataset: { scope: row.key }, class: row.total ? 'total' : null },
        el('td', {}, row.total ? el('strong', {}, row.label) : row.label),
        MEASURES.map((measure) => figureCells(measure, row.figures?.[measure], row.scope, answer)),
        withActions ? el('td', {}, row.actions ?? '') : null))));
}

function districtRows(answer, filters) {
  return [{ key: 'total', total: true, label: t('targetsTotal'), scope: filters, figures: answer.total?.figures },
    ...(answer.byDistrict ?? []).map((entry) => ({ key: labelOf(entry).code, label: name(labelOf(entry)),
      scope: { district: labelOf(entry).code, chain: filters.chain }, figures: entry.figures }))];
}

function chainRows(answer, filters) {
  return [{ key: 'total', total: true, label: t('targetsTotal'), scope: filters, figures: answer.total?.figures },
    ...(answer.byChain ?? []).map((entry) => ({ key: labelOf(entry).code, label: name(labelOf(entry)),
      scope: { district: filters.district, chain: labelOf(entry).code }, figures: entry.figures }))];
}

function cellRows(answer) {
  return (answer.cells ?? []).map((cell) => {
    const district = cell.district.code;
    const chain = cell.chain.code;
    const pick = (action) => el('button', { type: 'button', class: 'secondary small', dataset: { cell: `${district}|${chain}`, action },
      onclick: () => chooseCell(district, chain) }, t(action === 'edit' ? 'targetsEdit' : 'targetsShowHistory'));
    return { key: `${district}|${chain}`, label: `${name(cell.district)} · ${name(cell.chain)}`, scope: { district, chain },
      figures: cell.figures, actions: session.role === 'ADMIN' ? pick('edit') : pick('history') };
  });
}

async function drawChainView(filters) {
  const chain = document.getElementById('targets-chain-view').value;
  if (!chain) { document.getElementById('targets-chain-view-table').replaceChildren(); return; }
  const answer = await read(href('/api/supervision/targets', query({ ...filters, chain })));
  figuresTable('targets-chain-view-table', 'district', districtRows(answer, { ...filters, chain }), answer);
}

/** Reads and draws every table of the card for the dashboard's filters and the chosen year. */
async function load() {
  const filters = dashboardFilters();
  const box = document.getElementById('targets-error');
  box.replaceChildren();
  try {
    const answer = await read(href('/api/supervision/targets', query(filters)));
    state.answer = answer;
    document.getElementById('targets-asof').textContent = `${t('asOf')} ${answer.until ?? answer.asOf}`;
    figuresTable('targets-district-table', 'district', districtRows(answer, filters), answer);
    figuresTable('targets-chain-table', 'chain', chainRows(answer, filters), answer);
    figuresTable('targets-cells-table', 'targetsCell', cellRows(answer), answer, true);
    await drawChainView(filters);
    document.getElementById('targets-freshness').replaceChildren(freshnessNote(answer.freshness, 'targets-freshness-note'));
    document.getElementById('export-targets').href = href('/web/export/targets.xlsx', { ...query(filters), lang: language() });
    card.dataset.loaded = `${answer.year}|${answer.asOf}|${filters.district}|${filters.chain}`;
  } catch (error) {
    showError(box, error);
  }
}

// --- one cell: its history for everyone, its target for an ADMIN -------------------------------------------

function cellForm() {
  return document.getElementById('target-form');
}

function chosenCell() {
  const form = cellForm();
  return { district: form.elements.district.value, chain: form.elements.chain.value };
}

let cellLoads = 0;

/** The cell's target as it stands (an empty form where none is set), then its history; form[data-cell] says which. */
async function showCell() {
  const form = cellForm();
  const { district, chain } = chosenCell();
  const filters = dashboardFilters();
  cellLoads += 1;
  const loadNumber = cellLoads;
  delete form.dataset.cell;
  try {
    const [answer, history] = await Promise.all([
      read(href('/api/supervision/targets', { year: state.year, asOf: filters.asOf, district, chain })),
      read(href('/api/supervision/targets/history', { year: state.year, district, chain })),
    ]);
    if (loadNumber !== cellLoads) return; // another cell (or year) was chosen meanwhile: its answer is the one to show
    if (session.role === 'ADMIN') {
      const cell = (answer.cells ?? []).find((one) => one.district.code === district && one.chain.code === chain);
      MEASURES.forEach((measure) => {
        const target = cell?.figures?.[measure]?.target;
        form.elements[measure].value = AMOUNTS.includes(measure) ? yuanToWan(target) : (target ?? '');
      });
      form.dataset.key = newKey();
    }
    drawHistory(history);
    form.dataset.cell = `${state.year}|${district}|${chain}`;
  } catch (error) {
    showError(document.getElementById('targets-history'), error);
  }
}

function drawHistory(history) {
  const box = document.getElementById('targets-history');
  const changes = history.changes ?? [];
  if (changes.length === 0) {
    box.replaceChildren(el('p', { class: 'muted', id: 'targets-no-history' }, t('targetsNoHistory')));
    return;
  }
  box.replaceChildren(el('div', { class: 'scroll' }, el('table', { id: 'targets-history-table' },
    el('thead', {}, el('tr', {}, ['targetsTime', 'targetsBy', 'targetsReason', ...MEASURES.map((m) => `measure_${m}`)]
      .map((key) => el('th', {}, t(key))))),
    el('tbody', {}, changes.map((change) => el('tr', { dataset: { event: change.eventId } },
      el('td', {}, cityTime(change.time)), el('td', {}, change.recordedBy), el('td', { class: 'reason' }, change.reason),
      MEASURES.map((measure) => el('td', { class: 'num', dataset: { measure } },
        value(measure, (change.target ?? change.figures)?.[measure])))))))));
}

function chooseCell(district, chain) {
  const form = cellForm();
  form.elements.district.value = district;
  form.elements.chain.value = chain;
  showCell();
  form.scrollIntoView({ block: 'nearest' });
}

function markField(form, field, message) {
  const slot = form.querySelector(`[data-error-for="${field}"]`);
  if (!slot) return false;
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  form.elements[field]?.classList.add('invalid');
  return true;
}

function clearMessages(form) {
  form.querySelectorAll('.field-error').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
  document.getElementById('target-message').replaceChildren();
}

/** The form as the API's request: one cell, the measures given (counts whole, amounts 万元 → yuan); null when invalid. */
function collect(form) {
  let valid = true;
  const cell = { district: form.elements.district.value, chain: form.elements.chain.value };
  COUNTS.forEach((measure) => {
    const text = form.elements[measure].value.trim();
    if (text === '') return;
    if (!/^\d+$/.test(text)) { markField(form, measure, t('targetsCountInvalid')); valid = false; return; }
    cell[measure] = Number(text);
  });
  AMOUNTS.forEach((measure) => {
    const text = form.elements[measure].value.trim();
    if (text === '') return;
    const yuan = wanToYuan(text);
    if (yuan === null) { markField(form, measure, t('amountInvalid')); valid = false; return; }
    cell[measure] = yuan;
  });
  const reason = form.elements.reason.value.trim();
  if (!reason) { markField(form, 'reason', t('required')); valid = false; }
  return valid ? { year: Number(state.year), reason, targets: [cell] } : null;
}

/** The API's field (targets[0].signed, reason, year) as the form's. */
function formField(field) {
  return String(field ?? '').replace(/^targets\[\d+\]\./, '');
}

/** Waits (a few seconds at most) until funnel-service shows the cell's new targets, then redraws. */
async function awaitApplied(body) {
  const cell = body.targets[0];
  const filters = dashboardFilters();
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const answer = await read(href('/api/supervision/targets', { year: body.year, asOf: filters.asOf,
      district: cell.district, chain: cell.chain }));
    const shown = (answer.cells ?? []).find((one) => one.district.code === cell.district && one.chain.code === cell.chain);
    const same = MEASURES.every((measure) => {
      const target = shown?.figures?.[measure]?.target ?? null;
      const sent = cell[measure] ?? null;
      return target === null || sent === null ? target === sent : Number(target) === Number(sent);
    });
    if (same) return true;
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  return false;
}

async function submit(event) {
  event.preventDefault();
  const form = cellForm();
  if (form.dataset.busy === 'true') return;
  clearMessages(form);
  const body = collect(form);
  if (body === null) return;
  const button = form.querySelector('button[type=submit]');
  const message = document.getElementById('target-message');
  form.dataset.busy = 'true';
  button.disabled = true;
  try {
    const answer = await api('/api/supervision/targets', { method: 'POST', body, headers: { 'Idempotency-Key': form.dataset.key } });
    if (!answer.ok) {
      const problem = answer.body;
      const lines = [el('div', { class: 'detail' }, problem?.detail ?? `${answer.status}`)];
      (problem?.errors ?? []).forEach((error) => {
        if (!markField(form, formField(error.field), error.message)) lines.push(el('div', {}, `${error.field}: ${error.message}`));
      });
      message.replaceChildren(el('div', { class: 'error-box', role: 'alert', dataset: { status: answer.status } }, lines));
      return;
    }
    message.replaceChildren(el('div', { class: 'ok-box', role: 'status', dataset: { event: answer.body.eventId } },
      t('targetsWaiting')));
    await awaitApplied(body);
    message.replaceChildren(el('div', { class: 'ok-box', role: 'status', id: 'target-saved', dataset: { event: answer.body.eventId } },
      t('targetsSaved', { event: answer.body.eventId, sequence: answer.body.sequence, cells: answer.body.cells })));
    form.elements.reason.value = '';
    await Promise.all([load(), showCell()]);
  } catch (error) {
    showError(message, error);
  } finally {
    form.dataset.busy = 'false';
    button.disabled = false;
  }
}

function field(key, control, inputName) {
  return el('label', { class: 'field', dataset: { field: inputName } }, el('span', {}, t(key)), control,
    el('span', { class: 'field-error', dataset: { errorFor: inputName } }));
}

function buildCellForm() {
  const admin = session.role === 'ADMIN';
  const districts = session.district ? session.districts.filter((d) => d.code === session.district) : session.districts;
  const form = el('form', { id: 'target-form', class: 'action-form', novalidate: true, dataset: { key: newKey() } },
    el('div', { class: 'inline-form' },
      field('district', el('select', { name: 'district' }, districts.map((d) => el('option', { value: d.code }, label(d)))), 'district'),
      field('chain', el('select', { name: 'chain' }, session.chains.map((c) => el('option', { value: c.code }, label(c)))), 'chain')),
    admin ? el('div', { class: 'inline-form' },
      COUNTS.map((measure) => field(`measure_${measure}`, el('input', { name: measure, type: 'number', min: 0, step: 1, inputmode: 'numeric' }), measure)),
      AMOUNTS.map((measure) => field(`measure_${measure}`, el('input', { name: measure, inputmode: 'decimal', placeholder: t('wan') }), measure))) : null,
    admin ? field('field_targetsReason', el('textarea', { name: 'reason', rows: 2 }), 'reason') : null,
    el('div', { id: 'target-message' }),
    admin ? el('button', { type: 'submit', class: 'primary', id: 'target-submit' }, t('submit'))
      : el('p', { class: 'muted' }, t('targetsReadOnly')));
  // the dashboard's district and chain, when it has them, are the cell shown first
  const filters = dashboardFilters();
  if (filters.district) form.elements.district.value = filters.district;
  if (filters.chain) form.elements.chain.value = filters.chain;
  form.elements.district.addEventListener('change', showCell);
  form.elements.chain.addEventListener('change', showCell);
  form.addEventListener('input', (event) => {
    if (event.target.name !== 'district' && event.target.name !== 'chain') form.dataset.key = newKey();
  });
  form.addEventListener('submit', submit);
  return form;
}

async function mount() {
  session = await me();
  const year = el('input', { type: 'number', id: 'targets-year', min: 2000, max: 2100, step: 1, value: cityToday().substring(0, 4) });
  const chainView = el('select', { id: 'targets-chain-view' }, el('option', { value: '' }, '—'),
    session.chains.map((chain) => el('option', { value: chain.code }, label(chain))));
  chainView.value = dashboardFilters().chain || session.chains[0]?.code || '';
  card.replaceChildren(
    el('h2', {}, t('targets'), ' ', el('span', { class: 'muted', id: 'targets-asof' })),
    el('div', { class: 'inline-form' }, el('label', {}, `${t('targetsYear')} `, year),
      el('a', { class: 'figure export-link', id: 'export-targets', href: '/web/export/targets.xlsx' }, t('exportTargets'))),
    el('p', { class: 'muted' }, t('targetsHint')),
    el('div', { id: 'targets-freshness' }), el('div', { id: 'targets-error' }),
    el('h3', {}, t('targetsByDistrict')), el('div', { class: 'scroll' }, el('table', { id: 'targets-district-table' })),
    el('h3', {}, t('targetsByChain')), el('div', { class: 'scroll' }, el('table', { id: 'targets-chain-table' })),
    el('h3', {}, t('targetsChainView'), ' ', chainView),
    el('div', { class: 'scroll' }, el('table', { id: 'targets-chain-view-table' })),
    el('h3', {}, t('targetsCells')), el('div', { class: 'scroll' }, el('table', { id: 'targets-cells-table' })),
    el('h3', {}, session.role === 'ADMIN' ? t('targetsSet') : t('targetsHistory')),
    session.role === 'ADMIN' ? el('p', { class: 'muted' }, t('targetsSetHint')) : null,
    buildCellForm(),
    el('h3', {}, t('targetsHistory')), el('div', { id: 'targets-history' }));
  state.year = year.value;
  year.addEventListener('change', () => {
    if (!/^\d{4}$/.test(year.value)) return;
    state.year = year.value;
    load();
    showCell();
  });
  chainView.addEventListener('change', () => drawChainView(dashboardFilters()).catch((error) =>
    showError(document.getElementById('targets-error'), error)));
  // after the dashboard's own handler has written the new filters into the URL
  document.getElementById('filters')?.addEventListener('change', () => { setTimeout(load, 0); });
  await Promise.all([load(), showCell()]);
}

card = document.getElementById('targets-card');
if (card) mount().catch((error) => showError(card, error));
