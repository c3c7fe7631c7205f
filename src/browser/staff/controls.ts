/** Small controls the staff pages share: a copy button, a shortened path, and the status-and-note form. */
import type { StaffMessages } from '../../shared/staff-messages.ts';
import { element } from '../element.ts';

/** Says what happened in the page's live region: saved, copied, failed. */
export function announce(text: string): void {
  document.getElementById('staff-status')!.textContent = text;
}

export function copyButton(text: string, label: string, messages: StaffMessages, primary = false): HTMLButtonElement {
  const button = element(
    'button',
    { type: 'button', class: `staff-button${primary ? ' staff-button--primary' : ''}` },
    label,
  );
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text);
    announce(messages.copied);
  });
  return button;
}

/** The end of a long path, whole on hover and, for keyboards and screen readers, in the row's detail panel. */
export function shortPath(path: string): HTMLElement {
  const parts = path.split('/');
  return element(
    'code',
    { class: 'staff-path', title: path },
    parts.length > 2 ? `…/${parts.slice(-2).join('/')}` : path,
  );
}

/** A path, command or line to paste elsewhere, in full and selectable, with its copy button. */
export function copyField(label: string, text: string, messages: StaffMessages): HTMLElement {
  const box = element('p', { class: 'staff-field' });
  box.append(element('span', {}, label), element('code', {}, text), copyButton(text, messages.copy, messages));
  return box;
}

/** A staff decision on a row: its status in words, a note, and Save. */
export function reviewForm<S extends string>(
  statuses: readonly S[],
  words: Record<S, string>,
  review: { status: string; note: string },
  save: (status: S, note: string) => Promise<Response>,
  messages: StaffMessages,
  onSaved: () => void = () => {},
): HTMLFormElement {
  const form = element('form', { class: 'staff-review' });
  const status = element('select', { name: 'status' });
  for (const value of statuses) status.append(element('option', { value }, words[value]));
  status.value = review.status;
  const note = element('textarea', { name: 'note', maxlength: '2000', rows: '2' });
  note.value = review.note;
  const label = (text: string, control: HTMLElement) => {
    const wrapper = element('label');
    wrapper.append(element('span', {}, text), control);
    return wrapper;
  };
  form.append(
    label(messages.status, status),
    label(messages.note, note),
    element('button', { type: 'submit', class: 'staff-button' }, messages.save),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await save(status.value as S, note.value);
    announce(response.ok ? messages.saved : messages.couldNotSave);
    if (response.ok) {
      Object.assign(review, { status: status.value, note: note.value });
      onSaved();
    }
  });
  return form;
}
