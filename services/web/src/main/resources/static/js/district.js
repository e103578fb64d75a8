// A district office's workspace: its projects with stage and days in stage, a form for every write of
// milestone-service (sent through the web app's /api with the CSRF header and one Idempotency-Key per
// submission, so a double click records once), refusals shown next to their field, and the Excel import.
// A write above the review bounds is answered 202: submitted for review, shown in the queue (js/requests.js).
// The office's REVIEWER sees the same lists and the queue, without any write form.
import {
  amount, api, cityToday, duplicateMarks, el, href, isDistrictOffice, label, newKey, number, read, showError, start, t,
  wanToYuan,
} from './app.js';
import { language } from './i18n.js';
import {
  SUPERVISION_FIELDS, formField, lightDot, passes, projectFilter, showFilterCount, supervisionControl, withPlannedDates,
} from './lights.js';

const PAGE_SIZE = 200;

/** The fields of each write, in form order; '?' marks an optional one. Names are the API's. */
const ACTIONS = {
  milestone: { fields: ['stage', 'effectiveDate', 'amountCny?', 'note?'], path: (id) => `/api/projects/${id}/milestones` },
  correction: { fields: ['stage', 'effectiveDate', 'amountCny?', 'reason'], pathFields: ['stage'],
    path: (id, values) => `/api/projects/${id}/milestones/${values.stage}/correction` },
  retraction: { fields: ['stage', 'reason'], pathFields: ['stage'],
    path: (id, values) => `/api/projects/${id}/milestones/${values.stage}/retraction` },
  suspension: { fields: ['effectiveDate', 'reason'], path: (id) => `/api/projects/${id}/suspension` },
  resumption: { fields: ['effectiveDate', 'reason'], path: (id) => `/api/projects/${id}/resumption` },
  termination: { fields: ['effectiveDate', 'reason'], path: (id) => `/api/projects/${id}/termination` },
  investmentReport: { fields: ['period', 'cumulativeCompletedCny'], path: (id) => `/api/projects/${id}/investment-reports` },
  amendment: { fields: ['name?', 'chain?', 'investor?', 'plannedInvestmentCny?', 'park?', ...SUPERVISION_FIELDS, 'reason'],
    path: (id) => `/api/projects/${id}/amendment` },
};
const REGISTER = { fields: ['code', 'name', 'chain', 'investor', 'plannedInvestmentCny', 'park?', ...SUPERVISION_FIELDS],
  path: () => '/api/projects' };
const AMOUNTS = ['amountCny', 'plannedInvestmentCny', 'cumulativeCompletedCny'];
const TITLE = { milestone: 'actionMilestone', correction: 'actionCorrection', retraction: 'actionRetraction',
  suspension: 'actionSuspension', resumption: 'actionResumption', termination: 'actionTermination',
  investmentReport: 'actionInvestmentReport', amendment: 'actionAmendment' };
const OUTCOME_ORDER = ['REFUSED', 'UNCONFIRMED', 'SUBMITTED', 'ACCEPTED', 'REPLAYED', 'SKIPPED'];
const MAX_REPORT_ROWS = 2000;

let session;
let projects = [];

function csrfToken() {
  const found = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : '';
}

function fieldName(spec) {
  return spec.replace('?', '');
}

function control(name, optional) {
  const supervision = supervisionControl(session, name);
  if (supervision) return supervision;
  if (name === 'stage') {
    return el('select', { name, required: !optional },
      session.stages.map((stage) => el('option', { value: stage.stage }, label(stage))));
  }
  if (name === 'chain') {
    return el('select', { name, required: !optional },
      optional ? el('option', { value: '' }, t('noChange')) : null,
      session.chains.map((chain) => el('option', { value: chain.code }, label(chain))));
  }
  if (name === 'effectiveDate') return el('input', { type: 'date', name, required: !optional, max: cityToday() });
  if (name === 'period') return el('input', { type: 'month', name, required: !optional, max: cityToday().substring(0, 7), placeholder: 'YYYY-MM' });
  if (AMOUNTS.includes(name)) return el('input', { name, inputmode: 'decimal', required: !optional, placeholder: t('wan') });
  if (name === 'reason' || name === 'note') return el('textarea', { name, rows: 2, required: !optional });
  return el('input', { name, required: !optional });
}

