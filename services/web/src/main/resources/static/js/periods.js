// The monthly close (月度调度, issue 19): audit-service's /api/periods/**. On the district workspace an office closes
// its month and sees the month's figures as closed and as known now, with the restatements (events recorded after
// the close that changed them); on the dashboard leaders see which districts closed on time, late or not at all, and
// open any district's month. Mounts itself on the page's #period-card (district.html) or #closes-card (dashboard.html).
import { amount, api, el, href, isDistrictOffice, label, me, number, showError, stageName, t } from './app.js';
import { language } from './i18n.js';
import { cityTime } from './freshness.js';

const STAGE_FIGURES = ['reachedInMonth', 'reached', 'current', 'lost', 'reachedInvestmentCny'];

/** The month before this one in the city (Asia/Shanghai), YYYY-MM: the month a district closes early in the next. */
function lastMonth() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
  const previous = new Date(Date.UTC(year, month - 2, 1));
  return previous.toISOString().substring(0, 7);
}

function value(figure, raw) {
  return figure.endsWith('Cny') ? amount(raw) : number(raw);
}

function figureName(session, change) {
  const name = t(`period_${change.figure}`);
  return change.stage ? `${stageName(session, change.stage)} · ${name}` : name;
}

/** The month's figures per stage: as known now, and where the month is closed, as closed beside it (differences marked). */
function figuresTable(session, report) {
  const closed = report.asClosed;
  const header = el('tr', {}, el('th', {}, t('stage')),
    STAGE_FIGURES.map((figure) => el('th', { class: 'num' }, t(`period_${figure}`))));
  const rows = report.asKnownNow.stages.map((now, i) => el('tr', {}, el('td', {}, stageName(session, now.stage)),
    STAGE_FIGURES.map((figure) => {
      const then = closed?.stages[i][figure];
      const differs = closed && Number(then) !== Number(now[figure]);
      return el('td', { class: differs ? 'num diff' : 'num', title: closed ? `${t('periodAsClosed')}: ${value(figure, then)}` : null },
        differs ? `${value(figure, then)} → ${value(figure, now[figure])}` : value(figure, now[figure]));
    })));
  const month = ['lostInMonth', 'investmentReports', 'completedInvestmentCny'].map((figure) => {
    const then = closed?.[figure];
    const differs = closed && Number(then) !== Number(report.asKnownNow[figure]);
    return el('span', { class: differs ? 'badge diff' : 'badge' }, `${t(`period_${figure}`)}: `,
      differs ? `${value(figure, then)} → ${value(figure, report.asKnownNow[figure])}` : value(figure, report.asKnownNow[figure]));
  });
  return [el('div', { class: 'scroll' }, el('table', { class: 'period-figures' }, el('thead', {}, header), el('tbody', {}, rows))),
    el('p', {}, month.flatMap((badge) => [badge, ' ']))];
}

function changesText(session, restatement) {
  return restatement.changes.map((change) =>
    `${figureName(session, change)} ${change.change.startsWith('-') ? '' : '+'}${value(change.figure, change.change)}`).join('；');
}

function restatementRow(session, restatement) {
  return el('tr', { dataset: { event: restatement.eventId } },
    el('td', {}, el('a', { class: 'figure', href: `/project.html?id=${restatement.projectId}` }, restatement.code ?? restatement.projectId)),
    el('td', {}, restatement.name ?? ''),
    el('td', {}, t(`periodEvent_${restatement.type}`)),
    el('td', {}, restatement.stage ? stageName(session, restatement.stage) : '—'),
    el('td', {}, restatement.effective ?? '—'),
    el('td', {}, cityTime(restatement.recordedAt)),
    el('td', {}, restatement.recordedBy),
    el('td', {}, changesText(session, restatement)));
}

function restatementsTable(session, report) {
  if (report.status !== 'closed') return [];
  if (report.restatements.length === 0) return [el('p', { class: 'muted', id: 'period-no-restatements' }, t('periodNoRestatements'))];
  const header = ['code', 'name', 'type', 'stage', 'periodEffective', 'recordedAt', 'recordedBy', 'periodChanges']
    .map((key) => el('th', {}, t(key)));
  return [el('h3', {}, t('periodRestatements', { n: report.restatements.length })),
    el('div', { class: 'scroll' }, el('table', { id: 'period-restatements' },
      el('thead', {}, el('tr', {}, header)),
      el('tbody', {}, report.restatements.map((restatement) => restatementRow(session, restatement)))))];
}

function historyList(report) {
  if (report.history.length === 0) return [];
  return [el('ul', { class: 'timeline', id: 'period-history' }, report.history.map((act) => el('li', {},
    el('span', { class: 'when' }, cityTime(act.at)),
    el('span', {}, t(`periodAct_${act.action}`, { by: act.by }), act.reason ? ` — ${act.reason}` : ''))))];
}

