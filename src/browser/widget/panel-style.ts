const LIGHT =
  '--bg:#fff;--text:#111827;--muted:#4b5563;--border:#d1d5db;--accent:#1d4ed8;--hover:#eff6ff;--focus:#b45309';
const DARK =
  '--bg:#111827;--text:#f3f4f6;--muted:#d1d5db;--border:#374151;--accent:#93c5fd;--hover:#1f2937;--focus:#fbbf24';
const FONT = 'font:16px/1.55 system-ui,"Apple SD Gothic Neo","Noto Sans KR","Noto Sans CJK KR",sans-serif';

/** The survey panel's colours and type inside the widget, where the help center's page variables do not reach. */
export const SURVEY_PALETTE = `.survey-panel{${LIGHT};--accent-text:#fff;--radius:12px;${FONT};word-break:keep-all}
@media (prefers-color-scheme:dark){.survey-panel{${DARK};--accent-text:#111827}}`;

/** The panel's look, inside its Shadow DOM: nothing here reaches the host page, nothing of the host's reaches in. */
export const PANEL_CSS = `
.panel{${LIGHT};
position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:flex;flex-direction:column;box-sizing:border-box;
width:min(24rem,calc(100vw - 1rem));max-height:min(40rem,calc(100vh - 2rem));background:var(--bg);color:var(--text);
border:1px solid var(--border);border-radius:12px;box-shadow:0 12px 32px rgba(0,0,0,.28);
${FONT};word-break:keep-all;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){.panel{${DARK}}}
@media (max-width:480px){.panel{right:.5rem;bottom:.5rem;max-height:calc(100vh - 1rem)}}
.panel[hidden]{display:none}
.panel *{box-sizing:border-box}
.panel :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.head{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.75rem 1rem;border-bottom:1px solid var(--border)}
h2{margin:0;font-size:1.05rem}
h3{margin:.25rem 0 .5rem;font-size:.95rem;color:var(--muted)}
.close,.back{font:inherit;background:none;border:0;color:var(--text);cursor:pointer;border-radius:6px}
.close{font-size:1.5rem;line-height:1;width:2.25rem;height:2.25rem}
.back{padding:.25rem 0;color:var(--accent);text-decoration:underline}
.search{padding:.75rem 1rem 0}
.search label{display:block;font-size:.85rem;color:var(--muted);margin-bottom:.25rem}
.search input{width:100%;font:inherit;padding:.5rem .75rem;border:1px solid var(--border);border-radius:8px;background:var(--bg);color:var(--text)}
.body{flex:1;overflow-y:auto;padding:.75rem 1rem}
.list{list-style:none;margin:0;padding:0;display:grid;gap:.25rem}
.item{display:grid;gap:.1rem;padding:.5rem .6rem;border-radius:8px;color:var(--text);text-decoration:none}
.item:hover{background:var(--hover)}
.item strong{color:var(--accent);font-weight:600}
.item span{font-size:.88rem;color:var(--muted)}
.status{color:var(--muted)}
.live{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.article h3{color:var(--text);font-size:1.1rem;margin:.5rem 0}
.prose{font-size:.95rem}
.prose a,.full{color:var(--accent)}
.prose img{max-width:100%;height:auto}
.prose table{border-collapse:collapse;width:100%;font-size:.88rem}
.prose th,.prose td{border:1px solid var(--border);padding:.25rem .4rem;text-align:left}
.handoff{display:flex;align-items:center;justify-content:space-between;gap:.5rem;flex-wrap:wrap;padding:.75rem 1rem;border-top:1px solid var(--border);font-size:.9rem}
.handoff p{margin:0}
.contact{display:inline-block;padding:.4rem .9rem;border-radius:999px;background:var(--accent);color:var(--bg);font-weight:600;text-decoration:none}
`;