/** A form for one write: every field with its label and the place where its refusal is shown. */
function buildForm(id, spec, titleKey) {
  const form = el('form', { id, class: 'action-form', novalidate: true, dataset: { key: newKey() } },
    titleKey ? el('h3', {}, t(titleKey)) : null,
    spec.fields.map((field) => {
      const name = fieldName(field);
      const optional = field.endsWith('?');
      return el('label', { class: 'field', dataset: { field: name } },
        el('span', {}, t(`field_${name}`), optional ? el('small', { class: 'muted' }, ` ${t('optional')}`) : null),
        control(name, optional),
        el('span', { class: 'field-error', dataset: { errorFor: name } }));
    }),
    el('div', { class: 'form-error', role: 'alert' }),
    el('div', { class: 'form-ok', role: 'status' }),
    el('button', { type: 'submit', class: 'primary' }, t('submit')));
  // another content is another submission: a new key; the same content sent again keeps its key
  form.addEventListener('input', () => { form.dataset.key = newKey(); });
  return form;
}

function clearMessages(form) {
  form.querySelectorAll('.field-error').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('.invalid').forEach((node) => { node.classList.remove('invalid'); node.removeAttribute('aria-invalid'); });
  form.querySelector('.form-error').replaceChildren();
  form.querySelector('.form-ok').replaceChildren();
}

function markField(form, field, message) {
  const slot = form.querySelector(`[data-error-for="${field}"]`);
  if (!slot) return false;
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  const input = form.elements[field];
  if (input) { input.classList.add('invalid'); input.setAttribute('aria-invalid', 'true'); }
  return true;
}

/** The server's problem+json: its detail on top, each errors[].field next to its input (others on top too). */
function showProblem(form, status, problem) {
  const box = form.querySelector('.form-error');
  const lines = [el('div', { class: 'detail' }, problem?.detail ?? `${status}`)];
  (problem?.errors ?? []).forEach((error) => {
    if (!markField(form, formField(error.field), error.message)) lines.push(el('div', {}, `${error.field}: ${error.message}`));
  });
  box.replaceChildren(el('div', { class: 'error-box', dataset: { status, problem: (problem?.type ?? '').replace('urn:groundbreak:problem:', '') } }, lines));
}

/** The form's values as the API's body; amounts from 万元 to yuan. Null (and the fields marked) when one is not valid. */
function collect(form, spec) {
  const body = {};
  let valid = true;
  spec.fields.forEach((field) => {
    const name = fieldName(field);
    const value = form.elements[name].value.trim();
    if (value === '') {
      if (!field.endsWith('?')) { markField(form, name, t('required')); valid = false; }
      return;
    }
    if (AMOUNTS.includes(name)) {
      const yuan = wanToYuan(value);
      if (yuan === null) { markField(form, name, t('amountInvalid')); valid = false; return; }
      body[name] = yuan;
    } else {
      body[name] = value;
    }
  });
  return valid ? withPlannedDates(body) : null;
}

async function projectSnapshot(id) {
  const answer = await api(`/api/projects/${encodeURIComponent(id)}`);
  return answer.ok ? JSON.stringify(answer.body) : null;
}

let laterRefreshes = [];

/** Redraws the list again a little later, for what funnel-service has not applied yet (it follows the ledger within seconds). */
function refreshLater(highlight) {
  laterRefreshes.forEach((timer) => clearTimeout(timer));
  laterRefreshes = [1000, 3000, 6000, 12000].map((delay) => setTimeout(() => loadProjects(currentPage, highlight), delay));
}

/** Waits (a few seconds at most) until funnel-service shows the change, then redraws the list. */
async function refreshAfter(id, before) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    // eslint-disable-next-line no-await-in-loop
    const now = await projectSnapshot(id);
    if (now !== null && now !== before) break;
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  await loadProjects(currentPage, id);
  refreshLater(id);
}