/** A district's month: its state, the figures, the restatements and every close and reopen. */
export function renderReport(session, container, report) {
  const state = report.status === 'closed'
    ? el('p', { id: 'period-status', dataset: { status: 'closed' } }, el('span', { class: 'ok' }, t('periodClosed')), ' ',
      t('periodClosedBy', { at: cityTime(report.closedAt), by: report.closedBy }))
    : el('p', { id: 'period-status', dataset: { status: 'open' } }, el('span', { class: 'bad' }, t('periodOpen')), ' ',
      el('span', { class: 'muted' }, t('periodOpenHint')));
  const download = el('a', { class: 'figure', id: 'period-export',
    href: href('/web/export/period.xlsx', { period: report.period, district: report.district, lang: language() }) }, t('exportExcel'));
  container.replaceChildren(state, el('p', {}, download), ...figuresTable(session, report), ...restatementsTable(session, report),
    ...historyList(report));
}

async function loadReport(session, container, period, district) {
  const query = district ? `?district=${encodeURIComponent(district)}` : '';
  const answer = await api(`/api/periods/${period}${query}`);
  if (!answer.ok) throw new Error(answer.body?.detail ?? `${answer.status}`);
  renderReport(session, container, answer.body);
  return answer.body;
}

/** district.html: the office picks a month, closes it, and sees its figures and restatements. */
async function mountDistrict(card) {
  const session = await me();
  if (!isDistrictOffice(session)) { card.hidden = true; return; }
  const month = el('input', { type: 'month', id: 'period-month', value: lastMonth() });
  // the office closes its month; its reviewer reads it (and closes nothing)
  const close = el('button', { type: 'button', class: 'primary', id: 'period-close', hidden: session.role !== 'DISTRICT' },
    t('periodCloseAction'));
  const message = el('div', { id: 'period-message' });
  const body = el('div', { id: 'period-report' });
  card.replaceChildren(el('h2', {}, t('periodTitle')), el('p', { class: 'muted' }, t('periodHint')),
    el('div', { class: 'inline-form' }, el('label', {}, `${t('periodMonth')} `, month), ' ', close), message, body);
  const refresh = async () => {
    try {
      const report = await loadReport(session, body, month.value);
      close.disabled = report.status === 'closed';
    } catch (error) {
      showError(body, error);
    }
  };
  month.addEventListener('change', () => { message.replaceChildren(); refresh(); });
  close.addEventListener('click', async () => {
    close.disabled = true;
    const answer = await api(`/api/periods/${month.value}/close`, { method: 'POST', body: {} });
    if (answer.ok) {
      message.replaceChildren(el('p', { class: 'ok', role: 'status' }, t('periodClosedNow', { at: cityTime(answer.body.at) })));
    } else {
      showError(message, new Error(answer.body?.detail ?? `${answer.status}`));
    }
    await refresh();
  });
  await refresh();
}

const STATUS_CLASS = { 'on-time': 'ok', late: 'bad', 'not-closed': 'muted' };

/** dashboard.html: every district's close of a month, and a district's month on a click. */
async function mountBoard(card) {
  const session = await me();
  if (isDistrictOffice(session)) { card.hidden = true; return; }
  const month = el('input', { type: 'month', id: 'closes-month', value: lastMonth() });
  const summary = el('p', { id: 'closes-deadline' });
  const table = el('table', { id: 'closes-table' });
  const detail = el('div', { id: 'closes-detail' });
  card.replaceChildren(el('h2', {}, t('periodCloses')), el('div', { class: 'inline-form' }, el('label', {}, `${t('periodMonth')} `, month)),
    summary, el('div', { class: 'scroll' }, table), detail);
  const refresh = async () => {
    detail.replaceChildren();
    const answer = await api(`/api/periods/${month.value}/closes`);
    if (!answer.ok) { showError(summary, new Error(answer.body?.detail ?? `${answer.status}`)); return; }
    const board = answer.body;
    const counts = { 'on-time': 0, late: 0, 'not-closed': 0 };
    board.districts.forEach((district) => { counts[district.status] += 1; });
    summary.replaceChildren(t('periodDeadline', { deadline: board.deadline }), ' · ',
      t('periodCounts', { onTime: counts['on-time'], late: counts.late, notClosed: counts['not-closed'] }));
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ['district', 'status', 'periodClosedAt', 'by', 'periodReopens', ''].map((key) => el('th', {}, key ? t(key) : '')))),
      el('tbody', {}, board.districts.map((district) => el('tr', { dataset: { district: district.district, status: district.status } },
        el('td', {}, label(district)),
        el('td', {}, el('span', { class: STATUS_CLASS[district.status] },
          t(`periodStatus_${district.status}`) + (district.status === 'not-closed' && board.deadlinePassed ? t('periodOverdue') : ''))),
        el('td', {}, cityTime(district.closedAt)),
        el('td', {}, district.closedBy ?? '—'),
        el('td', { class: 'num' }, number(district.reopens)),
        el('td', {}, el('a', { class: 'figure', onclick: async () => {
          try { await loadReport(session, detail, board.period, district.district); } catch (error) { showError(detail, error); }
        } }, t('periodShow')))))));
  };
  month.addEventListener('change', refresh);
  await refresh();
}

const districtCard = document.getElementById('period-card');
const boardCard = document.getElementById('closes-card');
(districtCard ? mountDistrict(districtCard) : boardCard ? mountBoard(boardCard) : Promise.resolve())
  .catch((error) => showError(districtCard ?? boardCard, error));
