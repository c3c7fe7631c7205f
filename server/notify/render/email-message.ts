/**
 * A message as an e-mail: a subject, a plain-text part and an HTML part in the recipient's language. The HTML is
 * escaped, styled inline (mail clients drop style sheets) and sets no page colours of its own, so light and dark
 * clients each show it in their own; only the links and the button carry a colour that reads on both.
 */
import type { Message, MessageItem, MessageLine } from '../messages.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const LINK = 'color:#2f6fdf';
const BUTTON =
  'display:inline-block;padding:10px 18px;border-radius:6px;background:#2f6fdf;color:#ffffff;font-weight:600;text-decoration:none';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function textItem(entry: MessageItem): string {
  const details = entry.lines.map(({ kind, text }) => (kind === 'quote' ? text.replace(/^/gm, '  > ') : `  ${text}`));
  return [`- ${entry.label}`, ...details, `  ${entry.url}`].join('\n');
}

function plainText(message: Message): string {
  const sections = message.sections.map((part) => {
    const body = part.items.length ? part.items.map(textItem).join('\n\n') : (part.empty ?? '');
    return part.heading ? `== ${part.heading} ==\n\n${body}` : body;
  });
  return (
    [message.title, message.summary, ...sections, `${message.action.label}: ${message.action.url}`].join('\n\n') + '\n'
  );
}

function htmlLine({ kind, text }: MessageLine): string {
  if (kind === 'quote') {
    return `<blockquote style="margin:6px 0;padding:0 0 0 12px;border-left:3px solid #8a94a6">${lines(text)}</blockquote>`;
  }
  if (kind === 'code') {
    return `<div style="margin:6px 0"><code style="font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px">${lines(text)}</code></div>`;
  }
  return `<div>${lines(text)}</div>`;
}

function htmlItem(entry: MessageItem): string {
  const label = `<a href="${escapeHtml(entry.url)}" style="${LINK};font-weight:600">${escapeHtml(entry.label)}</a>`;
  return `<li style="margin:0 0 14px">${label}${entry.lines.map(htmlLine).join('')}</li>`;
}

function html(message: Message): string {
  const sections = message.sections.map((part) => {
    const heading = part.heading
      ? `<h2 style="font-size:16px;margin:28px 0 10px">${escapeHtml(part.heading)}</h2>`
      : '';
    const body = part.items.length
      ? `<ul style="margin:0;padding:0 0 0 20px">${part.items.map(htmlItem).join('')}</ul>`
      : `<p style="margin:0">${escapeHtml(part.empty ?? '')}</p>`;
    return heading + body;
  });
  return `<!doctype html>
<html lang="${message.locale}">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(message.title)}</title>
</head>
<body style="margin:0;padding:24px 16px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI','Apple SD Gothic Neo','Malgun Gothic',sans-serif;font-size:15px;line-height:1.6">
<div style="max-width:600px;margin:0 auto">
<h1 style="font-size:20px;line-height:1.4;margin:0 0 8px">${escapeHtml(message.title)}</h1>
<p style="margin:0 0 20px">${lines(message.summary)}</p>
${sections.join('\n')}
<p style="margin:28px 0 0"><a href="${escapeHtml(message.action.url)}" style="${BUTTON}">${escapeHtml(message.action.label)}</a></p>
</div>
</body>
</html>
`;
}

export function renderEmail(message: Message): EmailContent {
  return { subject: message.title, text: plainText(message), html: html(message) };
}
