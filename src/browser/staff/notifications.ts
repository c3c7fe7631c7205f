/**
 * /staff/notifications/, for admins: where notifications go (webhooks, Slack, e-mail), which part of the help
 * center each destination gets, and how delivery went. Secrets are write-only: the page never sees a stored one,
 * and a generated one is shown once, when it is made.
 */
import type { Locale } from '../../shared/locales.ts';
import type { StaffMessages } from '../../shared/staff-messages.ts';
import type { DestinationKind, NotificationType } from '../../../server/notify/notification.ts';
import type {
  DestinationChanges,
  DestinationInput,
  DestinationLog,
  DestinationView,
} from '../../../server/staff/notification-routes.ts';
import { element } from '../element.ts';
import { announce, copyField } from './controls.ts';
import { formatters, type Formatters } from './format.ts';
import { startStaffPage } from './page.ts';
import { staffFetch, staffSend } from './session.ts';

const API = '/api/staff/notifications/destinations';

interface Choices {
  locales: Locale[];
  categories: { id: string; title: Record<string, string> }[];
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const wrapper = element('label', { class: 'staff-field-block' });
  wrapper.append(element('span', {}, label), control);
  if (hint) wrapper.append(element('span', { class: 'staff-quiet' }, hint));
  return wrapper;
}

/** A group of checkboxes named `name`, the given values checked. */
function checkboxes(legend: string, name: string, options: [string, string][], checked: readonly string[]) {
  const set = element('fieldset', { class: 'staff-checks' });
  set.append(element('legend', {}, legend));
  for (const [value, label] of options) {
    const box = element('input', { type: 'checkbox', name, value });
    box.checked = checked.includes(value);
    const wrapper = element('label');
    wrapper.append(box, ` ${label}`);
    set.append(wrapper);
  }
  return set;
}

