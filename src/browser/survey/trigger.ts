/**
 * On every help-center page: notes what the reader does in this visit (pages, articles read, a search) and, once
 * the survey rules allow it, loads the prompt panel. The panel's code and words stay off the page until then.
 */
import type { SurveyPageData } from '../../shared/survey-prompt.ts';
import { STAY_MS, surveyToAsk } from './eligibility.ts';
import { lastAsked, noteAsked, readVisit, storageWorks, updateVisit } from './visit.ts';

const data = document.getElementById('survey-prompts');
if (data && storageWorks()) start(JSON.parse(data.textContent ?? '') as SurveyPageData);

/** A query on the search page, or one being typed into a search box: the reader is still looking. */
function searching(): boolean {
  const typing = document.activeElement;
  if (typing instanceof HTMLInputElement && typing.type === 'search' && typing.value.trim()) return true;
  return /\/search\/$/.test(location.pathname) && !!new URLSearchParams(location.search).get('q')?.trim();
}

function start(page: SurveyPageData): void {
  const articleId = document.querySelector<HTMLElement>('article-feedback')?.dataset.article;
  const arrived = Date.now();
  const searchedNow = searching();
  updateVisit((visit) => ({
    ...visit,
    pageViews: visit.pageViews + 1,
    searched: visit.searched || searchedNow,
    articles: articleId && !visit.articles.includes(articleId) ? [...visit.articles, articleId] : visit.articles,
  }));
  const check = () => {
    const now = Date.now();
    const moment = {
      visit: readVisit(),
      lastAsked: lastAsked(),
      now,
      searching: searching(),
      onArticleMs: articleId ? now - arrived : 0,
    };
    const survey = surveyToAsk(page.surveys, moment);
    if (!survey) return;
    noteAsked(survey.id, now);
    void import('./prompt-panel.ts').then(({ showSurvey }) =>
      showSurvey(survey, page.text, {
        parent: document.body,
        api: '/',
        where: articleId ? { articleId } : {},
        closed: () => document.getElementById('main')?.focus(),
      }),
    );
  };
  check();
  // A reader who searched and opened this result is asked once they have stayed a while.
  if (articleId && readVisit().searched) setTimeout(check, STAY_MS);
}
