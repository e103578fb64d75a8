// Four eyes (issue 20 item 3): a correction, retraction, termination or amendment above the review bounds is a request
// (milestone-service answers 202) that changes nothing until a second person approves it. The card #requests-card lists
// the pending requests (funnel-service's GET /api/requests?status=pending&district=): on the district workspace the
// office's own, on the dashboard (ADMIN) every district's. A REVIEWER of the district or an ADMIN who did not ask
// approves (an optional note) or rejects (a required reason); the requester withdraws. Each answer redraws the queue
// and tells the page (the event 'groundbreak:changed') so that the project list follows; a form of the workspace that
// got a 202 tells the queue ('groundbreak:requested'). Mounts itself.
import {
  amount, api, chainName, districtName, el, href, isDistrictOffice, label, me, showError, stageName, t,
} from './app.js';
import { cityTime } from './freshness.js';
import { addTexts } from './i18n.js';
import { formField } from './lights.js';

addTexts({
  zh: {
    requests: '待审核变更', requestsHint: '超出审核范围的更正、撤回、终止和信息变更须经本区审核人（或市管理员）批准后生效；提交人不能审核自己的申请，可以撤回。',
    requestsNone: '没有待审核的变更。', requestsCount: '{n} 项', requestedBy: '提交人', requestedAt: '提交时间（北京）',
    requestChange: '申请变更', request_correction: '更正里程碑', request_retraction: '撤回里程碑', request_termination: '终止项目',
    request_amendment: '变更信息', approve: '批准', reject: '驳回', withdraw: '撤回申请', confirm: '确认',
    approvalNote: '审核意见（选填）', rejectionReason: '驳回原因（必填）', withdrawalReason: '撤回原因（选填）',
    approved: '已批准（事件 {event}，序号 {sequence}），变更已生效。', rejected: '已驳回。', withdrawn: '已撤回。',
    chgCorrection: '「{stage}」日期改为 {date}', chgAmount: '金额 {amount}', chgRetraction: '撤回「{stage}」',
    chgTermination: '终止，日期 {date}', chgField: '{field} 改为 {value}', chgReason: '原因：{reason}',
    ownRequest: '本人提交，待他人审核', chgSeparator: '；',
  },
  en: {
    requests: 'Pending changes', requestsHint: 'Corrections, retractions, terminations and amendments above the review bounds take effect once the district\'s reviewer (or a city admin) approves them; nobody reviews their own request, which its requester may withdraw.',
    requestsNone: 'No change is waiting for review.', requestsCount: '{n} pending', requestedBy: 'Requested by', requestedAt: 'Requested at (Beijing)',
    requestChange: 'Requested change', request_correction: 'Milestone correction', request_retraction: 'Milestone retraction',
    request_termination: 'Termination', request_amendment: 'Amendment', approve: 'Approve', reject: 'Reject', withdraw: 'Withdraw',
    confirm: 'Confirm', approvalNote: 'Note (optional)', rejectionReason: 'Reason for rejecting (required)',
    withdrawalReason: 'Reason for withdrawing (optional)',
    approved: 'Approved (event {event}, sequence {sequence}): the change is in effect.', rejected: 'Rejected.', withdrawn: 'Withdrawn.',
    chgCorrection: '{stage} dated {date}', chgAmount: 'amount {amount}', chgRetraction: 'retract {stage}',
    chgTermination: 'terminated on {date}', chgField: '{field} to {value}', chgReason: 'reason: {reason}',
    ownRequest: 'Your own request, for someone else to review', chgSeparator: '; ',
  },
});

/** The review steps: the text field each asks for, whether it is required, and what the answer says. */
const STEPS = {
  approval: { button: 'approve', field: 'note', label: 'approvalNote', required: false, done: 'approved' },
  rejection: { button: 'reject', field: 'reason', label: 'rejectionReason', required: true, done: 'rejected' },
  withdrawal: { button: 'withdraw', field: 'reason', label: 'withdrawalReason', required: false, done: 'withdrawn' },
};
const AMENDED = ['name', 'chain', 'investor', 'plannedInvestmentCny', 'park', 'responsiblePerson', 'responsibleLeader', 'source'];

