// One project: its facts and stages on a date (funnel-service) and, for auditors, its whole history.
import { amount, duplicateMarks, el, href, label, params, read, showError, start, t } from './app.js';
import { freshnessNote, leastFresh } from './freshness.js';
import { historyTable } from './history.js';

const session = await start('projects');
const query = params();
const id = query.get('id');
try {
  const project = await read(href(`/api/projects/${encodeURIComponent(id)}`, { asOf: query.get('asOf') }));
  const item = project.project;
  document.getElementById('project-name').textContent = `${item.name} (${item.code})`;
  // a decided duplicate (issue 20): marked on the project itself or on its list row's shape
  const marks = duplicateMarks(session, { duplicateOf: project.duplicateOf ?? item.duplicateOf,
    duplicates: project.duplicates ?? item.duplicates });
  const fact = (key, value) => el('tr', {}, el('th', {}, t(key)), el('td', {}, value ?? '—'));
  document.getElementById('facts').replaceChildren(el('table', {}, el('tbody', {},
    fact('asOf', project.asOf), fact('district', label(item.district)), fact('chain', label(item.chain)),
    fact('investor', project.investor), fact('park', project.park), fact('plannedInvestment', amount(item.plannedInvestmentCny)),
    fact('stage', item.stage ? label(item.stage) : '—'), fact('since', item.stageSince),
    fact('status', el('span', { class: `badge ${item.status}` }, t(item.status))),
    fact('completedInvestment', project.completedInvestmentCny === null ? null
      : `${amount(project.completedInvestmentCny)} (${project.completedInvestmentPeriod})`),
    fact('terminatedOn', project.terminatedOn),
    fact('duplicate', marks.length ? marks : null))));
  const events = project.stages.map((stage) => el('li', { dataset: { stage: stage.stage.code } },
    el('span', { class: 'when' }, stage.effectiveDate ?? (stage.skipped ? t('skipped') : t('notYet'))),
    el('strong', {}, label(stage.stage)), stage.amountCny ? el('span', {}, amount(stage.amountCny)) : null));
  project.suspensions.forEach((period) => events.push(el('li', {}, el('span', { class: 'when' }, period.suspendedOn),
    el('span', { class: 'badge SUSPENDED' }, t('SUSPENDED')), period.resumedOn ? `${t('resumedOn')} ${period.resumedOn}` : '')));
  document.getElementById('timeline').replaceChildren(...events);
  const freshness = [project.freshness];
  if (session.role === 'AUDITOR' || session.role === 'ADMIN') {
    const history = await read(`/api/audit/projects/${encodeURIComponent(id)}/history`);
    historyTable(document.getElementById('history-table'), history.events);
    document.getElementById('history-card').hidden = false;
    freshness.push(history.freshness);
  }
  document.getElementById('freshness').replaceChildren(freshnessNote(leastFresh(freshness), 'project-freshness'));
  document.body.dataset.loaded = 'true';
} catch (error) {
  showError(document.getElementById('error'), error);
}
