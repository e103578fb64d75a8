// Issue 19: every project's light (亮灯) and where projects come from (来源). The dashboard's light counts per
// district and chain and its conversion by source; the district workspace's light column, its search and filters,
// and the planned dates, responsible person and leader and source of its register and amend forms.
import { el, href, label, number, percent, read, t } from './app.js';
import { addTexts, language } from './i18n.js';

addTexts({
  zh: {
    lights: '项目亮灯', lightsByDistrict: '分区亮灯', lightsByChain: '分产业链亮灯', light: '灯', green: '绿',
    lightsHint: '红：计划节点已过未达到，或在本阶段超过红灯天数；黄：计划节点 30 天内到期，或超过黄灯天数',
    lightsTotal: '合计', exportLights: '导出亮灯清单（.xlsx）', bySource: '按项目来源的转化', source: '项目来源',
    noSource: '未记录来源', searchProjects: '按编号或名称搜索', allStages: '全部阶段', allStatuses: '全部状态',
    allLights: '全部灯', noLight: '无灯', field_plannedSigned: '计划签约日期', field_plannedLanded: '计划落地日期',
    field_plannedStarted: '计划开工日期', field_plannedProducing: '计划投产日期', field_responsiblePerson: '责任人',
    field_responsibleLeader: '包联领导', field_source: '项目来源', shownOf: '显示 {shown} / {total} 个',
  },
  en: {
    lights: 'Project lights', lightsByDistrict: 'Lights by district', lightsByChain: 'Lights by chain', light: 'Light',
    green: 'green',
    lightsHint: 'Red: a planned date passed without the stage, or more days in stage than red; amber: a planned date due within 30 days, or more days than amber',
    lightsTotal: 'Total', exportLights: 'Export the lights (.xlsx)', bySource: 'Conversion by project source',
    source: 'Source', noSource: 'No source recorded', searchProjects: 'Search by code or name', allStages: 'All stages',
    allStatuses: 'All statuses', allLights: 'All lights', noLight: 'No light', field_plannedSigned: 'Planned signing',
    field_plannedLanded: 'Planned landing', field_plannedStarted: 'Planned start', field_plannedProducing: 'Planned production',
    field_responsiblePerson: 'Responsible person', field_responsibleLeader: 'Responsible leader', field_source: 'Source',
    shownOf: '{shown} of {total} shown',
  },
});

const COLOURS = ['red', 'amber', 'green'];

/** A project's light as a dot, its rule as the title; '—' where no light applies. */
export function lightDot(item) {
  if (!item.light) return el('span', { class: 'muted', dataset: { light: '' } }, '—');
  const colour = item.light.light.toLowerCase();
  return el('span', { dataset: { light: colour }, title: item.light.detail },
    el('span', { class: `rag ${colour}` }), t(colour));
}

function countsTable(id, entries, by, filters) {
  document.getElementById(id).replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t(by)), COLOURS.map((colour) => el('th', { class: 'num' },
      el('span', { class: `rag ${colour}` }), t(colour))), el('th', { class: 'num' }, t('lightsTotal')))),
    el('tbody', {}, entries.filter((entry) => entry.total > 0).map((entry) => el('tr', { dataset: { scope: entry.code } },
      el('td', {}, label(entry)),
      COLOURS.map((colour) => el('td', { class: 'num' }, el('a', { class: 'figure', href: href('/web/export/lights.xlsx',
        { ...filters, [by]: entry.code, light: colour, lang: language() }) }, number(entry[colour])))),
      el('td', { class: 'num' }, number(entry.total))))));
}

function sourceTable(session, breakdown) {
  document.getElementById('source-table').replaceChildren(
    el('thead', {}, el('tr', {}, el('th', {}, t('source')), session.stages.map((stage) => el('th', { class: 'num' }, label(stage))),
      session.stages.slice(1).map((stage) => el('th', { class: 'num' }, `→ ${label(stage)}`)))),
    el('tbody', {}, breakdown.funnels.filter((entry) => entry.stages[0].reached > 0).map((entry) => el('tr', { dataset: { source: entry.code ?? '' } },
      el('td', {}, entry.code === null ? t('noSource') : label(entry)),
      entry.stages.map((stage) => el('td', { class: 'num' }, number(stage.reached))),
      entry.conversions.map((conversion) => el('td', { class: 'num' }, percent(conversion.rate)))))));
}

