/**
 * The staff home: the few things most worth fixing this week, across every report, each stating its case in a
 * sentence and offering its action. Acting on an item (fixing, resolving, accepting, dismissing) takes it off
 * the list; the server brings it back, marked, when the evidence returns.
 */
import { reasonLabels, type UnhelpfulReason } from '../../shared/feedback-reasons.ts';
import {
  ARTICLE_STATUSES,
  CLOSING_STATUSES,
  QUERY_STATUSES,
  type SynonymStatus,
} from '../../shared/review-statuses.ts';
import type { Inbox, InboxItem } from '../../../server/inbox/items.ts';
import { element } from '../element.ts';
import { announce, copyButton } from './controls.ts';
import { formatters } from './format.ts';
import { startStaffPage } from './page.ts';
import { helpfulnessWords, searchPath, type Words } from './report-tables.ts';
import { saveArticleReview, saveQueryReview, saveSynonymReview } from './reviews.ts';
import { staffFetch, staffSend } from './session.ts';

type Action = HTMLElement;

export async function runInbox(): Promise<void> {
  const { locale, messages } = await startStaffPage();
  const words: Words = { locale, messages, format: formatters(locale) };
  const { format } = words;
  const list = document.getElementById('staff-inbox')!;
  const undoBox = document.getElementById('staff-undo')!;

  /** Takes the item off the list and puts the keyboard on the next one, so the work goes on where it was. */
  function remove(node: HTMLElement, said: string, undo?: () => Promise<Response>) {
    const next = (node.nextElementSibling ?? node.previousElementSibling) as HTMLElement | null;
    node.remove();
    announce(said);
    undoBox.replaceChildren();
    if (undo) {
      const button = element('button', { type: 'button', class: 'staff-button' }, messages.undo);
      button.addEventListener('click', async () => {
        if ((await undo()).ok) {
          undoBox.replaceChildren();
          await draw();
        }
      });
      undoBox.append(button);
    }
    (next?.querySelector('h2') ?? document.getElementById('staff-title'))?.focus();
    if (!list.children.length) list.replaceChildren(element('li', { class: 'staff-empty' }, messages.inboxEmpty));
  }

  /** A button that saves a decision that takes the item off the list. */
  function decide(node: HTMLElement, label: string, save: () => Promise<Response>, primary = false): Action {
    const button = element(
      'button',
      { type: 'button', class: `staff-button${primary ? ' staff-button--primary' : ''}` },
      label,
    );
    button.addEventListener('click', async () => {
      if ((await save()).ok) remove(node, messages.saved);
      else announce(messages.couldNotSave);
    });
    return button;
  }

  /** The item's status as words; a status that closes the item takes it off the list. */
  function statusSelect<S extends string>(
    node: HTMLElement,
    statuses: readonly S[],
    words: Record<S, string>,
    current: S,
    closing: Partial<Record<S, boolean>>,
    save: (status: S) => Promise<Response>,
  ): Action {
    const label = element('label', { class: 'staff-inline' });
    const select = element('select');
    for (const status of statuses) select.append(element('option', { value: status }, words[status]));
    select.value = current;
    select.addEventListener('change', async () => {
      const status = select.value as S;
      if (!(await save(status)).ok) return announce(messages.couldNotSave);
      if (status in closing) remove(node, messages.saved);
      else announce(messages.saved);
    });
    label.append(element('span', {}, messages.status), select);
    return label;
  }

  const link = (href: string, text: string, primary = false) =>
    element('a', { href, class: `staff-button${primary ? ' staff-button--primary' : ''}` }, text);

  function caseOf(item: InboxItem): { sentence: string; facts: string[] } {
    switch (item.kind) {
      case 'article': {
        const [, range] = helpfulnessWords(item, words);
        const reason =
          item.topReason &&
          messages.topReason(
            reasonLabels[locale][item.topReason.reason as UnhelpfulReason] ?? item.topReason.reason,
            format.number(item.topReason.count),
          );
        return {
          sentence: messages.inboxArticle(item.title, format.number(item.helpful), format.number(item.votes)),
          facts: [messages.count.views(format.number(item.views)), range ?? '', reason ?? ''].filter(Boolean),
        };
      }
      case 'query':
        return {
          sentence: messages.inboxQuery(item.query, format.number(item.visitors)),
          facts: item.contacted ? [messages.inboxContacted(format.number(item.contacted))] : [],
        };
      case 'synonym':
        return {
          sentence: messages.inboxSynonym(
            item.query,
            format.number(item.affected),
            format.number(item.readers),
            item.title,
          ),
          facts: [],
        };
    }
  }

  function actionsOf(item: InboxItem, node: HTMLElement): Action[] {
    switch (item.kind) {
      case 'article': {
        const edit = item.editUrl
          ? link(item.editUrl, messages.editArticle, true)
          : copyButton(item.sourcePath, messages.copySourcePath, messages, true);
        return [
          edit,
          link(item.url, messages.openArticle),
          statusSelect(
            node,
            ARTICLE_STATUSES,
            messages.articleStatus,
            item.review.status,
            CLOSING_STATUSES.article,
            (status) => saveArticleReview(item.articleId, status, item.review.note),
          ),
        ];
      }
      case 'query':
        return [
          copyButton(item.newArticleCommand, messages.copyCommand, messages, true),
          link(searchPath(item.locale, item.query), messages.tryTheSearch),
          statusSelect(
            node,
            QUERY_STATUSES,
            messages.queryStatus,
            item.review.status,
            CLOSING_STATUSES.query,
            (status) => saveQueryReview(item, status, item.review.note),
          ),
        ];
      case 'synonym': {
        const review = (status: SynonymStatus) => () => saveSynonymReview(item, status, '');
        return [
          decide(node, messages.accept, review('accepted'), true),
          decide(node, messages.reject, review('rejected')),
          link(item.url, messages.openArticle),
        ];
      }
    }
  }

  function itemNode(item: InboxItem): HTMLElement {
    const node = element('li', { class: 'staff-item', 'data-kind': item.kind });
    const { sentence, facts } = caseOf(item);
    node.append(element('h2', { tabindex: '-1' }, sentence));
    if (item.returned)
      node.append(
        element(
          'p',
          { class: 'staff-returned' },
          'fixedAt' in item.returned
            ? messages.returnedAfterFix(format.date(item.returned.fixedAt))
            : messages.returnedAfterDismiss(format.date(item.returned.dismissedAt)),
        ),
      );
    if (facts.length) node.append(element('p', { class: 'staff-quiet' }, facts.join(' · ')));
    if (item.kind === 'article' && item.latestComment)
      node.append(element('blockquote', {}, messages.quote(item.latestComment.comment)));
    const actions = element('div', { class: 'staff-actions' });
    const dismiss = element('button', { type: 'button', class: 'staff-button staff-button--quiet' }, messages.dismiss);
    dismiss.addEventListener('click', async () => {
      if (!(await staffSend('POST', '/api/staff/inbox/dismissals', { id: item.id })).ok)
        return announce(messages.couldNotSave);
      remove(node, messages.dismissed, () => staffSend('DELETE', '/api/staff/inbox/dismissals', { id: item.id }));
    });
    actions.append(...actionsOf(item, node), dismiss);
    node.append(actions);
    return node;
  }

  async function draw() {
    announce(messages.loading);
    const response = await staffFetch('/api/staff/inbox');
    if (!response.ok) return announce(messages.couldNotLoad);
    const { items }: Inbox = await response.json();
    list.replaceChildren(
      ...(items.length ? items.map(itemNode) : [element('li', { class: 'staff-empty' }, messages.inboxEmpty)]),
    );
    list.dataset.state = 'drawn';
    announce('');
  }

  await draw();
}
