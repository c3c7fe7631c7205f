/** The search page: reads `?q=`, asks Pagefind, lists the results as links in `#search-results`. */

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string }; filters: { category?: string[] } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const messages = {
  ko: { loading: '검색 중…', count: (n: number) => `검색 결과 ${n}건`, none: '검색 결과가 없어요. 다른 단어로 검색하거나 고객센터에 문의해 주세요.', failed: '검색을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.' },
  en: { loading: 'Searching…', count: (n: number) => `${n} result${n === 1 ? '' : 's'}`, none: 'No results. Try other words or contact us.', failed: 'Search could not load. Please try again shortly.' },
};

export async function runSearchPage(): Promise<void> {
  const locale = document.documentElement.lang === 'en' ? 'en' : 'ko';
  const text = messages[locale];
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const input = document.getElementById('search-page-input') as HTMLInputElement;
  input.value = query;
  if (!query) return;

  status.textContent = text.loading;
  try {
    const bundle = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
    const { results } = await pagefind.search(query);
    const top = await Promise.all(results.slice(0, 20).map((result) => result.data()));
    list.replaceChildren(...top.map(renderResult));
    status.textContent = top.length ? text.count(results.length) : text.none;
  } catch {
    status.textContent = text.failed;
  }
}

function renderResult(data: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const category = document.createElement('span');
  category.className = 'search-results__category';
  category.textContent = data.filters.category?.[0] ?? '';
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is page text it escaped itself, with <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(link, category, excerpt);
  return item;
}
