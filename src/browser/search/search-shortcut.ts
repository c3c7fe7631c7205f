/**
 * `/` (outside text fields) or Ctrl/Cmd+K jumps to the search box in the header. A single-key shortcut can fire by
 * accident for speech-input and keyboard users (WCAG 2.1.4), so the footer offers to turn `/` off, remembered in
 * this browser only.
 */
import { documentLocale } from '../document-locale.ts';

const STORAGE_KEY = 'helploop:slash-shortcut';

const messages = {
  ko: { on: '‘/’ 검색 단축키 끄기', off: '‘/’ 검색 단축키 켜기' },
  en: { on: 'Turn off the “/” search shortcut', off: 'Turn on the “/” search shortcut' },
};

function slashEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

addEventListener('keydown', (event) => {
  const typing = (event.target as HTMLElement).closest?.('input, textarea, select, [contenteditable]');
  const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && slashEnabled();
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (!slash && !commandK) return;
  const box = document.getElementById('header-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
});

const setting = document.querySelector<HTMLElement>('[data-slash-setting]');
const toggle = setting?.querySelector('button');
if (setting && toggle) {
  const text = messages[documentLocale()];
  const label = () => (toggle.textContent = slashEnabled() ? text.on : text.off);
  toggle.addEventListener('click', () => {
    try {
      localStorage.setItem(STORAGE_KEY, slashEnabled() ? 'off' : 'on');
    } catch {
      // Without storage the setting cannot be kept; the shortcut stays as it was.
    }
    label();
  });
  label();
  setting.hidden = false;
}
