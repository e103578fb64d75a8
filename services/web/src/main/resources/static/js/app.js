// What every page of the web app shares: the API call, the header, formats and small DOM helpers.
import { language, label, setLanguage, t, translatePage } from './i18n.js';

export { label, t };

function cookie(name) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/**
 * Calls the API through the web app (which forwards to the services as the logged-in user).
 * Answers {status, ok, body}; body is the parsed JSON (problem+json included) or null.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const request = { method, credentials: 'same-origin', headers: { 'Accept-Language': language(), ...headers } };
  if (method !== 'GET') {
    request.headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') ?? '';
  }
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  const response = await fetch(path, request);
  if (response.status === 401) {
    // the session or the user's token at the provider is gone: sign in again there
    window.location.assign('/oauth2/authorization/keycloak');
    throw new Error('not logged in');
  }
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = type.includes('json') ? await response.json() : null;
  return { status: response.status, ok: response.ok, body: parsed };
}

/** The answer's body, or an exception carrying the problem's detail. */
export async function read(path) {
  const answer = await api(path);
  if (!answer.ok) {
    throw new Error(answer.body?.detail ?? `${answer.status}`);
  }
  return answer.body;
}

let session;
export async function me() {
  session ??= await read('/web/me');
  return session;
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'onclick') node.addEventListener('click', value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function params() {
  return new URLSearchParams(window.location.search);
}

/** A URL with these query parameters, leaving out empty ones. */
export function href(path, values) {
  const query = new URLSearchParams();
  Object.entries(values).forEach(([name, value]) => { if (value !== undefined && value !== null && value !== '') query.set(name, value); });
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Amounts in 亿元, or 万元 below one 亿 (English: 100M / 10K CNY). */
export function amount(cny) {
  if (cny === null || cny === undefined) return '—';
  const value = Number(cny);
  if (Math.abs(value) >= 1e8 || value === 0) {
    return `${(value / 1e8).toLocaleString(language() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 })} ${t('yi')}`;
  }
  return `${(value / 1e4).toLocaleString(language() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 0 })} ${t('wan')}`;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function number(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString(language() === 'en' ? 'en' : 'zh-CN');
}

/** "150000" 万元 → "1500000000.00" yuan, exactly (no floating point); null when it is no such amount. */
export function wanToYuan(text) {
  const clean = text.replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(clean);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(6, '0');
  const whole = `${match[1]}${fraction.slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  return `${whole}.${fraction.slice(4)}`;
}

/** A random UUID also where crypto.randomUUID is missing (plain http to a server that is not localhost). */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Today in the city (Asia/Shanghai), as YYYY-MM-DD. */
export function cityToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function stageName(session, code) {
  return label(session.stages.find((stage) => stage.stage === code)) || code;
}

export function districtName(session, code) {
  return label(session.districts.find((district) => district.code === code)) || code;
}

export function chainName(session, code) {
  return label(session.chains.find((chain) => chain.code === code)) || code;
}

/** A district office's people: the office (DISTRICT) and its reviewer (REVIEWER), both bound to one district. */
export function isDistrictOffice(session) {
  return session.role === 'DISTRICT' || session.role === 'REVIEWER';
}

/** A district as the API names it: a code, or a reference-data label {code, nameZh, nameEn}. */
function districtOf(session, district) {
  return typeof district === 'string' ? districtName(session, district) : label(district) || district?.code || '';
}

/**
 * A project's duplicate marks (issue 20): "重复项目，计入 {code}（{district}）" on the duplicate (duplicateOf) and the codes
 * registered twice on its primary (duplicates); nothing for a project without a decided duplicate.
 */
export function duplicateMarks(session, item) {
  const marks = [];
  if (item.duplicateOf) {
    marks.push(el('span', { class: 'badge duplicate', dataset: { duplicateOf: item.duplicateOf.projectId } },
      t('duplicateOf', { code: item.duplicateOf.code, district: districtOf(session, item.duplicateOf.district) })));
  }
  if (item.duplicates?.length) {
    marks.push(el('span', { class: 'badge duplicates', dataset: { duplicates: item.duplicates.map((d) => d.projectId).join(' ') } },
      t('duplicatesOf', { list: item.duplicates.map((d) => t('codeInDistrict', { code: d.code, district: districtOf(session, d.district) })).join(t('listSeparator')) })));
  }
  return marks;
}

export function showError(container, error) {
  container.replaceChildren(el('div', { class: 'error-box', role: 'alert' }, error.message ?? String(error)));
}

/** The header: the pages this role may open, the language switch, the user and the logout. */
export async function start(active) {
  translatePage();
  const session = await me();
  const mayAudit = session.role === 'AUDITOR' || session.role === 'ADMIN';
  const pages = [['dashboard', '/dashboard.html'], ['projects', '/projects.html']];
  if (isDistrictOffice(session)) pages.unshift(['workspace', '/district.html']);
  if (mayAudit) pages.push(['audit', '/audit.html']);
  const logout = el('form', { method: 'post', action: '/logout' },
    el('input', { type: 'hidden', name: '_csrf', value: '' }),
    el('button', { type: 'submit', id: 'logout' }, t('logout')));
  logout.addEventListener('submit', () => { logout.elements._csrf.value = cookie('XSRF-TOKEN') ?? ''; });
  document.querySelector('header.top').replaceChildren(
    el('span', { class: 'brand' }, t('appName')),
    el('nav', {}, pages.map(([key, path]) => el('a', { href: path, class: key === active ? 'active' : null, id: `nav-${key}` }, t(key)))),
    el('div', { class: 'who' },
      el('button', { type: 'button', id: 'language', onclick: () => { setLanguage(language() === 'en' ? 'zh' : 'en'); window.location.reload(); } },
        t('switchLanguage')),
      el('span', { id: 'user' }, session.district ? `${session.name} · ${districtName(session, session.district)}` : session.name),
      logout));
  return session;
}

/** District and chain pickers (a district office's district is fixed) filled from the reference data. */
export function fillFilters(session, form, values) {
  const districts = form.elements.district;
  districts.replaceChildren(el('option', { value: '' }, t('allDistricts')),
    ...session.districts.map((district) => el('option', { value: district.code }, label(district))));
  const chains = form.elements.chain;
  chains.replaceChildren(el('option', { value: '' }, t('allChains')),
    ...session.chains.map((chain) => el('option', { value: chain.code }, label(chain))));
  if (session.district) {
    districts.value = session.district;
    districts.disabled = true;
  } else {
    districts.value = values.district ?? '';
  }
  chains.value = values.chain ?? '';
  if (form.elements.asOf) form.elements.asOf.value = values.asOf || cityToday();
}