function fieldLabel(name) {
  return name === 'plannedInvestmentCny' ? t('plannedInvestment') : t(`field_${formField(name)}`);
}

function amendedValue(session, name, value) {
  if (name === 'chain') return chainName(session, value);
  if (name === 'plannedInvestmentCny') return amount(value);
  if (name === 'source') return label((session.sources ?? []).find((source) => source.code === value)) || value;
  return value;
}

/** The requested change in words: what it would do, then its reason. */
function changeText(session, request) {
  const change = request.change ?? {};
  const stage = change.stage ? stageName(session, change.stage?.code ?? change.stage) : '';
  const parts = [];
  if (request.action === 'correction') {
    parts.push(t('chgCorrection', { stage, date: change.effectiveDate }));
    if (change.amountCny !== null && change.amountCny !== undefined) parts.push(t('chgAmount', { amount: amount(change.amountCny) }));
  } else if (request.action === 'retraction') {
    parts.push(t('chgRetraction', { stage }));
  } else if (request.action === 'termination') {
    parts.push(t('chgTermination', { date: change.effectiveDate }));
  } else if (request.action === 'amendment') {
    AMENDED.filter((name) => change[name] !== null && change[name] !== undefined).forEach((name) => {
      parts.push(t('chgField', { field: fieldLabel(name), value: amendedValue(session, name, change[name]) }));
    });
    Object.entries(change.plannedDates ?? {}).filter(([, date]) => date).forEach(([plannedStage, date]) => {
      parts.push(t('chgField', { field: fieldLabel(`plannedDates.${plannedStage}`), value: date }));
    });
  }
  if (change.reason) parts.push(t('chgReason', { reason: change.reason }));
  return parts.join(t('chgSeparator'));
}

/** Who may do what with a request: a reviewer (not the requester) approves and rejects, the requester withdraws. */
function stepsFor(session, request) {
  if (request.requestedBy === session.name) return ['withdrawal'];
  return session.role === 'REVIEWER' || session.role === 'ADMIN' ? ['approval', 'rejection'] : [];
}