export async function runNotifications(): Promise<void> {
  const { locale, messages, role } = await startStaffPage();
  const list = document.getElementById('notify-destinations')!;
  if (role !== 'admin') {
    list.replaceChildren(element('li', { class: 'staff-empty' }, messages.adminsOnly));
    return;
  }
  const format = formatters(locale);
  // The page's words for each kind, type and outcome the server has: the compiler checks none is missing.
  const words: {
    kinds: Record<DestinationKind, string>;
    types: Record<NotificationType, string>;
    targets: Record<DestinationKind, string>;
    outcomes: Record<DestinationLog['attempts'][number]['outcome'], string>;
  } = {
    kinds: messages.destinationKind,
    types: messages.notificationType,
    targets: messages.destinationTarget,
    outcomes: messages.attemptOutcome,
  };
  const types = Object.keys(words.types) as NotificationType[];
  const choices: Choices = JSON.parse(document.getElementById('notify-choices')!.textContent!);

  /** The form for a new destination, or for changing one (its kind stays). */
  function destinationForm(current: DestinationView | undefined, done: () => void): HTMLFormElement {
    const form = element('form', { class: 'staff-panel' });
    const kind = element('select', { name: 'kind' });
    for (const value of Object.keys(words.kinds) as DestinationKind[])
      kind.append(element('option', { value }, words.kinds[value]));
    kind.value = current?.kind ?? 'webhook';
    kind.disabled = current !== undefined;
    const name = element('input', { name: 'name', required: '', maxlength: '100', value: current?.name ?? '' });
    const target = element('input', { name: 'target', required: '', maxlength: '2000', value: current?.target ?? '' });
    const targetLabel = element('span', {}, words.targets[kind.value as DestinationKind]);
    const secret = element('input', { name: 'secret', autocomplete: 'off', spellcheck: 'false' });
    const secretField = field(messages.secret, secret, messages.secretHint);
    const fromEnvironment = current?.source === 'env';
    target.disabled = fromEnvironment;
    secret.disabled = fromEnvironment;
    const showKind = () => {
      targetLabel.textContent = words.targets[kind.value as DestinationKind];
      target.type = kind.value === 'email' ? 'text' : 'url';
      secretField.hidden = kind.value !== 'webhook';
    };
    kind.addEventListener('change', showKind);
    const language = element('select', { name: 'locale' });
    for (const value of choices.locales) language.append(element('option', { value }, messages.localeName[value]));
    language.value = current?.locale ?? locale;
    const targetField = element('label', { class: 'staff-field-block' });
    targetField.append(targetLabel, target);
    form.append(
      field(messages.destinationKindLabel, kind),
      field(messages.destinationName, name),
      targetField,
      secretField,
      field(messages.messageLocale, language),
      checkboxes(
        messages.routeCategories,
        'categories',
        choices.categories.map((category) => [category.id, category.title[locale] ?? category.id]),
        current?.categories ?? [],
      ),
      checkboxes(
        messages.routeLocales,
        'locales',
        choices.locales.map((value) => [value, messages.localeName[value]]),
        current?.locales ?? [],
      ),
      checkboxes(
        messages.sendTypes,
        'types',
        types.filter((type) => type !== 'test').map((type) => [type, words.types[type]]),
        current?.types ?? types,
      ),
    );
    if (fromEnvironment) form.append(element('p', { class: 'staff-quiet' }, messages.fromEnvironment));
    const actions = element('p', { class: 'staff-actions' });
    actions.append(
      element(
        'button',
        { type: 'submit', class: 'staff-button staff-button--primary' },
        current ? messages.save : messages.add,
      ),
    );
    if (current) {
      const cancel = element('button', { type: 'button', class: 'staff-button staff-button--quiet' }, messages.cancel);
      cancel.addEventListener('click', done);
      actions.append(cancel);
    }
    form.append(actions);
    showKind();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const routing = {
        name: name.value,
        locale: language.value as Locale,
        categories: data.getAll('categories').map(String),
        locales: data.getAll('locales').map(String) as Locale[],
        // A test can always be sent; it is not a kind a destination opts into.
        types: [...(data.getAll('types').map(String) as NotificationType[]), 'test' as const],
      };
      const addressed = fromEnvironment ? {} : { target: target.value, ...(secret.value && { secret: secret.value }) };
      const response = current
        ? await staffSend('PATCH', `${API}/${current.id}`, { ...routing, ...addressed } satisfies DestinationChanges)
        : await staffSend('POST', API, {
            kind: kind.value as DestinationKind,
            ...routing,
            target: target.value,
            ...(secret.value && { secret: secret.value }),
          } satisfies DestinationInput);
      if (!response.ok) return announce(await problemOf(response, messages));
      const answer: { destination: DestinationView; secret?: string } = await response.json();
      announce(messages.saved);
      await draw();
      if (answer.secret) showSecretOnce(answer.destination.id, answer.secret);
      if (!current) {
        form.reset();
        showKind();
      }
    });
    return form;
  }

  /** A generated secret, shown under its destination this once. */
  function showSecretOnce(id: number, secret: string) {
    const card = document.getElementById(`notify-${id}`);
    const box = element('div', { class: 'staff-returned' });
    box.append(element('p', {}, messages.secretOnce), copyField(messages.secret, secret, messages));
    card?.querySelector('.staff-actions')?.before(box);
  }

  function card(destination: DestinationView): HTMLElement {
    const node = element('li', { class: 'staff-item', id: `notify-${destination.id}` });
    const heading = element('h2', {}, `${destination.name} · ${words.kinds[destination.kind]}`);
    const state = destination.enabled
      ? messages.enabled
      : destination.disabledReason
        ? messages.offBecause(destination.disabledReason)
        : messages.off;
    const all = messages.everything;
    const facts = [
      destination.target,
      `${messages.messageLocale}: ${messages.localeName[destination.locale]}`,
      `${messages.category}: ${destination.categories.length ? destination.categories.join(', ') : all}`,
      `${messages.articleLocale}: ${destination.locales.length ? destination.locales.map((value) => messages.localeName[value]).join(', ') : all}`,
      destination.types
        .filter((type) => type !== 'test')
        .map((type) => words.types[type])
        .join(', '),
    ];
    const summary = element('div', {});
    summary.append(
      element('p', { class: destination.enabled ? 'staff-quiet' : 'staff-returned' }, state),
      ...facts.map((fact) => element('p', { class: 'staff-quiet' }, fact)),
    );
    const actions = element('div', { class: 'staff-actions' });
    const button = (label: string, act: () => Promise<void>, quiet = false) => {
      const control = element(
        'button',
        { type: 'button', class: `staff-button${quiet ? ' staff-button--quiet' : ''}` },
        label,
      );
      control.addEventListener('click', () => void act());
      return control;
    };
    const log = element('details', { class: 'staff-log' });
    log.append(element('summary', {}, messages.deliveryLog));
    log.addEventListener('toggle', () => {
      if (log.open) void drawLog(destination.id, log, format);
    });
    actions.append(
      button(messages.edit, async () => {
        summary.replaceChildren(destinationForm(destination, () => void draw()));
        summary.querySelector('input')?.focus();
      }),
      button(messages.sendTest, async () => {
        const response = await staffSend('POST', `${API}/${destination.id}/test`);
        announce(response.ok ? messages.testQueued : await problemOf(response, messages));
      }),
      button(messages.retryNow, async () => {
        const response = await staffSend('POST', `${API}/${destination.id}/retry`);
        if (!response.ok) return announce(await problemOf(response, messages));
        announce(messages.rescheduled(format.number((await response.json()).rescheduled)));
      }),
      button(destination.enabled ? messages.switchOff : messages.switchOn, async () => {
        const response = await staffSend('PATCH', `${API}/${destination.id}`, { enabled: !destination.enabled });
        if (!response.ok) return announce(await problemOf(response, messages));
        announce(messages.saved);
        await draw();
      }),
    );
    if (destination.source !== 'env')
      actions.append(
        button(
          messages.remove,
          async () => {
            const response = await staffSend('DELETE', `${API}/${destination.id}`);
            if (!response.ok) return announce(await problemOf(response, messages));
            announce(messages.deleted);
            await draw();
          },
          true,
        ),
      );
    node.append(heading, summary, actions, log);
    return node;
  }

  async function drawLog(id: number, box: HTMLDetailsElement, format: Formatters) {
    const response = await staffFetch(`${API}/${id}/log?limit=20`);
    if (!response.ok) return announce(messages.couldNotLoad);
    const log: DestinationLog = await response.json();
    const { pending, delivered, failed } = log.counts;
    const parts: Node[] = [
      element('p', {}, messages.outboxCounts(format.number(pending), format.number(delivered), format.number(failed))),
    ];
    if (log.nextAttemptAt) parts.push(element('p', {}, messages.nextAttempt(format.date(log.nextAttemptAt))));
    if (!log.attempts.length) parts.push(element('p', {}, messages.noAttempts));
    else {
      const table = element('table', { class: 'staff-table' });
      const head = table.createTHead().insertRow();
      const columns = messages.attemptColumns;
      for (const label of [columns.at, columns.type, columns.outcome, columns.status, columns.error])
        head.append(element('th', { scope: 'col' }, label));
      const types = new Map(log.messages.map((message) => [message.id, message.type]));
      const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
      for (const attempt of log.attempts) {
        const row = table.createTBody().insertRow();
        const type = types.get(attempt.messageId);
        const cells = [
          time.format(new Date(attempt.at)),
          type ? words.types[type] : attempt.messageId,
          words.outcomes[attempt.outcome],
          attempt.status === null ? '–' : String(attempt.status),
          attempt.error ?? '',
        ];
        cells.forEach((text, i) => {
          const cell = row.insertCell();
          cell.dataset.label = head.cells[i]!.textContent!;
          if (text) cell.textContent = text;
        });
      }
      parts.push(table);
    }
    box.replaceChildren(box.querySelector('summary')!, ...parts);
  }

  async function draw() {
    const response = await staffFetch(API);
    if (!response.ok) return announce(messages.couldNotLoad);
    const { destinations }: { destinations: DestinationView[] } = await response.json();
    list.replaceChildren(
      ...(destinations.length
        ? destinations.map(card)
        : [element('li', { class: 'staff-empty' }, messages.noDestinations)]),
    );
    list.dataset.state = 'drawn';
  }

  const add = document.getElementById('notify-add')!;
  add.append(destinationForm(undefined, () => {}));
  add.hidden = false;
  await draw();
}

/** The API's error as one line: its message and, per field, what is wrong. */
async function problemOf(response: Response, messages: StaffMessages): Promise<string> {
  const body = await response.json().catch(() => undefined);
  const error = body?.error;
  if (!error) return messages.couldNotSave;
  const issues = (error.issues ?? []) as { path: string; message: string }[];
  return [error.message, ...issues.map((issue) => `${issue.path}: ${issue.message}`)].join(' · ');
}
