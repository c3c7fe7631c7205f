/** Swaps a video's play link for the player only when the reader asks: before that, nothing reaches YouTube. */
addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('.video__play');
  const box = link?.closest<HTMLElement>('.video');
  if (!link || !box || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  const frame = document.createElement('iframe');
  frame.src = `https://www.youtube-nocookie.com/embed/${encodeURIComponent(box.dataset.youtube!)}?autoplay=1`;
  frame.title = link.dataset.title!;
  frame.allow = 'autoplay; encrypted-media; picture-in-picture';
  frame.allowFullscreen = true;
  box.replaceChildren(frame);
  frame.focus();
});