async function mount(card) {
  const session = await me();
  // the workspace's queue is the office's (data-for="office"), the dashboard's the city admin's, every district's
  const office = card.dataset.for === 'office';
  if (office ? !isDistrictOffice(session) : session.role !== 'ADMIN') { card.hidden = true; return; }
  const count = el('span', { class: 'muted', id: 'requests-count' });
  const message = el('div', { id: 'requests-message' });
  const table = el('table', { id: 'requests-table' });
  card.hidden = false;
  card.replaceChildren(el('h2', {}, t('requests'), ' ', count), el('p', { class: 'muted' }, t('requestsHint')), message,
    el('div', { class: 'scroll' }, table));
  const query = { status: 'pending', district: office ? session.district : undefined };

  let loads = 0;
  const load = async () => {
    loads += 1;
    const mine = loads;
    const answer = await api(href('/api/requests', query));
    if (mine !== loads) return null; // a later load was asked for: its answer is the newer one
    if (!answer.ok) { showError(message, new Error(answer.body?.detail ?? `${answer.status}`)); return null; }
    const requests = answer.body.requests ?? [];
    count.textContent = t('requestsCount', { n: requests.length });
    count.dataset.count = requests.length;
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ['project', office ? null : 'district', 'action', 'requestChange', 'requestedBy', 'requestedAt', '']
        .filter((key) => key !== null).map((key) => el('th', {}, key ? t(key) : '')))),
      el('tbody', {}, requests.length === 0 ? el('tr', {}, el('td', { colspan: 7, class: 'muted' }, t('requestsNone')))
        // eslint-disable-next-line no-use-before-define
        : requests.map((request) => row(request))));
    card.dataset.loaded = String(requests.length);
    return requests;
  };

  /** funnel-service follows the ledger within seconds: read again until the request has joined (or left) the queue. */
  const follow = async (requestId, listed) => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      // eslint-disable-next-line no-await-in-loop
      const requests = await load();
      if (requests && requests.some((request) => request.requestId === requestId) === listed) return;
      // eslint-disable-next-line no-await-in-loop
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
  };

  /** The inline form of a step: its text, then confirm or cancel. */
  const stepForm = (request, step, buttons) => {
    const spec = STEPS[step];
    const text = el('textarea', { name: spec.field, rows: 2, maxlength: 1000, required: spec.required });
    const error = el('span', { class: 'field-error', dataset: { errorFor: spec.field } });
    const confirm = el('button', { type: 'submit', class: 'primary small', id: `confirm-${step}-${request.requestId}` }, t('confirm'));
    const cancel = el('button', { type: 'button', class: 'secondary small' }, t('cancel'));
    const form = el('form', { class: 'step-form', novalidate: true, dataset: { step } },
      el('label', { class: 'field' }, el('span', {}, t(spec.label)), text, error), confirm, ' ', cancel);
    cancel.addEventListener('click', () => form.replaceWith(buttons));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.dataset.busy === 'true') return;
      const value = text.value.trim();
      if (spec.required && !value) { error.textContent = t('required'); return; }
      form.dataset.busy = 'true';
      confirm.disabled = true;
      try {
        const answer = await api(`/api/projects/${encodeURIComponent(request.projectId)}/requests/${encodeURIComponent(request.requestId)}/${step}`,
          { method: 'POST', body: value ? { [spec.field]: value } : {} });
        if (answer.ok) {
          message.replaceChildren(el('div', { class: 'ok-box', role: 'status', dataset: { request: request.requestId, step } },
            `${request.code ?? ''} ${t(spec.done, { event: answer.body?.eventId ?? '', sequence: answer.body?.sequence ?? '' })}`));
          document.dispatchEvent(new CustomEvent('groundbreak:changed', { detail: { projectId: request.projectId } }));
          await follow(request.requestId, false);
        } else {
          (answer.body?.errors ?? []).forEach((problem) => { if (problem.field === spec.field) error.textContent = problem.message; });
          message.replaceChildren(el('div', { class: 'error-box', role: 'alert', dataset: { status: answer.status,
            problem: (answer.body?.type ?? '').replace('urn:groundbreak:problem:', '') } }, answer.body?.detail ?? `${answer.status}`));
        }
      } finally {
        form.dataset.busy = 'false';
        confirm.disabled = false;
      }
    });
    return form;
  };

  const row = (request) => {
    const steps = stepsFor(session, request);
    const buttons = el('div', { class: 'step-buttons' });
    const actions = el('td', { class: 'actions' }, buttons);
    steps.forEach((step) => {
      buttons.append(el('button', { type: 'button', class: 'secondary small', dataset: { step },
        onclick: () => { message.replaceChildren(); buttons.replaceWith(stepForm(request, step, buttons)); } }, t(STEPS[step].button)), ' ');
    });
    if (request.requestedBy === session.name) buttons.append(el('span', { class: 'muted' }, t('ownRequest')));
    return el('tr', { dataset: { request: request.requestId, project: request.projectId, action: request.action } },
      el('td', {}, el('a', { class: 'figure', href: href('/project.html', { id: request.projectId }) },
        `${request.code ?? ''} · ${request.name ?? ''}`)),
      office ? null : el('td', {}, districtName(session, request.district?.code ?? request.district)),
      el('td', {}, t(`request_${request.action}`)),
      el('td', { class: 'wrap change' }, changeText(session, request)),
      el('td', {}, request.requestedBy),
      el('td', {}, cityTime(request.requestedAt)),
      actions);
  };

  document.addEventListener('groundbreak:requested', (event) => {
    follow(event.detail.requestId, true).catch((error) => showError(message, error));
  });
  await load();
}

const card = document.getElementById('requests-card');
if (card) mount(card).catch((error) => showError(card, error));
