import { describe, expect, it } from 'vitest';
import { minutesHtmlToText, minutesOf, minutesTextToHtml, sanitizeMinutesHtml } from '../../db/richText';
import { MINUTES_MAX_CHARS } from '../../contract/contract';

// What Word puts on the clipboard: conditional comments, <xml>, <style>, mso classes and styles, <o:p>.
const WORD_PASTE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings>AllowPNG</o:OfficeDocumentSettings></xml><![endif]-->
<h1 class=MsoTitle>BIÊN BẢN HỌP GIAO BAN</h1>
<p class=MsoNormal style='mso-line-height-rule:exactly'><b>1. Đồng chí Bí thư Đảng ủy</b> phát biểu&nbsp;khai mạc<o:p></o:p></p>
<ul><li>Rà soát kế hoạch</li><li>Báo cáo <i>kết quả</i> quý III</li></ul>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200 valign=top><p>Đơn vị</p></td><td><p>Chỉ tiêu &amp; kết quả</p></td></tr>
<tr><td><p>Xã Tân Lập</p></td><td><p>95%</p></td></tr></table>
<p onclick="alert(1)" style="color:red">Bế mạc <a href="http://example.com/x">xem thêm</a><img src="http://example.com/y.png"><script>alert(2)</script></p>
</body></html>`;

describe('minutes HTML', () => {
  it('keeps the structure of a Word paste and drops its junk, scripts, links and images', () => {
    const html = sanitizeMinutesHtml(WORD_PASTE);
    expect(html).toContain('<h2>BIÊN BẢN HỌP GIAO BAN</h2>');
    expect(html).toContain('<strong>1. Đồng chí Bí thư Đảng ủy</strong>');
    expect(html).toContain('<li>Báo cáo <em>kết quả</em> quý III</li>');
    expect(html).toMatch(/<table><tr><td><p>Đơn vị<\/p><\/td>/);
    for (const junk of ['mso', 'Mso', 'o:p', 'AllowPNG', 'style', 'onclick', 'alert', 'href', '<img', '<a ', 'example.com', 'xmlns']) {
      expect(html).not.toContain(junk);
    }
  });

  it('derives text with paragraphs, list items and table rows a clerk can read and search', () => {
    const { text } = minutesOf({ minutesHtml: WORD_PASTE, minutesText: '' });
    expect(text).toBe(
      [
        'BIÊN BẢN HỌP GIAO BAN',
        '',
        '1. Đồng chí Bí thư Đảng ủy phát biểu khai mạc',
        '',
        '- Rà soát kế hoạch',
        '- Báo cáo kết quả quý III',
        '',
        'Đơn vị | Chỉ tiêu & kết quả',
        'Xã Tân Lập | 95%',
        '',
        'Bế mạc xem thêm',
      ].join('\n'),
    );
  });

  it('keeps merged table cells and column widths the editor writes', () => {
    const html = sanitizeMinutesHtml('<table><tbody><tr><th colspan="2" colwidth="120,80">Tổng hợp</th></tr><tr><td rowspan="1">A</td><td>B</td></tr></tbody></table>');
    expect(html).toContain('<th colspan="2" colwidth="120,80">Tổng hợp</th>');
    expect(minutesHtmlToText(html)).toBe('Tổng hợp\nA | B');
  });

  it('decodes entities in the text but keeps markup-looking text inert in the HTML', () => {
    const { html, text } = minutesOf({ minutesHtml: '<p>x &lt;script&gt; &amp; &quot;y&quot; &#7871;</p>', minutesText: '' });
    expect(html).toBe('<p>x &lt;script&gt; &amp; "y" ế</p>');
    expect(text).toBe('x <script> & "y" ế');
  });

  it('builds HTML from plain text when no HTML is sent (CLI, plain-text imports), escaping it', () => {
    expect(minutesOf({ minutesText: 'Đoạn một <b>\ndòng hai\n\nĐoạn hai' })).toEqual({
      html: '<p>Đoạn một &lt;b&gt;<br />dòng hai</p><p>Đoạn hai</p>',
      text: 'Đoạn một <b>\ndòng hai\n\nĐoạn hai',
    });
    expect(minutesTextToHtml('')).toBe('');
  });

  it('an empty editor clears the minutes', () => {
    expect(minutesOf({ minutesHtml: '<p></p>', minutesText: 'cũ' })).toEqual({ html: '<p></p>', text: '' });
  });

  it('refuses minutes whose text is longer than the limit, with a Vietnamese message', () => {
    const big = `<p>${'a'.repeat(MINUTES_MAX_CHARS + 1)}</p>`;
    expect(() => minutesOf({ minutesHtml: big, minutesText: '' })).toThrow(/Nội dung quá dài/);
  });
});
