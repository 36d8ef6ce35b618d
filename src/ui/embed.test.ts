import { describe, expect, it } from 'vitest';
import { decodeView } from '../state/url.ts';
import { embedSnippet } from './embed.ts';

describe('the embed snippet', () => {
  it('frames the view on screen, its URL state kept', () => {
    const url =
      'https://carte.valmont.example/insertion/?d=dep-55&m=reach&s=epci&mn=45&c=5.4,49.1,8.2';
    const html = embedSnippet(url, "Carte de l'offre d'insertion");
    const src = html.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    expect(src).toBe(url);
    expect(decodeView(new URL(src).search)).toMatchObject({
      dataset: 'dep-55',
      mode: 'reach',
      minutes: 45,
    });
    expect(html).toMatch(/^<iframe [^>]*title="Carte de l'offre d'insertion"[^>]*><\/iframe>$/);
  });

  it('cannot be broken out of by a title or a URL', () => {
    const html = embedSnippet('https://x.example/?a="><script>', 'A "B" <C>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="A &quot;B&quot; &lt;C&gt;"');
  });
});
