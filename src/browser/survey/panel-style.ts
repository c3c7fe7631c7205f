/**
 * The survey panel's look, one sheet for the help center's page and the widget's Shadow DOM. Colours come from the
 * page's variables (--bg, --text, --muted, --border, --accent, --accent-text, --focus, --radius), which the widget defines
 * for itself. A constructed sheet, so a Content-Security-Policy that forbids inline styles does not hide it.
 */
export const SURVEY_CSS = `
.survey-panel{position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483000;box-sizing:border-box;max-width:24rem;
margin-left:auto;max-height:calc(100vh - 2rem);overflow:auto;padding:1rem;color:var(--text);background:var(--bg);
border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 6px 24px rgb(0 0 0 / 25%)}
@media (max-width:30rem){.survey-panel{left:.5rem;right:.5rem;bottom:.5rem}}
@media (prefers-reduced-motion:no-preference){.survey-panel{animation:survey-panel-in .2s ease-out}}
@keyframes survey-panel-in{from{transform:translateY(1rem);opacity:0}}
.survey-panel h2{margin:0 0 .5rem;font-size:1rem}
.survey-panel fieldset{margin:0;padding:0;border:0}
.survey-panel legend{padding:0;margin-bottom:.5rem;font-weight:600}
.survey-panel__scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2rem,1fr));gap:.25rem}
.survey-panel__score{display:flex;flex-direction:column;align-items:center;padding:.25rem 0;border:1px solid var(--border);
border-radius:var(--radius);cursor:pointer}
.survey-panel__score input{width:1.5rem;height:1.5rem;margin:.25rem 0 0;accent-color:var(--accent)}
.survey-panel__ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.25rem;font-size:.9rem;color:var(--muted)}
.survey-panel__actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.75rem}
.survey-panel button{font:inherit;font-weight:600;cursor:pointer;color:var(--accent-text);background:var(--accent);
border:1px solid var(--accent);border-radius:var(--radius);padding:.45rem 1rem}
.survey-panel button.survey-panel__secondary{color:var(--accent);background:var(--bg)}
.survey-panel__why{display:grid;gap:.5rem}
.survey-panel__why[hidden],.survey-panel [hidden]{display:none}
.survey-panel__why button{justify-self:start}
.survey-panel textarea{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--muted);
border-radius:var(--radius);padding:.5rem;width:100%;box-sizing:border-box}
.survey-panel__optional,.survey-panel__hint{color:var(--muted);font-size:.9rem}
.survey-panel__hint{margin:0}
.survey-panel :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.survey-panel .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}`;

let sheet: CSSStyleSheet | undefined;

/** Adds the sheet, once, to a document or shadow root. */
export function adoptSurveyStyle(target: Document | ShadowRoot): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SURVEY_CSS);
  }
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}
