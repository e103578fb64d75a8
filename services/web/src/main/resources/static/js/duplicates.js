// Issue 20: projects registered twice across districts (疑似重复项目). The dashboard's card #duplicates-card lists the
// open candidates of funnel-service (GET /api/duplicates?status=open; a district office gets the pairs with one of its
// own projects) with their evidence side by side, and the decided pairs (status=decided) with their decision. The
// coordination office (ADMIN) decides a pair — one project (a primary chosen) or two — with a required reason, and
// reverses a decision by deciding again (POST /api/duplicates/{first}~{second}/decision, milestone-service). Others read.
// Mounts itself.
import { amount, api, chainName, districtName, el, label, me, number, showError, t } from './app.js';
import { cityTime } from './freshness.js';
import { addTexts } from './i18n.js';

// zh and en list the same keys on purpose (one dictionary per language, as in i18n.js).
addTexts({
  zh: {
    duplicates: '疑似重复项目', duplicatesHint: '不同区、同一产业链，投资方与项目名称相近、计划投资相当的项目。认定为同一项目后，重复的一方不再计入任何数字，只按主项目所在区计一次。',
    duplicatesOpen: '待认定', duplicatesDecided: '已认定', duplicatesNone: '没有待认定的疑似重复项目。',
    duplicatesNoneDecided: '尚无已认定的项目对。', duplicatesCount: '{n} 对', dupFirst: '项目一', dupSecond: '项目二',
    dupInvestorSimilarity: '投资方相似度', dupNameSimilarity: '名称相似度', dupInvestmentRatio: '计划投资之比',
    dupSame: '同一项目，以此为准：', dupDifferent: '不同项目（分别计入）', dupReason: '认定理由（必填）', dupDecide: '提交认定',
    dupReverse: '改判', dupDecidedSame: '认定为同一项目，以 {code} 为准', dupDecidedDifferent: '认定为不同项目',
    dupDecidedBy: '{by} 于 {at} 认定', dupSaved: '已认定（事件 {event}，序号 {sequence}）。', dupChoose: '请选择认定结果',
    dupReadOnly: '仅市投资促进部门（管理员）可以认定。', dupReasonIs: '理由：{reason}',
  },
  en: {
    duplicates: 'Duplicate candidates', duplicatesHint: 'Projects of different districts in one chain whose investors and names are alike and whose planned investments are close. Once a pair is decided to be one project, the duplicate leaves every figure and is counted once, under its primary\'s district.',
    duplicatesOpen: 'Open', duplicatesDecided: 'Decided', duplicatesNone: 'No open duplicate candidates.',
    duplicatesNoneDecided: 'No pair has been decided yet.', duplicatesCount: '{n} pair(s)', dupFirst: 'First project', dupSecond: 'Second project',
    dupInvestorSimilarity: 'Investor similarity', dupNameSimilarity: 'Name similarity', dupInvestmentRatio: 'Planned investment ratio',
    dupSame: 'The same project, counted as:', dupDifferent: 'Different projects (each counted)', dupReason: 'Reason (required)', dupDecide: 'Decide',
    dupReverse: 'Reverse', dupDecidedSame: 'Decided the same project, counted as {code}', dupDecidedDifferent: 'Decided different projects',
    dupDecidedBy: 'by {by} at {at}', dupSaved: 'Decided (event {event}, sequence {sequence}).', dupChoose: 'Choose a decision',
    dupReadOnly: 'Only the coordination office (an admin) decides.', dupReasonIs: 'Reason: {reason}',
  },
});

/** A pair's id as milestone-service takes it; funnel-service sends it, else the two ids in toString order. */
function pairId(candidate) {
  return candidate.id ?? [candidate.first.projectId, candidate.second.projectId].sort().join('~');
}

/** The evidence: at the candidate's top level (the contract) or under `evidence` (the first answer's shape). */
function evidence(candidate, name) {
  return candidate[name] ?? candidate.evidence?.[name] ?? null;
}

function place(session, value, named) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? named(session, value) : label(value) || value.code;
}

function projectFacts(session, project) {
  return [project.code, project.name, place(session, project.district, districtName), place(session, project.chain, chainName),
    project.investor ?? '—', amount(project.plannedInvestmentCny)];
}