/** The dashboard's lights and sources for its filters; answers their freshness. */
export async function dashboardSupervision(session, filters) {
  const [lights, bySource] = await Promise.all([
    read(href('/api/supervision/lights', { ...filters, size: 1 })),
    read(href('/api/funnel/breakdown', { by: 'source', ...filters })),
  ]);
  document.getElementById('lights-hint').textContent = t('lightsHint');
  countsTable('lights-district-table', lights.byDistrict, 'district', filters);
  countsTable('lights-chain-table', lights.byChain, 'chain', filters);
  sourceTable(session, bySource);
  document.getElementById('export-lights').href = href('/web/export/lights.xlsx', { ...filters, lang: language() });
  return [lights.freshness, bySource.freshness];
}

// --- the district workspace -------------------------------------------------------------------------------

/** The optional fields of schema 1.1, in form order, as the workspace's forms name them. */
export const SUPERVISION_FIELDS = ['plannedSigned?', 'plannedLanded?', 'plannedStarted?', 'plannedProducing?',
  'responsiblePerson?', 'responsibleLeader?', 'source?'];
const PLANNED = { plannedSigned: 'signed', plannedLanded: 'landed', plannedStarted: 'started', plannedProducing: 'producing' };

/** The form control of a supervision field, or null for any other field. */
export function supervisionControl(session, name) {
  if (name in PLANNED) return el('input', { type: 'date', name });
  if (name === 'source') {
    return el('select', { name }, el('option', { value: '' }, '—'),
      (session.sources ?? []).map((source) => el('option', { value: source.code }, label(source))));
  }
  return null;
}

/** The form's planned dates as the API's plannedDates object (left out when none is given). */
export function withPlannedDates(body) {
  const plannedDates = {};
  Object.entries(PLANNED).forEach(([field, stage]) => {
    if (body[field] !== undefined) plannedDates[stage] = body[field];
    delete body[field];
  });
  if (Object.keys(plannedDates).length > 0) body.plannedDates = plannedDates;
  return body;
}

/** The form field an API error names: plannedDates.landed is the plannedLanded input. */
export function formField(apiField) {
  const stage = /^plannedDates\.(\w+)$/.exec(apiField)?.[1];
  if (stage) return Object.keys(PLANNED).find((field) => PLANNED[field] === stage) ?? apiField;
  return apiField === 'plannedDates' ? 'plannedSigned' : apiField;
}

/** The search and filters above the district's list; calls onChange with the filter whenever it changes. */
export function projectFilter(session, onChange) {
  const choice = (name, all, options) => el('select', { name }, el('option', { value: '' }, t(all)),
    options.map(([value, text]) => el('option', { value }, text)));
  const form = el('form', { class: 'filters', id: 'project-filter' },
    el('input', { name: 'text', type: 'search', placeholder: t('searchProjects') }),
    choice('stage', 'allStages', session.stages.map((stage) => [stage.stage, label(stage)])),
    choice('status', 'allStatuses', ['ACTIVE', 'SUSPENDED', 'TERMINATED'].map((status) => [status, t(status)])),
    choice('light', 'allLights', [...COLOURS.map((colour) => [colour, t(colour)]), ['none', t('noLight')]]),
    el('span', { class: 'muted', id: 'project-filter-count' }));
  const current = () => Object.fromEntries(['text', 'stage', 'status', 'light'].map((name) => [name, form.elements[name].value.trim()]));
  // 'input' as one types; 'change' too, which is all some ways of choosing an option fire (WebDriver's, some keyboards)
  form.addEventListener('input', () => onChange(current()));
  form.addEventListener('change', () => onChange(current()));
  form.addEventListener('submit', (event) => event.preventDefault());
  return { form, value: current };
}

/** Whether a listed project passes the filter: code or name containing the text, and the stage, status and light. */
export function passes(item, filter) {
  const text = filter.text.toLowerCase();
  const light = item.light ? item.light.light.toLowerCase() : 'none';
  return (!text || item.code.toLowerCase().includes(text) || item.name.toLowerCase().includes(text))
    && (!filter.stage || item.stage?.code === filter.stage)
    && (!filter.status || item.status === filter.status)
    && (!filter.light || light === filter.light);
}

export function showFilterCount(shown, total) {
  document.getElementById('project-filter-count').textContent = t('shownOf', { shown: number(shown), total: number(total) });
}
