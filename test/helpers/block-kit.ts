/**
 * The shape Slack accepts for an incoming webhook's Block Kit message, written from Slack's reference
 * (docs.slack.dev/reference/block-kit) independently of the renderer: the block and element types we send, their
 * text objects and Slack's limits. It answers the problems, so a test names what is wrong.
 */
const LIMITS = { blocks: 50, header: 150, section: 3000, button: 75, url: 3000, elements: 25 };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function textObject(value: unknown, where: string, max: number, only?: 'plain_text'): string[] {
  if (!isObject(value)) return [`${where}: not a text object`];
  const problems: string[] = [];
  const { type, text, emoji, verbatim, ...rest } = value;
  if (type !== 'plain_text' && type !== 'mrkdwn') problems.push(`${where}.type: ${String(type)}`);
  if (only && type !== only) problems.push(`${where}: must be ${only}`);
  if (typeof text !== 'string' || text.length < 1 || text.length > max) {
    problems.push(`${where}.text: 1 to ${max} characters, has ${typeof text === 'string' ? text.length : typeof text}`);
  }
  if (emoji !== undefined && (type !== 'plain_text' || typeof emoji !== 'boolean')) problems.push(`${where}.emoji`);
  if (verbatim !== undefined && (type !== 'mrkdwn' || typeof verbatim !== 'boolean'))
    problems.push(`${where}.verbatim`);
  if (Object.keys(rest).length) problems.push(`${where}: unknown fields ${Object.keys(rest).join(', ')}`);
  return problems;
}

function button(value: unknown, where: string): string[] {
  if (!isObject(value) || value.type !== 'button') return [`${where}: not a button`];
  const problems = textObject(value.text, `${where}.text`, LIMITS.button, 'plain_text');
  const { url } = value;
  if (typeof url !== 'string' || url.length > LIMITS.url || !/^https?:\/\//.test(url)) problems.push(`${where}.url`);
  return problems;
}

function block(value: unknown, where: string): string[] {
  if (!isObject(value)) return [`${where}: not an object`];
  switch (value.type) {
    case 'header':
      return textObject(value.text, `${where}.text`, LIMITS.header, 'plain_text');
    case 'section':
      return textObject(value.text, `${where}.text`, LIMITS.section);
    case 'divider':
      return Object.keys(value).length === 1 ? [] : [`${where}: a divider has no fields`];
    case 'actions': {
      const { elements } = value;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > LIMITS.elements) {
        return [`${where}.elements: 1 to ${LIMITS.elements}`];
      }
      return elements.flatMap((element, i) => button(element, `${where}.elements[${i}]`));
    }
    default:
      return [`${where}.type: ${String(value.type)} is not a block we send`];
  }
}

/** What keeps Slack from accepting `payload` as `{ text, blocks }`; empty when it is well formed. */
export function blockKitProblems(payload: unknown): string[] {
  if (!isObject(payload)) return ['not an object'];
  const problems: string[] = [];
  if (typeof payload.text !== 'string' || !payload.text) problems.push('text: the fallback is missing');
  const { blocks } = payload;
  if (!Array.isArray(blocks) || blocks.length < 1 || blocks.length > LIMITS.blocks) {
    return [...problems, `blocks: 1 to ${LIMITS.blocks}`];
  }
  return [...problems, ...blocks.flatMap((entry, i) => block(entry, `blocks[${i}]`))];
}

/** Every mrkdwn and plain text of a payload, with the fallback. */
export function textsOf(payload: { text: string; blocks: unknown[] }): string[] {
  const texts: string[] = [payload.text];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      if ((value.type === 'mrkdwn' || value.type === 'plain_text') && typeof value.text === 'string')
        texts.push(value.text);
      Object.values(value).forEach(visit);
    }
  };
  visit(payload.blocks);
  return texts;
}
