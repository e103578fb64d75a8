// The briefing for the progress meeting (月度调度简报, issue 19): a month's report for the city, a district or a chain
// as .xlsx and PDF, from GET /api/briefing/{yyyy-MM}.xlsx|.pdf (?district= or ?chain=, lang=). Mounts itself on the
// page's #briefing-card: on the dashboard leaders choose the month and the scope; on the district workspace (and a
// district office's dashboard) the scope is the office's own district.
import { el, href, isDistrictOffice, label, me, showError, t } from './app.js';
import { addTexts, language } from './i18n.js';

addTexts({
  zh: {
    briefingTitle: '月度调度简报', briefingHint: '目标完成、亮灯与红灯清单（含责任人）、本月进展、关账与数字重述，供调度会使用。',
    briefingMonth: '月份', briefingScope: '范围', briefingCity: '全市', briefingDistricts: '区', briefingChains: '产业链',
    briefingXlsx: '下载简报（Excel）', briefingPdf: '下载简报（PDF）', briefingOwn: '本区',
  },
  en: {
    briefingTitle: 'Monthly briefing', briefingHint: 'Targets against actual, lights and the red list with responsible persons, what moved this month, the close and restatements: for the progress meeting.',
    briefingMonth: 'Month', briefingScope: 'Scope', briefingCity: 'City', briefingDistricts: 'Districts', briefingChains: 'Chains',
    briefingXlsx: 'Download the briefing (Excel)', briefingPdf: 'Download the briefing (PDF)', briefingOwn: 'Own district',
  },
});

/** This month in the city (Asia/Shanghai), YYYY-MM: the latest month a briefing can be asked for. */
function thisMonth() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).substring(0, 7);
}

/** The month before this one: the month the meeting reviews. */
function lastMonth() {
  const [year, month] = thisMonth().split('-').map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().substring(0, 7);
}

/** The query of a scope value: "" (the city), "district:120116" or "chain:new-energy". */
export function scopeQuery(scope) {
  const [kind, code] = scope.split(':');
  return kind === 'district' || kind === 'chain' ? { [kind]: code } : {};
}

/** The briefing's download address for a month, scope and format. */
export function briefingHref(month, scope, format) {
  return href(`/api/briefing/${month}.${format}`, { ...scopeQuery(scope), lang: language() });
}

async function mount(card) {
  const session = await me();
  const office = isDistrictOffice(session);
  const month = el('input', { type: 'month', id: 'briefing-month', value: lastMonth(), max: thisMonth() });
  const scope = office
    ? el('select', { id: 'briefing-scope', disabled: true },
      el('option', { value: `district:${session.district}` }, label(session.districts.find((d) => d.code === session.district)) || t('briefingOwn')))
    : el('select', { id: 'briefing-scope' }, el('option', { value: '' }, t('briefingCity')),
      el('optgroup', { label: t('briefingDistricts') }, session.districts.map((d) => el('option', { value: `district:${d.code}` }, label(d)))),
      el('optgroup', { label: t('briefingChains') }, session.chains.map((c) => el('option', { value: `chain:${c.code}` }, label(c)))));
  const xlsx = el('a', { class: 'figure', id: 'briefing-xlsx' }, t('briefingXlsx'));
  const pdf = el('a', { class: 'figure', id: 'briefing-pdf' }, t('briefingPdf'));
  const update = () => {
    xlsx.href = briefingHref(month.value, scope.value, 'xlsx');
    pdf.href = briefingHref(month.value, scope.value, 'pdf');
  };
  card.replaceChildren(el('h2', {}, t('briefingTitle')), el('p', { class: 'muted' }, t('briefingHint')),
    el('div', { class: 'inline-form' }, el('label', {}, `${t('briefingMonth')} `, month), ' ',
      el('label', {}, `${t('briefingScope')} `, scope), ' ', xlsx, ' ', pdf));
  month.addEventListener('change', update);
  scope.addEventListener('change', update);
  update();
}

const card = document.getElementById('briefing-card');
if (card) mount(card).catch((error) => showError(card, error));