async function send(form, spec, projectId) {
  // one submission at a time per form; a resubmission of the same content reuses the key, so it records once
  if (form.dataset.busy === 'true') return;
  clearMessages(form);
  const body = collect(form, spec);
  if (body === null) return;
  const path = spec.path(encodeURIComponent(projectId ?? ''), body);
  (spec.pathFields ?? []).forEach((field) => delete body[field]);
  if (spec === REGISTER) {
    body.district = session.district;
  }
  const button = form.querySelector('button[type=submit]');
  form.dataset.busy = 'true';
  button.disabled = true;
  button.textContent = t('submitting');
  try {
    const before = projectId ? await projectSnapshot(projectId) : null;
    const answer = await api(path, { method: 'POST', body, headers: { 'Idempotency-Key': form.dataset.key } });
    if (answer.status === 202) {
      // above the review bounds: nothing changes until the district's reviewer approves; the queue shows it
      form.querySelector('.form-ok').replaceChildren(el('div', { class: 'ok-box', dataset: { request: answer.body.requestId, status: 'pending' } },
        t('submittedForReview', { request: answer.body.requestId })));
      document.dispatchEvent(new CustomEvent('groundbreak:requested', { detail: { requestId: answer.body.requestId } }));
    } else if (answer.ok) {
      form.querySelector('.form-ok').replaceChildren(el('div', { class: 'ok-box', dataset: { event: answer.body.eventId } },
        t('recorded', { event: answer.body.eventId, sequence: answer.body.sequence })));
      const changed = projectId ?? answer.body.projectId;
      // the key stays while the content does: sending the same again is answered with the same event
      if (spec === REGISTER) {
        form.reset();
        form.dataset.key = newKey();
      }
      await refreshAfter(changed, before);
      if (spec === REGISTER) selectProject(changed);
    } else {
      showProblem(form, answer.status, answer.body);
    }
  } catch (error) {
    form.querySelector('.form-error').replaceChildren(el('div', { class: 'error-box' }, error.message));
  } finally {
    form.dataset.busy = 'false';
    button.disabled = false;
    button.textContent = t('submit');
  }
}

let currentPage = 0;

function daysSince(date, asOf) {
  return date ? Math.round((new Date(asOf) - new Date(date)) / 86400000) : null;
}

let loads = 0;

async function loadProjects(page, highlight) {
  loads += 1;
  const load = loads;
  try {
    const answer = await read(href('/api/projects', { district: session.district, page, size: PAGE_SIZE, sort: 'code' }));
    if (load !== loads) return; // a later load has been asked for: its answer is the newer one
    currentPage = answer.page;
    projects = answer.items;
    listed = { answer, highlight };
    drawProjects();
    document.getElementById('page-info').textContent = t('page',
      { page: answer.page + 1, pages: Math.max(1, answer.totalPages), total: number(answer.totalItems) });
    document.getElementById('previous').disabled = answer.page === 0;
    document.getElementById('next').disabled = answer.page + 1 >= answer.totalPages;
    document.getElementById('previous').onclick = () => loadProjects(answer.page - 1);
    document.getElementById('next').onclick = () => loadProjects(answer.page + 1);
    fillProjectChoice();
  } catch (error) {
    showError(document.getElementById('error'), error);
  }
}

/** The last list answer and the project to highlight; the search and filters narrow what is drawn of it. */
let listed = null;
let listFilter = null;

function drawProjects() {
  if (!listed) return;
  const { answer, highlight } = listed;
  const shown = listFilter ? projects.filter((item) => passes(item, listFilter.value())) : projects;
  if (listFilter) showFilterCount(shown.length, projects.length);
  document.getElementById('projects-table').replaceChildren(
    el('thead', {}, el('tr', {}, ['code', 'name', 'chain', 'stage', 'since', 'daysInStage', 'status', 'light', 'plannedInvestment', '']
      .map((key) => el('th', { class: ['daysInStage', 'plannedInvestment'].includes(key) ? 'num' : '' }, key ? t(key) : '')))),
    el('tbody', {}, shown.length === 0 ? el('tr', {}, el('td', { colspan: 10, class: 'muted' }, t('none')))
      : shown.map((item) => el('tr', { dataset: { project: item.projectId, code: item.code }, class: item.projectId === highlight ? 'highlight' : null },
        el('td', {}, item.code),
        el('td', {}, el('a', { class: 'figure', href: href('/project.html', { id: item.projectId }) }, item.name),
          duplicateMarks(session, item).map((mark) => [' ', mark])),
        el('td', {}, label(item.chain)),
        el('td', { dataset: { col: 'stage', stage: item.stage?.code ?? '' } }, item.stage ? label(item.stage) : '—'),
        el('td', {}, item.stageSince ?? '—'),
        el('td', { class: 'num', dataset: { col: 'days' } }, number(daysSince(item.stageSince, answer.asOf))),
        el('td', {}, el('span', { class: `badge ${item.status}` }, t(item.status))),
        el('td', { dataset: { col: 'light' } }, lightDot(item)),
        el('td', { class: 'num' }, amount(item.plannedInvestmentCny)),
        el('td', {}, session.role === 'DISTRICT'
          ? el('button', { type: 'button', class: 'secondary small act', onclick: () => selectProject(item.projectId) }, t('act')) : null)))));
}

