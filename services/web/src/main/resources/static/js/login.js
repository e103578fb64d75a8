import { language, setLanguage, t, translatePage } from './i18n.js';

// Only where a sign-in failed or a logout ended: every page without a session goes straight to the provider.
translatePage();
document.getElementById('language').addEventListener('click', () => {
  setLanguage(language() === 'en' ? 'zh' : 'en');
  window.location.reload();
});
const query = new URLSearchParams(window.location.search);
const message = document.getElementById('message');
if (query.has('error')) message.innerHTML = `<div class="error-box" role="alert">${t('loginFailed')}</div>`;
if (query.has('logout')) message.innerHTML = `<div class="muted">${t('loggedOut')}</div>`;
