import { disassemble } from 'es-hangul';
import { search, type SearchContext, type SearchOptions } from '../../src/shared/search/engine.ts';
import { searchKeywords, type IndexableArticle } from '../../src/build/search/keywords.ts';
import { Knowledge } from '../../src/shared/search/knowledge.ts';
import type { PagefindFragment, PagefindResult } from '../../src/shared/search/pagefind-api.ts';
import { buildSiteKnowledge } from '../../src/build/search/site-knowledge.ts';
import { words } from '../../src/shared/search/text.ts';

export interface TestArticle extends Partial<IndexableArticle> {
  id: string;
  title: string;
  body: string;
}

/**
 * A small index in memory that answers as Pagefind does where the engine relies on it: every query word matches
 * page words it is a prefix of (Korean compared in jamo), the title weighs more, and an exact word beats a prefix.
 * Pages carry their hidden keywords as the build gives them.
 */
export function memoryIndex(articles: TestArticle[]) {
  const pages = articles.map((article) => {
    const full = { description: '', tags: [], aliases: [], ...article };
    const keywords = searchKeywords(full);
    const fragment: PagefindFragment = {
      url: `/${article.id}/`,
      content: `${full.description} ${full.body}`,
      excerpt: '',
      meta: { title: full.title, keywords },
      filters: { category: [article.id.split('/')[1]] },
    };
    const title = words(full.title).map(disassemble);
    const rest = words(`${fragment.content} ${keywords}`).map(disassemble);
    return { article: full, fragment, title, rest };
  });
  /** Each page read, with how many reads had finished when it started: reads started together are one round trip. */
  const reads: { id: string; finishedBefore: number }[] = [];
  let finished = 0;
  // Answered a task later, as a download would be, so that reads started in the same round overlap.
  const read = (fragment: PagefindFragment) => {
    reads.push({ id: fragment.url, finishedBefore: finished });
    return new Promise<PagefindFragment>((resolve) =>
      setTimeout(() => {
        finished++;
        resolve(fragment);
      }),
    );
  };
  const score = (term: string, list: string[]) =>
    list.reduce((sum, word) => sum + (word === term ? 1 : word.startsWith(term) ? 0.37 : 0), 0);
  return {
    articles: pages.map((page) => page.article),
    reads,
    async search(term: string | null): Promise<{ results: PagefindResult[] }> {
      const jamo = term === null ? '' : disassemble(words(term).join(''));
      const results = pages
        .map((page) => ({
          page,
          score:
            term === null
              ? 1
              : (5 * score(jamo, page.title) + score(jamo, page.rest)) / Math.sqrt(page.rest.length + 1),
        }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score)
        .map(({ page, score }) => ({ id: page.fragment.url, score, data: () => read(page.fragment) }));
      return { results };
    },
  };
}

/** The engine over such an index, with what the build would learn from the same articles and synonyms. */
export function memorySearch(articles: TestArticle[], synonyms: string[][] = []) {
  const index = memoryIndex(articles);
  const { knowledge, vocabulary } = buildSiteKnowledge(index.articles, synonyms);
  const context: SearchContext = {
    index,
    knowledge: new Knowledge(knowledge),
    locale: 'ko',
    vocabulary: async () => vocabulary,
  };
  const find = async (query: string, limit = 10) => (await search(context, query, { limit })).hits.map((hit) => hit.id);
  /** The whole outcome, for what the ids alone do not show. */
  find.outcome = (query: string, limit = 10, options: SearchOptions = {}) =>
    search(context, query, { limit, ...options });
  find.reads = index.reads;
  return find;
}
