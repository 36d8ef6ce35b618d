/**
 * The HTML a site pastes to show the public map in its own page: an iframe on the view on
 * screen, whose URL carries the whole view (README, « Paramètres d'URL »).
 */

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedSnippet(url: string, title: string, heightPx = 640): string {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(heightPx)}" style="border: 0" loading="lazy"></iframe>`;
}