/** The two projects side by side: one row per fact, then the evidence. */
function evidenceTable(session, candidate) {
  const facts = ['code', 'name', 'district', 'chain', 'investor', 'plannedInvestment'];
  const first = projectFacts(session, candidate.first);
  const second = projectFacts(session, candidate.second);
  const similarity = (name) => {
    const value = evidence(candidate, name);
    return value === null ? '—' : `${(value * 100).toFixed(0)}%`;
  };
  const ratio = evidence(candidate, 'investmentRatio');
  return el('table', { class: 'pair-table' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', {}, t('dupFirst')), el('th', {}, t('dupSecond')))),
    el('tbody', {},
      facts.map((fact, index) => el('tr', { dataset: { fact } }, el('th', {}, t(fact)),
        el('td', { class: 'wrap' }, index === 1 ? el('a', { class: 'figure', href: `/project.html?id=${candidate.first.projectId}` }, first[index]) : first[index]),
        el('td', { class: 'wrap' }, index === 1 ? el('a', { class: 'figure', href: `/project.html?id=${candidate.second.projectId}` }, second[index]) : second[index]))),
      el('tr', { class: 'evidence' }, el('th', {}, t('dupInvestorSimilarity')), el('td', { colspan: 2, dataset: { evidence: 'investor' } }, similarity('investorSimilarity'))),
      el('tr', { class: 'evidence' }, el('th', {}, t('dupNameSimilarity')), el('td', { colspan: 2, dataset: { evidence: 'name' } }, similarity('nameSimilarity'))),
      el('tr', { class: 'evidence' }, el('th', {}, t('dupInvestmentRatio')), el('td', { colspan: 2, dataset: { evidence: 'ratio' } },
        ratio === null ? '—' : number(Number(ratio).toFixed(2))))));
}

function problemLines(answer) {
  return [el('div', {}, answer.body?.detail ?? `${answer.status}`),
    ...(answer.body?.errors ?? []).map((error) => el('div', {}, `${error.field}: ${error.message}`))];
}

/** A decision form for a pair: the same project (counted as one of the two) or two, and a required reason. */
function decisionForm(candidate, onDecided) {
  const id = pairId(candidate);
  const choice = (value, text) => el('label', { class: 'choice' },
    el('input', { type: 'radio', name: 'decision', value }), ' ', text);
  const reason = el('textarea', { name: 'reason', rows: 2, required: true, maxlength: 1000 });
  const message = el('div', { class: 'form-message' });
  const submit = el('button', { type: 'submit', class: 'primary small' }, t('dupDecide'));
  const form = el('form', { class: 'decision-form', novalidate: true, dataset: { pair: id } },
    choice(`same:${candidate.first.projectId}`, `${t('dupSame')} ${candidate.first.code}`),
    choice(`same:${candidate.second.projectId}`, `${t('dupSame')} ${candidate.second.code}`),
    choice('different', t('dupDifferent')),
    el('label', { class: 'field' }, el('span', {}, t('dupReason')), reason, el('span', { class: 'field-error', dataset: { errorFor: 'reason' } })),
    submit, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.busy === 'true') return;
    message.replaceChildren();
    form.querySelectorAll('.field-error').forEach((node) => { node.textContent = ''; });
    const picked = form.querySelector('input[name=decision]:checked')?.value;
    if (!picked) { message.replaceChildren(el('div', { class: 'error-box' }, t('dupChoose'))); return; }
    if (!reason.value.trim()) { form.querySelector('[data-error-for=reason]').textContent = t('required'); return; }
    const body = picked === 'different' ? { decision: 'different', reason: reason.value.trim() }
      : { decision: 'same', primaryProjectId: picked.substring('same:'.length), reason: reason.value.trim() };
    form.dataset.busy = 'true';
    submit.disabled = true;
    try {
      const answer = await api(`/api/duplicates/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
      if (answer.ok) {
        message.replaceChildren(el('div', { class: 'ok-box', role: 'status', dataset: { event: answer.body.eventId } },
          t('dupSaved', { event: answer.body.eventId, sequence: answer.body.sequence })));
        onDecided(id, candidate.decision);
      } else {
        (answer.body?.errors ?? []).forEach((error) => {
          const spot = form.querySelector(`[data-error-for='${error.field}']`);
          if (spot) spot.textContent = error.message;
        });
        message.replaceChildren(el('div', { class: 'error-box', role: 'alert', dataset: { status: answer.status,
          problem: (answer.body?.type ?? '').replace('urn:groundbreak:problem:', '') } }, problemLines(answer)));
      }
    } finally {
      form.dataset.busy = 'false';
      submit.disabled = false;
    }
  });
  return form;
}

function decisionText(candidate) {
  const decision = candidate.decision;
  if (!decision) return null;
  const primary = [candidate.first, candidate.second].find((project) => project.projectId === decision.primaryProjectId);
  return el('div', { class: 'decision', dataset: { same: String(decision.same) } },
    el('strong', {}, decision.same ? t('dupDecidedSame', { code: primary?.code ?? decision.primaryProjectId }) : t('dupDecidedDifferent')),
    ' ', el('span', { class: 'muted' }, t('dupDecidedBy', { by: decision.decidedBy ?? '—', at: cityTime(decision.decidedAt) })),
    el('div', { class: 'wrap' }, t('dupReasonIs', { reason: decision.reason ?? '' })));
}

function pairCard(session, candidate, admin, onDecided) {
  const id = pairId(candidate);
  const card = el('div', { class: 'pair', dataset: { pair: id } }, evidenceTable(session, candidate), decisionText(candidate));
  if (!admin) return card;
  if (!candidate.decision) {
    card.append(decisionForm(candidate, onDecided));
  } else {
    // a reversal is another decision, with its own reason
    const reverse = el('button', { type: 'button', class: 'secondary small reverse' }, t('dupReverse'));
    reverse.addEventListener('click', () => { reverse.replaceWith(decisionForm(candidate, onDecided)); });
    card.append(reverse);
  }
  return card;
}

async function mount(card) {
  const session = await me();
  const admin = session.role === 'ADMIN';
  let status = 'open';
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const count = el('span', { class: 'muted', id: 'duplicates-count' });
  const list = el('div', { id: 'duplicates-list' });
  card.replaceChildren(el('h2', {}, t('duplicates'), ' ', count), el('p', { class: 'muted' }, t('duplicatesHint')),
    ...(admin ? [] : [el('p', { class: 'muted' }, t('dupReadOnly'))]), tabs, list);

  const load = async () => {
    card.removeAttribute('data-loaded');
    const answer = await api(`/api/duplicates?status=${status}`);
    if (!answer.ok) { showError(list, new Error(answer.body?.detail ?? `${answer.status}`)); return null; }
    const candidates = answer.body.candidates ?? [];
    count.textContent = t('duplicatesCount', { n: candidates.length });
    count.dataset.count = candidates.length;
    list.replaceChildren(...(candidates.length === 0
      ? [el('p', { class: 'muted' }, t(status === 'open' ? 'duplicatesNone' : 'duplicatesNoneDecided'))]
      // eslint-disable-next-line no-use-before-define
      : candidates.map((candidate) => pairCard(session, candidate, admin, decided))));
    card.dataset.loaded = status;
    return candidates;
  };

  /**
   * funnel-service follows the decision within seconds: read again until the pair has left the open list, or (a
   * reversal) shows the new decision.
   */
  const decided = async (id, before) => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      // eslint-disable-next-line no-await-in-loop
      await new Promise((resolve) => { setTimeout(resolve, 500); });
      // eslint-disable-next-line no-await-in-loop
      const answer = await api(`/api/duplicates?status=${status}`);
      const pairs = answer.ok ? answer.body.candidates ?? [] : [];
      const pair = pairs.find((candidate) => pairId(candidate) === id);
      if (status === 'open' ? !pair : JSON.stringify(pair?.decision) !== JSON.stringify(before)) break;
    }
    await load();
  };

  ['open', 'decided'].forEach((name) => {
    const tab = el('button', { type: 'button', role: 'tab', class: `tab${name === status ? ' active' : ''}`, id: `duplicates-tab-${name}` },
      t(name === 'open' ? 'duplicatesOpen' : 'duplicatesDecided'));
    tab.addEventListener('click', () => {
      status = name;
      tabs.querySelectorAll('.tab').forEach((other) => other.classList.toggle('active', other === tab));
      load().catch((error) => showError(list, error));
    });
    tabs.append(tab);
  });
  await load();
}

const card = document.getElementById('duplicates-card');
if (card) mount(card).catch((error) => showError(card, error));
