// eg-emulator's development helper, added to the console's page by the
// emulator only (never by the forwarder or a static host), as a
// development server adds its client to the page it serves.
//
// It offers "Use the local development user": one click asks the emulator
// for a token of its development user (POST /emulator/dev-session, which
// answers only this origin's page), leaves it where the console keeps
// remembered credentials (this tab's sessionStorage, the project in the
// settings), and reloads: the console starts signed in, nothing copied.
const SETTINGS = 'eg-connections.settings';
const TOKEN = 'eg-connections.token';
const ACCOUNT = 'eg-connections.account';
const ACCESS_KEY = 'eg-connections.access-key';

const WORDS = {
  en: {
    offer: 'Use the local development user',
    help: "This emulator's own user and project: one click, nothing to copy.",
    failed: 'The emulator refused the development session:',
  },
  zh: {
    offer: '使用本地开发用户',
    help: '本模拟器自带的用户和项目：一键登录，无需复制任何内容。',
    failed: '模拟器拒绝了开发会话：',
  },
};

function words() {
  return document.documentElement.lang.startsWith('zh') ? WORDS.zh : WORDS.en;
}

function remembered() {
  return Boolean(sessionStorage.getItem(TOKEN) || sessionStorage.getItem(ACCESS_KEY));
}

async function signIn(status) {
  const answer = await fetch('/emulator/dev-session', { method: 'POST' });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok || !body.token) {
    status.textContent = `${words().failed} ${body.error_msg ?? answer.status}`;
    status.hidden = false;
    return;
  }
  let settings = {};
  try {
    settings = JSON.parse(localStorage.getItem(SETTINGS) ?? '{}') ?? {};
  } catch {
    settings = {};
  }
  Object.assign(settings, { base_url: '', project_id: body.project.id, auth_method: 'token' });
  localStorage.setItem(SETTINGS, JSON.stringify(settings));
  sessionStorage.setItem(TOKEN, body.token);
  sessionStorage.setItem(ACCOUNT, `${body.user} @ ${body.domain}`);
  sessionStorage.removeItem(ACCESS_KEY);
  location.reload();
}

function offer() {
  const aside = document.createElement('aside');
  aside.className = 'panel dev-session';
  aside.id = 'dev-session-offer';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.id = 'dev-session';
  const help = document.createElement('p');
  help.className = 'help';
  const status = document.createElement('p');
  status.className = 'field-error';
  status.setAttribute('role', 'alert');
  status.hidden = true;
  const label = () => {
    button.textContent = words().offer;
    help.textContent = words().help;
  };
  label();
  button.addEventListener('click', () => {
    button.setAttribute('aria-busy', 'true');
    signIn(status).finally(() => button.removeAttribute('aria-busy'));
  });
  aside.append(button, help, status);
  // Above the console's own content, once it has mounted; hidden while
  // the console has credentials; relabelled when the language changes.
  const place = () => {
    const main = document.querySelector('body > main');
    if (main && aside.parentNode !== main) main.prepend(aside);
    // Credentials set (the settings folded, or their badge says so).
    aside.hidden = Boolean(document.querySelector('#settings-bar, .settings-head .badge.ok'));
  };
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  // Now too: a console that mounted before this script ran, and then
  // changed nothing, would never be observed (an e2e run saw no offer).
  place();
  new MutationObserver(label).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

if (!remembered()) offer();
