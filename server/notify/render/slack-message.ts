/**
 * A message as a Slack incoming webhook's Block Kit payload: a plain-text fallback, a header, sections in mrkdwn
 * and a button to the staff page. Everything is escaped (a reader's comment can neither link nor mention anyone)
 * and cut to Block Kit's limits, so Slack never refuses a message for its size.
 */
import { messageWords } from '../message-words.ts';
import type { Message, MessageItem, MessageLine } from '../messages.ts';

// Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks).
const HEADER_TEXT = 150;
const SECTION_TEXT = 3000;
const BLOCKS = 50;
const BUTTON_TEXT = 75;
const URL_LENGTH = 3000;

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: true;
}
interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  // Slack still reads our <url|label> links but leaves the rest as written: no auto-linked names or channels.
  verbatim: true;
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'divider' }
  | { type: 'actions'; elements: { type: 'button'; text: PlainText; url: string }[] };
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's control characters as entities: what a reader wrote stays words. */
export const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escaped text cut to `max` characters with an ellipsis, never inside an entity, a link or a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = text.slice(0, max - 1);
  const entity = kept.lastIndexOf('&');
  if (entity > kept.lastIndexOf(';')) kept = kept.slice(0, entity);
  const link = kept.lastIndexOf('<');
  if (link > kept.lastIndexOf('>')) kept = kept.slice(0, link);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

const plain = (text: string, max: number): PlainText => ({
  type: 'plain_text',
  text: cut(escapeSlack(text), max),
  emoji: true,
});
const section = (mrkdwn: string): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(mrkdwn, SECTION_TEXT), verbatim: true },
});
// A `|` would end the address inside <url|label>.
const link = (url: string, label: string) => `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(label)}>`;

function line({ kind, text }: MessageLine): string {
  const escaped = escapeSlack(text);
  if (kind === 'quote') return escaped.replace(/^/gm, '> ');
  return kind === 'code' ? `\`\`\`${escaped}\`\`\`` : escaped;
}
const item = (entry: MessageItem) => [`*${link(entry.url, entry.label)}*`, ...entry.lines.map(line)].join('\n');

export function renderSlackMessage(message: Message): SlackMessage {
  const body: { block: SlackBlock; item: boolean }[] = message.sections.flatMap((part) => [
    ...(part.heading
      ? [
          { block: { type: 'divider' } as const, item: false },
          { block: section(`*${escapeSlack(part.heading)}*`), item: false },
        ]
      : []),
    ...(part.items.length === 0 && part.empty ? [{ block: section(`_${escapeSlack(part.empty)}_`), item: false }] : []),
    ...part.items.map((entry) => ({ block: section(item(entry)), item: true })),
  ]);
  // Header, summary and button take three blocks; a cut body needs one more to say how much is left out.
  const room = BLOCKS - 3;
  const shown = body.length <= room ? body : body.slice(0, room - 1);
  const left = body.slice(shown.length).filter((entry) => entry.item).length;
  const { url, label } = message.action;
  return {
    text: cut(escapeSlack(`${message.title}\n${message.summary}`), SECTION_TEXT),
    blocks: [
      { type: 'header', text: plain(message.title, HEADER_TEXT) },
      section(escapeSlack(message.summary)),
      ...shown.map((entry) => entry.block),
      ...(left
        ? [section(`_${escapeSlack(messageWords[message.locale].more(left.toLocaleString(message.locale)))}_`)]
        : []),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: plain(label, BUTTON_TEXT),
            // An address too long for a button still leads to the staff workspace.
            url: url.length <= URL_LENGTH ? url : new URL('/staff/', url).href,
          },
        ],
      },
    ],
  };
}
