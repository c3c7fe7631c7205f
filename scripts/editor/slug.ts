import { romanize } from 'es-hangul';

const MAX_LENGTH = 60;

/**
 * A slug from an article's title: Korean is written in Revised Romanization (`배송지를 변경하고 싶어요` →
 * `baesongjireul-byeongyeonghago-sipeoyo`), accents are dropped, anything else becomes a hyphen, and a long title
 * is cut at a word boundary. Empty when the title has nothing that can be spelled in ASCII.
 */
export function slugFromTitle(title: string): string {
  const ascii = romanize(title.normalize('NFC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : ascii.slice(0, MAX_LENGTH)).replace(/-+$/, '');
}
