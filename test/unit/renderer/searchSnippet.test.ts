import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { decodeEntities, snippetSegments, snippetText } from '../../../renderer/src/screens/search/snippet';
import { SnippetText } from '../../../renderer/src/screens/search/SnippetText';

describe('snippetSegments', () => {
  it('splits hits from the text around them, keeping the original diacritics', () => {
    expect(snippetSegments('Hội nghị do <mark>Đại tướng</mark> Phan Văn Giang chủ trì')).toEqual([
      { text: 'Hội nghị do ', hit: false },
      { text: 'Đại tướng', hit: true },
      { text: ' Phan Văn Giang chủ trì', hit: false },
    ]);
  });

  it('handles hits at either end, several hits, and a snippet without any', () => {
    expect(snippetSegments('<mark>KT-XH</mark> và <mark>quốc phòng</mark>')).toEqual([
      { text: 'KT-XH', hit: true },
      { text: ' và ', hit: false },
      { text: 'quốc phòng', hit: true },
    ]);
    expect(snippetSegments('Giao ban tháng 6')).toEqual([{ text: 'Giao ban tháng 6', hit: false }]);
    expect(snippetSegments('')).toEqual([]);
  });

  it('joins adjacent pieces of the same kind (two hits side by side read as one)', () => {
    expect(snippetSegments('<mark>Đại</mark><mark> tướng</mark>')).toEqual([
      { text: 'Đại tướng', hit: true },
    ]);
  });

  it("keeps a pasted <script> as text: only the server's <mark> is markup", () => {
    const html =
      'bản tin còn sót &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; trong <mark>cổng thông tin</mark>';
    expect(snippetSegments(html)).toEqual([
      { text: 'bản tin còn sót <script>alert("x")</script> trong ', hit: false },
      { text: 'cổng thông tin', hit: true },
    ]);
  });

  it('treats any other tag-like text as text, even unescaped', () => {
    expect(snippetSegments('<b>đậm</b> <mark onclick="x">a</mark>')).toEqual([
      { text: '<b>đậm</b> <mark onclick="x">a', hit: false },
    ]);
  });
});

describe('decodeEntities', () => {
  it('decodes exactly the four entities the server emits, in one pass', () => {
    expect(decodeEntities('a &lt; b &gt; c &quot;d&quot; &amp; e')).toBe('a < b > c "d" & e');
    // A clerk's literal "&lt;" arrives as "&amp;lt;" and must come back as "&lt;", not "<".
    expect(decodeEntities('&amp;lt;script&amp;gt;')).toBe('&lt;script&gt;');
    expect(decodeEntities('&#39; &nbsp; &copy;')).toBe('&#39; &nbsp; &copy;');
  });
});

describe('snippetText', () => {
  it('is the snippet without highlights', () => {
    expect(snippetText('số <mark>1374-QC/QUTW-TUHN</mark> &amp; phụ lục')).toBe(
      'số 1374-QC/QUTW-TUHN & phụ lục',
    );
  });
});

describe('SnippetText', () => {
  it('renders hits as <mark> and everything else as escaped text nodes', () => {
    const markup = renderToStaticMarkup(
      createElement(SnippetText, {
        html: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>Đại tướng</mark> &amp; <mark>QP</mark>',
      }),
    );
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt; ');
    expect([...markup.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1])).toEqual(['Đại tướng', 'QP']);
    expect(markup).toContain(' &amp; ');
  });
});