/** A project chosen before the list showed it (just registered): chosen as soon as it is listed. */
let pendingChoice = null;

function fillProjectChoice() {
  const select = document.getElementById('action-project');
  if (!select) return; // a reviewer's workspace has no action forms
  const chosen = pendingChoice ?? select.value;
  select.replaceChildren(el('option', { value: '' }, t('chooseProject')),
    // replaceChildren takes nodes, not an array of them
    ...projects.map((item) => el('option', { value: item.projectId }, `${item.code} · ${item.name}`)));
  const listed = projects.some((item) => item.projectId === chosen);
  select.value = listed ? chosen : '';
  if (listed) pendingChoice = null;
  describeChoice();
}

let describedChoice = null;

function describeChoice() {
  const id = document.getElementById('action-project').value;
  if (id !== describedChoice) {
    // another project is another submission: every action form gets a new key
    document.querySelectorAll('#action-forms form').forEach((form) => { form.dataset.key = newKey(); });
    describedChoice = id;
  }
  const item = projects.find((project) => project.projectId === id);
  document.getElementById('project-state').textContent = item
    ? `${t('stage')}: ${item.stage ? label(item.stage) : '—'}${item.stageSince ? ` (${t('since')} ${item.stageSince})` : ''} · ${t(item.status)}`
    : '';
}

function selectProject(id) {
  const select = document.getElementById('action-project');
  if (projects.some((item) => item.projectId === id)) {
    select.value = id;
  } else {
    pendingChoice = id;
  }
  describeChoice();
  document.getElementById('actions-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function showAction(name) {
  document.querySelectorAll('#action-tabs button').forEach((tab) => {
    tab.classList.toggle('active', tab.dataset.action === name);
    tab.setAttribute('aria-selected', String(tab.dataset.action === name));
  });
  document.querySelectorAll('#action-forms form').forEach((form) => { form.hidden = form.dataset.action !== name; });
}

function buildActions() {
  const tabs = document.getElementById('action-tabs');
  const holder = document.getElementById('action-forms');
  Object.entries(ACTIONS).forEach(([name, spec]) => {
    tabs.append(el('button', { type: 'button', role: 'tab', class: 'tab', id: `tab-${name}`, dataset: { action: name },
      onclick: () => showAction(name) }, t(TITLE[name])));
    const form = buildForm(`form-${name}`, spec, null);
    form.dataset.action = name;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const projectId = document.getElementById('action-project').value;
      if (!projectId) {
        clearMessages(form);
        form.querySelector('.form-error').replaceChildren(el('div', { class: 'error-box' }, t('chooseProject')));
        return;
      }
      send(form, spec, projectId);
    });
    holder.append(form);
  });
  document.getElementById('action-project').addEventListener('change', describeChoice);
  showAction('milestone');
}

function buildRegister() {
  const form = buildForm('form-register', REGISTER, null);
  form.addEventListener('submit', (event) => { event.preventDefault(); send(form, REGISTER, null); });
  document.getElementById('register-form-holder').replaceChildren(form);
}

// ---- Excel import -------------------------------------------------------------------------------

function showImportProblem(status, problem) {
  document.getElementById('import-error').replaceChildren(el('div', { class: 'error-box', role: 'alert',
    dataset: { status, problem: (problem?.type ?? '').replace('urn:groundbreak:problem:', '') } },
  el('div', {}, problem?.detail ?? `${status}`),
  (problem?.errors ?? []).length === 0 ? null
    : el('ul', {}, problem.errors.map((error) => el('li', {}, `${error.field}: ${error.message}`)))));
}

