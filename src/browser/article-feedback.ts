/**
 * "Was this helpful?" with JavaScript: no reload, a reason step after No, the answer remembered per article, and
 * every vote queued in the outbox so an API outage only delays it. Also reports the page view. Without JavaScript
 * the same markup is a plain form that posts to the API and comes back to the article's thank-you.
 */
import { documentLocale } from './document-locale.ts';
import { enqueue } from './outbox.ts';
import { noteVotedNo } from './survey/visit.ts';

type State = 'ask' | 'why' | 'thanks-yes' | 'thanks-no';
interface Answer {
  helpful: boolean;
  reason?: string;
}

const messages = {
  ko: { answered: (yes: boolean) => `‘${yes ? '네' : '아니요'}’로 답하셨어요.`, change: '답변 바꾸기' },
  en: { answered: (yes: boolean) => `You answered “${yes ? 'Yes' : 'No'}”.`, change: 'Change answer' },
};

class ArticleFeedback extends HTMLElement {
  private articleId = '';

  connectedCallback(): void {
    this.articleId = this.dataset.article!;
    const form = this.querySelector('form')!;
    this.classList.add('feedback--enhanced');
    form.addEventListener('submit', (event) => this.onSubmit(event));
    const previous = this.remembered();
    this.show(previous ? (previous.helpful ? 'thanks-yes' : 'thanks-no') : 'ask', false);
    void enqueue('/api/views', { articleId: this.articleId });
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const button = event.submitter as HTMLButtonElement | null;
    const form = event.target as HTMLFormElement;
    if (button?.value === 'yes') return this.vote({ helpful: true }, 'thanks-yes');
    if (!button?.classList.contains('feedback__send')) {
      // No counts at once; the reason, if given, replaces it (one vote per reader and day).
      this.vote({ helpful: false }, 'why');
      return;
    }
    const data = new FormData(form);
    const reason = (data.get('reason') as string | null) ?? undefined;
    const comment = ((data.get('comment') as string | null) ?? '').trim() || undefined;
    this.vote({ helpful: false, reason, comment }, 'thanks-no');
  }

  private vote(answer: Answer & { comment?: string }, next: State): void {
    void enqueue('/api/votes', { articleId: this.articleId, ...answer });
    // A reader who said an article did not help is not asked how easy the help center was in the same visit.
    if (!answer.helpful) noteVotedNo();
    try {
      localStorage.setItem(
        `helploop:vote:${this.articleId}`,
        JSON.stringify({ helpful: answer.helpful, reason: answer.reason }),
      );
    } catch {
      // Without storage the answer is still sent; only the reminder is lost.
    }
    this.show(next, true);
  }

  private remembered(): Answer | undefined {
    try {
      return JSON.parse(localStorage.getItem(`helploop:vote:${this.articleId}`) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  }

  private show(state: State, moveFocus: boolean): void {
    this.dataset.state = state;
    const text = messages[documentLocale()];
    const answered = this.querySelector<HTMLElement>('.feedback__answered')!;
    const previous = this.remembered();
    answered.hidden = state === 'ask' || state === 'why' || !previous;
    if (previous && !answered.hidden) {
      const change = document.createElement('button');
      change.type = 'button';
      change.className = 'feedback__change';
      change.textContent = text.change;
      change.addEventListener('click', () => this.show('ask', true));
      answered.replaceChildren(`${text.answered(previous.helpful)} `, change);
    }
    if (!moveFocus) return;
    // Focus reads each step once, in order: after No, that the vote counted, then the optional question; after
    // sending, the thanks alone (the suggestions below it are there to read on).
    const target = {
      ask: '.feedback__answers button',
      why: '.feedback__counted',
      'thanks-yes': '#feedback-thanks-yes .feedback__thanks-text',
      'thanks-no': '#feedback-thanks-no .feedback__thanks-text',
    }[state];
    this.querySelector<HTMLElement>(target)?.focus();
  }
}

customElements.define('article-feedback', ArticleFeedback);
