/**
 * widget.js, the one tag a host site adds:
 *   <script src="https://help.example.com/widget.js" data-locale="ko" data-context="returns" async></script>
 * It draws only a launcher button, inside a Shadow DOM so the host's CSS and ours never meet, and loads the panel
 * (and, on the first search, the search engine) when the reader opens it. Its one global is `window.Helploop`.
 * Optional attributes: `data-context` (else the page's path is matched against contexts.yaml) and
 * `data-path-prefix` (where the shop lives under its origin, cut off before matching).
 */
import type { Locale } from '../../shared/locales.ts';
import type { Panel } from './panel.ts';

interface HelploopApi {
  open(): Promise<void>;
  close(): void;
  /** For single-page apps: the page changed to this context (or back to matching the URL, without a key). */
  setContext(key?: string): void;
  /**
   * Asks one of site.yaml's `on: host` surveys now (e.g. after an order arrived), unless this browser was asked it
   * within its throttle or is outside its sample; resolves to whether it was shown.
   */
  survey(id: string): Promise<boolean>;
}

declare global {
  interface Window {
    Helploop?: HelploopApi;
  }
}

const LAUNCHER = { ko: '도움말', en: 'Help' };

const CSS = `:host{all:initial}
.launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:flex;align-items:center;gap:.4rem;
padding:.7rem 1.1rem;border:0;border-radius:999px;background:#1d4ed8;color:#fff;font:600 1rem/1.2 system-ui,"Apple SD Gothic Neo","Noto Sans KR","Noto Sans CJK KR",sans-serif;
box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}
.launcher:hover{background:#1e40af}
.launcher:focus-visible{outline:3px solid #f59e0b;outline-offset:3px}
.launcher[aria-expanded=true]{display:none}
@media (prefers-color-scheme:dark){.launcher{background:#93c5fd;color:#0b1220}.launcher:hover{background:#bfdbfe}}`;

function start(script: HTMLScriptElement) {
  const base = new URL('./', script.src).href;
  const locale: Locale = script.dataset.locale === 'en' ? 'en' : 'ko';
  let context = script.dataset.context || undefined;

  const host = document.createElement('div');
  host.setAttribute('data-helploop-widget', '');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed sheet, not a <style> element: a host page whose Content-Security-Policy forbids inline styles
  // (as the help center's own does) still shows the widget as designed.
  const style = new CSSStyleSheet();
  style.replaceSync(CSS);
  root.adoptedStyleSheets = [style];
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.textContent = LAUNCHER[locale];
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.setAttribute('aria-expanded', 'false');
  root.append(launcher);
  document.body.append(host);

  const surveyOptions = () => ({ root, launcher, base, locale, context, pathPrefix: script.dataset.pathPrefix ?? '' });
  const surveys = () => import(/* @vite-ignore */ `${base}widget/survey.js`) as Promise<typeof import('./survey.ts')>;
  let panel: Promise<Panel> | undefined;
  const load = () =>
    (panel ??= (import(/* @vite-ignore */ `${base}widget/panel.js`) as Promise<typeof import('./panel.ts')>)
      .then(({ mountPanel }) =>
        mountPanel({
          root,
          launcher,
          base,
          locale,
          pathPrefix: script.dataset.pathPrefix ?? '',
          // A finished widget session is a moment to ask the help center's own survey, as reading is on its pages.
          sessionEnded: () => void surveys().then(({ askAfterSession }) => askAfterSession(surveyOptions())),
        }),
      )
      .catch((error: unknown) => {
        panel = undefined;
        throw error;
      }));

  const api: HelploopApi = {
    async open() {
      (await load()).open(context);
    },
    close() {
      void panel?.then((loaded) => loaded.close());
    },
    async survey(id) {
      return (await surveys()).askSurvey(id, surveyOptions());
    },
    setContext(key) {
      context = key || undefined;
      void panel?.then((loaded) => loaded.setContext(context));
    },
  };
  launcher.addEventListener('click', () => void api.open());
  window.Helploop = api;
}

const script = document.currentScript as HTMLScriptElement | null;
if (script && !window.Helploop) {
  if (document.body) start(script);
  else document.addEventListener('DOMContentLoaded', () => start(script), { once: true });
}
