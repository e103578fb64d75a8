// The dead letters of funnel-service and audit-service: the records each could not apply and keeps aside,
// and every operation on them. Auditors read; an admin reprocesses a record or a project's records, or
// discards a record with a reason. The services decide who may do what; this page only hides the buttons.
import { api, el, number, showError, t } from './app.js';
import { cityTime, projectLink, reasonLabel, statusLabel } from './completeness.js';

/** The services that keep dead letters, as the web app's gateway names them. */
const SERVICES = ['funnel-service', 'audit-service'];

function base(service) {
  return `/api/admin/${service}/dead-letters`;
}

/** A refusal as the service said it: its detail (or title), each named field's message, and the status. */
export function problemText(answer) {
  const body = answer.body ?? {};
  const errors = Array.isArray(body.errors)
    ? body.errors.map((error) => [error.field, error.message ?? error.detail].filter(Boolean).join(': ')).filter(Boolean) : [];
  const text = body.detail ?? body.title ?? '';
  return [text || t('requestFailed'), ...errors].join(' · ') + ` (${answer.status})`;
}

function problemBox(answer) {
  return el('div', { class: 'error-box', role: 'alert' }, problemText(answer));
}

export function deadLettersPanel(session, root) {
  const admin = session.role === 'ADMIN';
  const all = root.querySelector('#dead-letters-all');
  const message = root.querySelector('#dead-letters-message');
  const lists = root.querySelector('#dead-letters-lists');
  const operations = root.querySelector('#dead-letter-operations');
  root.querySelector('#dead-letters-role').textContent = admin ? '' : t('adminActsOnly');

  function say(ok, text) {
    message.replaceChildren(el('div', { class: ok ? 'ok-box' : 'error-box', role: ok ? 'status' : 'alert' }, text));
  }

  /** Sends an admin's action; on success says what happened and reads everything again. */
  async function act(button, service, path, body, describe) {
    const buttons = [...root.querySelectorAll('button[data-action]')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const answer = await api(`${base(service)}${path}`, { method: 'POST', body });
      if (!answer.ok) {
        say(false, `${service}: ${problemText(answer)}`);
      } else {
        // a record still parked after its reprocessing is said as a failure: the view is still incomplete
        const result = answer.body ?? {};
        say(result.status !== 'parked' && !(result.stillParked > 0), `${service}: ${describe(result)}`);
      }
      await load();
    } catch (error) {
      showError(message, error);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function discardForm(service, item, row) {
    const columns = row.children.length;
    const reason = el('input', { name: 'reason', size: 60, maxlength: 1000, required: true, placeholder: t('discardReason'),
      'aria-label': t('discardReason') });
    const form = el('form', { class: 'inline-form discard-form' }, reason,
      el('button', { type: 'submit', class: 'primary', dataset: { action: 'confirm-discard', id: item.id } }, t('confirmDiscard')),
      el('button', { type: 'button', class: 'secondary', onclick: () => line.remove() }, t('cancel')));
    const line = el('tr', { class: 'discard-line' }, el('td', { colspan: columns }, form));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        reason.classList.add('invalid');
        reason.focus();
        return;
      }
      act(event.submitter, service, `/${encodeURIComponent(item.id)}/discard`, { reason: reason.value.trim() },
        (answer) => t('discarded', { id: answer.id ?? item.id }));
    });
    row.after(line);
    reason.focus();
  }

  function actions(service, item) {
    if (!admin || item.status !== 'parked') return el('td', {});
    const cell = el('td', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary small', dataset: { action: 'reprocess', id: item.id },
        onclick: (event) => act(event.currentTarget, service, `/${encodeURIComponent(item.id)}/reprocess`, undefined,
          (answer) => t('reprocessedOne', { id: answer.id ?? item.id, status: answer.status ? t(`dlStatus_${answer.status}`) : '',
            outcome: answer.outcome ?? '' })) },
      t('reprocess')),
      item.projectId ? el('button', { type: 'button', class: 'secondary small', dataset: { action: 'reprocess-project', project: item.projectId },
        onclick: (event) => act(event.currentTarget, service, `/projects/${encodeURIComponent(item.projectId)}/reprocess`, undefined,
          (answer) => t('reprocessedProject', { project: answer.projectId ?? item.projectId, n: number(answer.reprocessed),
            m: number(answer.stillParked) })) },
      t('reprocessProject')) : '',
      el('button', { type: 'button', class: 'secondary small', dataset: { action: 'discard', id: item.id },
        onclick: (event) => {
          const row = event.currentTarget.closest('tr');
          if (!(row.nextElementSibling?.classList.contains('discard-line'))) discardForm(service, item, row);
        } },
      t('discard')));
    return cell;
  }

  /** The service's health indicator eventIntake: UP, or DEGRADED while records are parked or its lag passes the bound. */
  function intakeView(service, answer) {
    const health = answer.body ?? {};
    if (!health.status) {
      return el('p', { class: 'muted intake', dataset: { service } }, t('intakeUnreadable', { status: answer.status }));
    }
    const details = health.details ?? {};
    const statusKey = `intake_${health.status}`;
    return el('p', { class: 'intake', dataset: { service, status: health.status } },
      `${t('intake')}: `, el('span', { class: health.status === 'UP' ? 'ok' : 'bad' }, t(statusKey) === statusKey ? health.status : t(statusKey)),
      ` · ${t('intakeParked', { n: details.parked === null || details.parked === undefined ? '—' : number(details.parked) })}`,
      ` · ${details.lag === null || details.lag === undefined ? t('lagUnknown')
        : t('intakeLag', { lag: number(details.lag), maxLag: number(details.maxLag) })}`);
  }

  function listView(service, answer, intake) {
    const box = el('div', { class: 'dead-letter-list', id: `dead-letters-${service}`, dataset: { service } },
      el('h3', {}, service), intakeView(service, intake));
    if (!answer.ok) {
      box.append(problemBox(answer));
      return box;
    }
    const items = answer.body?.deadLetters ?? [];
    const outstanding = items.filter((item) => item.status === 'parked').length;
    box.dataset.count = items.length;
    box.dataset.outstanding = outstanding;
    box.append(el('p', { class: outstanding === 0 ? 'ok' : 'bad' },
      outstanding === 0 ? t('noOutstanding') : t('outstandingCount', { n: number(outstanding) }),
      all.checked ? el('span', { class: 'muted' }, ` · ${t('listed', { n: number(items.length) })}`) : ''));
    if (items.length > 0) {
      box.append(el('div', { class: 'scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, ['deadLetterId', 'reason', 'detail', 'projectId', 'sequence', 'eventId', 'firstFailureAt',
          'lastFailureAt', 'attempts', 'status', ''].map((key) => el('th', {}, key ? t(key) : '')))),
        el('tbody', {}, items.map((item) => {
          const row = el('tr', { dataset: { id: item.id, status: item.status } },
            el('td', { class: 'num' }, item.id), el('td', {}, reasonLabel(item.reason)),
            el('td', { class: 'detail', title: item.detail ?? '' }, item.detail ?? ''), el('td', {}, projectLink(item.projectId)),
            el('td', { class: 'num' }, item.sequence ?? '—'), el('td', { class: 'hash' }, item.eventId ?? '—'),
            el('td', {}, cityTime(item.firstFailureAt)), el('td', {}, cityTime(item.lastFailureAt)),
            el('td', { class: 'num' }, item.attempts ?? '—'), el('td', {}, statusLabel(item.status)));
          row.append(actions(service, item));
          return row;
        })))));
    }
    return box;
  }

  function operationsView(answers) {
    const errors = [];
    const rows = [];
    answers.forEach((answer, index) => {
      if (!answer.ok) errors.push(el('div', { class: 'error-box', role: 'alert' }, `${SERVICES[index]}: ${problemText(answer)}`));
      else (answer.body?.operations ?? []).forEach((operation) => rows.push({ service: SERVICES[index], ...operation }));
    });
    rows.sort((a, b) => String(b.at).localeCompare(String(a.at)));
    operations.replaceChildren(...errors, rows.length === 0 ? el('p', { class: 'muted' }, t('noOperations'))
      : el('div', { class: 'scroll' }, el('table', { id: 'dead-letter-operations-table' },
        el('thead', {}, el('tr', {}, ['opAt', 'service', 'opAction', 'deadLetterId', 'projectId', 'by', 'reason', 'outcome']
          .map((key) => el('th', {}, t(key))))),
        el('tbody', {}, rows.map((operation) => el('tr', { dataset: { service: operation.service, action: operation.action } },
          el('td', {}, cityTime(operation.at)), el('td', {}, operation.service), el('td', {}, t(`op_${operation.action}`)),
          el('td', { class: 'num' }, operation.deadLetterId ?? '—'), el('td', {}, projectLink(operation.projectId)),
          el('td', {}, operation.by), el('td', { class: 'detail' }, operation.reason ?? '—'),
          el('td', { class: 'detail' }, operation.outcome ?? '')))))));
  }

  async function load() {
    const status = all.checked ? 'all' : 'outstanding';
    try {
      const [letters, logs, intakes] = await Promise.all([
        Promise.all(SERVICES.map((service) => api(`${base(service)}?status=${status}`))),
        Promise.all(SERVICES.map((service) => api(`${base(service)}/operations`))),
        Promise.all(SERVICES.map((service) => api(`/api/admin/${service}/intake`))),
      ]);
      lists.replaceChildren(...SERVICES.map((service, index) => listView(service, letters[index], intakes[index])));
      operationsView(logs);
      root.dataset.loaded = 'true';
    } catch (error) {
      showError(lists, error);
    }
  }

  all.addEventListener('change', () => { message.replaceChildren(); load(); });
  root.querySelector('#dead-letters-refresh').addEventListener('click', () => { message.replaceChildren(); load(); });
  return load();
}
