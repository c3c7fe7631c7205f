/**
 * The survey prompt: a small panel at the bottom of the window, never a dialog. It takes no focus when it appears
 * (a polite status says it is there); the scale is a radio group whose ends say what they mean; after a score comes
 * the follow-up question of its band as an optional comment, then thanks. Answers go through the outbox, so an API
 * outage only delays them.
 */
import type { SurveyPanelText, SurveyPrompt } from '../../shared/survey-prompt.ts';
import { element } from '../element.ts';
import { enqueue } from '../outbox.ts';
import { adoptSurveyStyle } from './panel-style.ts';

/** Where an answer was given: the help center's article, or the host page's widget context. */
interface Where {
  articleId?: string;
  context?: string;
}

/**
 * Shows the survey in `parent` (the help center's body or the widget's shadow root) and queues its answer for
 * `api` (the help center's address, ending in `/`, or `/`).
 */
export function showSurvey(
  survey: SurveyPrompt,
  text: SurveyPanelText,
  options: { parent: HTMLElement | ShadowRoot; api: string; where: Where; closed(): void },
): void {
  const { parent, api, where } = options;
  adoptSurveyStyle(parent instanceof ShadowRoot ? parent : document);
  const panel = surveyPanel(survey, text, {
    send: (answer) =>
      void enqueue(`${api}api/survey-responses`, {
        survey: survey.id,
        ...answer,
        locale: survey.locale,
        ...where,
        path: location.pathname,
      }),
    closed: options.closed,
  });
  parent.append(panel);
}

interface PanelHooks {
  send(answer: { score: number; comment?: string }): void;
  /** The panel left while focus was inside it: put focus somewhere sensible. */
  closed(): void;
}

function surveyPanel(survey: SurveyPrompt, text: SurveyPanelText, hooks: PanelHooks): HTMLElement {
  const panel = element('section', { class: 'survey-panel', role: 'region', 'aria-labelledby': 'survey-title' });
  const status = element('p', { class: 'visually-hidden', role: 'status' });
  const ask = askForm(survey, text);
  const why = element('form', { class: 'survey-panel__why', hidden: '' });
  const thanks = element('div', { class: 'survey-panel__thanks', hidden: '' });
  const thanksText = element('p', { tabindex: '-1' }, text.thanks);
  const close = element('button', { type: 'button', class: 'survey-panel__secondary' }, text.close);
  thanks.append(thanksText, close);
  panel.append(element('h2', { id: 'survey-title' }, text.title), status, ask, why, thanks);

  let score: number | undefined;
  const remove = () => {
    const root = panel.getRootNode() as Document | ShadowRoot;
    const hadFocus = panel.contains(root.activeElement);
    panel.remove();
    removeEventListener('pagehide', sendScoreAlone);
    if (hadFocus) hooks.closed();
  };
  const finish = (comment?: string) => {
    if (score === undefined) return;
    hooks.send({ score, ...(comment ? { comment } : {}) });
    score = undefined;
  };
  // A reader who leaves at the follow-up still gave a score.
  const sendScoreAlone = () => finish();

  ask.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new FormData(ask).get('score');
    if (chosen === null) return;
    score = Number(chosen);
    const entry = survey.scores.find((each) => each.score === score)!;
    why.replaceChildren(...followUp(entry.followUp, text));
    ask.hidden = true;
    why.hidden = false;
    addEventListener('pagehide', sendScoreAlone);
    why.querySelector('textarea')!.focus();
  });
  ask.querySelector('.survey-panel__secondary')!.addEventListener('click', remove);
  why.addEventListener('submit', (event) => {
    event.preventDefault();
    finish((new FormData(why).get('comment') as string | null)?.trim() || undefined);
    removeEventListener('pagehide', sendScoreAlone);
    why.hidden = true;
    thanks.hidden = false;
    thanksText.focus();
  });
  close.addEventListener('click', remove);
  // Set after the panel is in the page: a live region announces changes, not its own arrival.
  setTimeout(() => (status.textContent = `${text.title}: ${survey.question}`), 100);
  return panel;
}

function askForm(survey: SurveyPrompt, text: SurveyPanelText): HTMLFormElement {
  const form = element('form', { class: 'survey-panel__ask' });
  const fieldset = element('fieldset');
  const scale = element('div', { class: 'survey-panel__scale' });
  const first = survey.scores[0]!.score;
  const last = survey.scores.at(-1)!.score;
  for (const { score } of survey.scores) {
    const id = `survey-score-${score}`;
    const radio = element('input', { type: 'radio', name: 'score', value: String(score), id });
    if (score === first) radio.required = true;
    // The ends' words are part of their radios' names, so a screen reader says what 1 and 7 mean.
    const end = score === first ? 'survey-low' : score === last ? 'survey-high' : undefined;
    if (end) radio.setAttribute('aria-labelledby', `${id}-label ${end}`);
    const label = element('label', { class: 'survey-panel__score', for: id });
    label.append(element('span', { id: `${id}-label` }, String(score)), radio);
    scale.append(label);
  }
  const ends = element('div', { class: 'survey-panel__ends' });
  ends.append(element('span', { id: 'survey-low' }, survey.low), element('span', { id: 'survey-high' }, survey.high));
  fieldset.append(element('legend', {}, survey.question), scale, ends);
  const actions = element('div', { class: 'survey-panel__actions' });
  actions.append(
    element('button', { type: 'submit' }, text.send),
    element('button', { type: 'button', class: 'survey-panel__secondary' }, text.notNow),
  );
  form.append(fieldset, actions);
  return form;
}

function followUp(question: string, text: SurveyPanelText): HTMLElement[] {
  const label = element('label', { for: 'survey-comment' }, `${question} `);
  label.append(element('span', { class: 'survey-panel__optional' }, text.optional));
  const comment = element('textarea', {
    id: 'survey-comment',
    name: 'comment',
    rows: '3',
    maxlength: String(text.commentMax),
    'aria-describedby': 'survey-privacy',
  });
  const hint = element('p', { id: 'survey-privacy', class: 'survey-panel__hint' }, text.privacy);
  return [label, comment, hint, element('button', { type: 'submit' }, text.send)];
}