function renderReport(status) {
  const counts = status.counts;
  document.getElementById('import-summary').textContent = t('importSummary', counts);
  document.getElementById('import-summary').dataset.counts = JSON.stringify(counts);
  const link = document.getElementById('import-report-link');
  link.href = status.report;
  link.setAttribute('download', '');
  const filter = document.getElementById('import-filter');
  const draw = () => {
    const problemsOnly = filter.value === 'problems';
    const rows = status.rows.filter((row) => !problemsOnly || ['REFUSED', 'UNCONFIRMED'].includes(row.outcome));
    const shown = rows.slice(0, MAX_REPORT_ROWS);
    document.getElementById('import-truncated').textContent = rows.length > shown.length ? t('rowsTruncated', { n: MAX_REPORT_ROWS }) : '';
    document.getElementById('import-report').replaceChildren(
      el('thead', {}, el('tr', {}, ['row', 'action', 'code', 'outcome', 'message', 'eventId'].map((key) => el('th', {}, t(key))))),
      el('tbody', {}, shown.map((row) => el('tr', { dataset: { row: row.row, outcome: row.outcome } },
        el('td', { class: 'num' }, row.row), el('td', {}, row.action ?? ''), el('td', {}, row.code ?? ''),
        el('td', {}, el('span', { class: `outcome ${row.outcome}` }, t(`outcome${row.outcome}`))),
        el('td', { class: 'message' }, row.message ?? ''),
        el('td', { class: 'hash' }, row.eventId ?? '')))));
  };
  const problems = counts.refused + counts.unconfirmed;
  filter.value = problems > 0 && status.rows.length > MAX_REPORT_ROWS ? 'problems' : 'all';
  filter.onchange = draw;
  draw();
  document.getElementById('import-result').hidden = false;
}

async function followImport(id) {
  const bar = document.getElementById('import-bar');
  const count = document.getElementById('import-count');
  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    const answer = await api(`/web/imports/${encodeURIComponent(id)}`);
    if (!answer.ok) { showImportProblem(answer.status, answer.body); return null; }
    const status = answer.body;
    bar.max = Math.max(1, status.total);
    bar.value = status.done;
    if (status.state === 'FINISHED') {
      count.textContent = t('importDone', { total: number(status.total) });
      return status;
    }
    if (status.state === 'INTERRUPTED') {
      // the instance applying it stopped: the same file again records nothing twice
      showImportProblem(409, { type: 'urn:groundbreak:problem:import-interrupted', detail: t('importInterrupted') });
      return null;
    }
    count.textContent = t('importing', { done: number(status.done), total: number(status.total) });
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => { setTimeout(resolve, status.total > 500 ? 1000 : 300); });
  }
}

async function upload(event) {
  event.preventDefault();
  const file = document.getElementById('import-file').files[0];
  document.getElementById('import-error').replaceChildren();
  document.getElementById('import-result').hidden = true;
  if (!file) {
    showImportProblem(400, { detail: t('chooseFile') });
    return;
  }
  const button = document.getElementById('import-submit');
  button.disabled = true;
  document.body.removeAttribute('data-imported');
  try {
    const data = new FormData();
    data.append('file', file);
    const response = await fetch('/web/imports', { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': csrfToken(), 'Accept-Language': language() } });
    const type = response.headers.get('Content-Type') ?? '';
    const answer = type.includes('json') ? await response.json() : null;
    if (response.status === 401) { window.location.assign('/oauth2/authorization/keycloak'); return; }
    if (!response.ok) { showImportProblem(response.status, answer); return; }
    document.getElementById('import-progress').hidden = false;
    const finished = await followImport(answer.id);
    if (finished) {
      renderReport(finished);
      document.body.dataset.imported = finished.id;
      await loadProjects(currentPage);
      refreshLater();
    }
  } catch (error) {
    showImportProblem(0, { detail: error.message });
  } finally {
    button.disabled = false;
  }
}

session = await start('workspace');
if (!isDistrictOffice(session)) {
  document.getElementById('workspace').replaceChildren(el('div', { class: 'card span-12 muted', id: 'district-only' }, t('districtOnly')));
  document.body.dataset.loaded = 'true';
} else {
  document.getElementById('title').textContent = `${t('workspace')} · ${label(session.districts.find((d) => d.code === session.district))}`;
  if (session.role === 'DISTRICT') {
    buildActions();
    buildRegister();
    document.getElementById('import-form').addEventListener('submit', upload);
  } else {
    // the reviewer reads and reviews; it records nothing itself
    ['actions-card', 'register-card', 'import-card'].forEach((id) => document.getElementById(id).remove());
  }
  listFilter = projectFilter(session, () => drawProjects());
  document.getElementById('project-filter-holder').replaceChildren(listFilter.form);
  // a request approved (or rejected) in the queue: the list follows what funnel-service shows
  document.addEventListener('groundbreak:changed', (event) => { loadProjects(currentPage, event.detail.projectId); refreshLater(event.detail.projectId); });
  await loadProjects(0);
  document.body.dataset.loaded = 'true';
}