/**
 * "Readers went on to read": asked of the API once the reader nears the end of the article, so a quick bounce
 * costs nothing. Articles already under "Related" are not repeated; without data or without the API, nothing shows.
 */
const nav = document.querySelector<HTMLElement>('nav.read-next');
const end = document.getElementById('feedback');

async function fill(target: HTMLElement) {
  const response = await fetch(`/api/read-next?articleId=${encodeURIComponent(target.dataset.article!)}`);
  if (!response.ok) return;
  const { articles } = (await response.json()) as { articles: { id: string; title: string; url: string }[] };
  const listed = new Set([...document.querySelectorAll('.related a')].map((a) => a.getAttribute('href')));
  const list = target.querySelector('ul')!;
  for (const article of articles.filter((a) => !listed.has(a.url))) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = article.url;
    link.textContent = article.title;
    item.append(link);
    list.append(item);
  }
  target.hidden = list.children.length === 0;
}

if (nav && end) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    fill(nav).catch(() => {});
  });
  observer.observe(end);
}
