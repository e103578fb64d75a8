import { language, setLanguage, t, translatePage } from './i18n.js';

translatePage();
document.getElementById('language').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'zh' : 'en');
  window.location.reload();
});
const query = new URLSearchParams(window.location.search);
const message = document.getElementById('message');
if (query.has('error')) message.innerHTML = `<div class="error-box" role="alert">${t('loginFailed')}</div>`;
if (query.has('logout')) message.innerHTML = `<div class="muted">${t('loggedOut')}</div>`;

// The login posts a CSRF token like every other form; the session has none before this request.
const submit = document.getElementById('submit');
submit.disabled = true;
fetch('/web/csrf', { credentials: 'same-origin' })
  .then((answer) => answer.json())
  .then((token) => {
    const field = document.getElementById('csrf');
    field.name = token.parameterName;
    field.value = token.token;
    submit.disabled = false;
  });
