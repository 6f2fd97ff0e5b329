import { meetingShard, type MeetingJson } from './meetingJson';

/**
 * The static pages of a bag (`data/index.html`, `data/pages/…`): anyone can read the exported meetings,
 * with their photos and captions, by opening index.html in any browser on a PC without hoso. Plain HTML
 * and one style sheet: no script, no external URL (the PCs are offline), every text escaped, links
 * relative so the folder works wherever the stick is mounted.
 */

const ROLE: Record<string, string> = {
  chu_tri: 'Chủ trì',
  dong_chu_tri: 'Đồng chủ trì',
  thu_ky: 'Thư ký',
  dai_bieu: 'Đại biểu',
  khach_moi: 'Khách mời',
};
const PRESENCE: Record<string, string> = {
  co_mat: 'Có mặt',
  vang_co_ly_do: 'Vắng có lý do',
  vang: 'Vắng',
  den_muon: 'Đến muộn',
};
const TASK: Record<string, string> = {
  chua_lam: 'Chưa làm',
  dang_lam: 'Đang làm',
  hoan_thanh: 'Hoàn thành',
  huy: 'Hủy',
};
const SECRECY: Record<string, string> = {
  thuong: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

/** Above this many meetings the index lists years, each year on its own page. */
export const INDEX_MAX_ROWS = 1000;

export const STYLE_CSS = `body{font-family:"Times New Roman",Tinos,"Liberation Serif",serif;font-size:17px;line-height:1.45;color:#111;max-width:60rem;margin:1.5rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #bbb}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f1f1f1}.muted{color:#555}.meta td:first-child{width:11rem;font-weight:bold}
.open{font-size:1.25rem;margin:1.2rem 0}
figure{display:inline-block;width:18rem;margin:.4rem .6rem .8rem 0;vertical-align:top}
figure img{width:100%;height:auto;border:1px solid #ccc}figcaption{font-size:.95rem}
.secret{color:#b71c1c;font-weight:bold}nav{margin-bottom:1rem}.minutes p{text-align:justify;margin:.4rem 0}
@media print{nav{display:none}figure{break-inside:avoid}}
`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** dd/mm/yyyy, as clerks write dates. */
export function viDate(iso: string | null): string {
  if (!iso) return 'chưa có ngày';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function page(title: string, cssHref: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${cssHref}">
</head>
<body>
${body}
</body>
</html>
`;
}

export interface BrowseHeader {
  agency: string;
  exportedAt: Date;
  from: string | null;
  to: string | null;
  softwareVersion: string;
}

export interface MeetingLine {
  id: string;
  title: string;
  kind: string;
  meetingDate: string | null;
  location: string;
  photos: number;
  secrecy: string;
}

export function meetingLineOf(j: MeetingJson): MeetingLine {
  return {
    id: j.meeting.id,
    title: j.meeting.title,
    kind: j.meeting.kind,
    meetingDate: j.meeting.meetingDate,
    location: j.meeting.location,
    photos: j.photos.length,
    secrecy: j.meeting.secrecy,
  };
}

/** The file of a meeting's page, relative to data/. Ids are UUIDs (checked by the caller), safe as names. */
export function meetingPagePath(id: string): string {
  return `pages/${meetingShard(id)}/${id}.html`;
}

function linesTable(lines: readonly MeetingLine[], prefix: string): string {
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${viDate(l.meetingDate)}</td><td><a href="${prefix}${escapeHtml(meetingPagePath(l.id))}">${escapeHtml(l.title)}</a>${
          l.secrecy !== 'thuong'
            ? ` <span class="secret">(${SECRECY[l.secrecy] ?? escapeHtml(l.secrecy)})</span>`
            : ''
        }</td><td>${escapeHtml(l.kind)}</td><td>${escapeHtml(l.location)}</td><td>${l.photos}</td></tr>`,
    )
    .join('\n');
  return `<table>\n<thead><tr><th>Ngày</th><th>Tên cuộc họp</th><th>Loại</th><th>Địa điểm</th><th>Ảnh</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function headerBlock(h: BrowseHeader, count: number): string {
  const range = h.from || h.to ? `, từ ${viDate(h.from)} đến ${viDate(h.to)}` : '';
  const stamp = `${String(h.exportedAt.getDate()).padStart(2, '0')}/${String(h.exportedAt.getMonth() + 1).padStart(2, '0')}/${h.exportedAt.getFullYear()}`;
  return `<p class="muted">${h.agency ? `${escapeHtml(h.agency)} — ` : ''}Bản lưu trữ xuất ngày ${stamp} bằng ${escapeHtml(h.softwareVersion)}: ${count.toLocaleString('vi-VN')} cuộc họp${range}.</p>`;
}

/** year → lines, undated last under the key ''. */
function byYear(lines: readonly MeetingLine[]): Map<string, MeetingLine[]> {
  const years = new Map<string, MeetingLine[]>();
  for (const l of lines) {
    const y = l.meetingDate?.slice(0, 4) ?? '';
    let list = years.get(y);
    if (!list) years.set(y, (list = []));
    list.push(l);
  }
  return years;
}

export function yearPagePath(year: string): string {
  return `pages/nam-${year || 'chua-co-ngay'}.html`;
}

/**
 * The page at the bag's top, beside bagit.txt (a tag file, in the tag manifest): what a person who opens
 * the stick on a PC without hoso sees first. It says what the folder is and leads to data/index.html.
 */
export function bagTopPage(h: BrowseHeader, count: number): string {
  const title = 'Hồ sơ Hội nghị — bản lưu trữ';
  return page(
    title,
    'data/style.css',
    `<h1>${title}</h1>\n${headerBlock(h, count)}\n<p class="open"><a href="data/index.html">Mở danh sách ${count.toLocaleString('vi-VN')} cuộc họp →</a></p>\n<p class="muted">Thư mục này là một gói lưu trữ theo chuẩn BagIt (RFC 8493): thư mục data/ chứa các trang xem được bằng mọi trình duyệt, tệp archive.sqlite, hồ sơ từng cuộc họp dạng JSON (meetings/) và ảnh (photos/); các tệp manifest-sha256.txt, tagmanifest-sha256.txt ghi mã kiểm tra của từng tệp. Để đưa vào máy có Hồ sơ Hội nghị: Lưu trữ USB → Nhập gói, chọn thẻ nhớ hoặc thư mục này.</p>`,
  );
}

/** index.html and, for large exports, one page per year. Lines come in the order they are listed. */
export function indexPages(h: BrowseHeader, lines: readonly MeetingLine[]): { path: string; html: string }[] {
  const title = 'Hồ sơ Hội nghị — bản lưu trữ';
  const intro = `<h1>${title}</h1>\n${headerBlock(h, lines.length)}\n<p class="muted">Mỗi cuộc họp có một trang riêng với thành phần dự họp, kết luận, văn bản và ảnh. Dữ liệu gốc: tệp archive.sqlite và thư mục meetings/ (JSON), ảnh trong thư mục photos/.</p>`;
  if (lines.length <= INDEX_MAX_ROWS)
    return [{ path: 'index.html', html: page(title, 'style.css', `${intro}\n${linesTable(lines, '')}`) }];
  const years = byYear(lines);
  const out: { path: string; html: string }[] = [];
  const list = [...years.entries()]
    .map(
      ([y, ls]) =>
        `<li><a href="${yearPagePath(y)}">${y ? `Năm ${y}` : 'Chưa có ngày'}</a> — ${ls.length.toLocaleString('vi-VN')} cuộc họp</li>`,
    )
    .join('\n');
  out.push({ path: 'index.html', html: page(title, 'style.css', `${intro}\n<ul>\n${list}\n</ul>`) });
  for (const [y, ls] of years) {
    const heading = y ? `Năm ${y}` : 'Chưa có ngày';
    out.push({
      path: yearPagePath(y),
      html: page(
        `${heading} — ${title}`,
        '../style.css',
        `<nav><a href="../index.html">← Danh sách các năm</a></nav>\n<h1>${heading}</h1>\n${linesTable(ls, '../')}`,
      ),
    });
  }
  return out;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

function time(j: MeetingJson): string {
  const m = j.meeting;
  const hours = [m.startTime, m.endTime].filter(Boolean).join(' – ');
  return `${viDate(m.meetingDate)}${hours ? `, ${hours}` : ''}`;
}

/** One meeting's page (`data/pages/<shard>/<id>.html`); photos are the bag's own copies (`../../photos/…`). */
export function meetingPage(j: MeetingJson, backHref: string): string {
  const m = j.meeting;
  const meta: [string, string][] = [
    ['Loại', m.kind],
    ['Thời gian', time(j)],
    ['Địa điểm', m.location],
    ['Cơ quan tổ chức', m.organizer],
    ['Độ mật', SECRECY[m.secrecy] ?? m.secrecy],
    [
      'Tình trạng',
      m.status === 'finalized'
        ? `Đã khóa hồ sơ${m.seal ? ` (mã niêm phong SHA-256 ${m.seal.hash})` : ''}`
        : 'Bản nháp',
    ],
    ['Nguồn', m.source],
  ];
  const parts: string[] = [
    `<nav><a href="${backHref}">← Danh sách cuộc họp</a></nav>`,
    `<h1>${escapeHtml(m.title)}</h1>`,
    `<table class="meta">${meta
      .filter(([, v]) => v)
      .map(
        ([k, v]) =>
          `<tr><td>${k}</td><td${k === 'Độ mật' && m.secrecy !== 'thuong' ? ' class="secret"' : ''}>${escapeHtml(v)}</td></tr>`,
      )
      .join('')}</table>`,
  ];
  if (j.attendance.length) {
    const rows = j.attendance
      .map(
        (a) =>
          `<tr><td>${escapeHtml(a.fullName)}</td><td>${ROLE[a.role] ?? escapeHtml(a.role)}</td><td>${escapeHtml(a.rank)}</td><td>${escapeHtml(a.titles)}</td><td>${escapeHtml(a.unit)}</td><td>${
            PRESENCE[a.status] ?? escapeHtml(a.status)
          }${a.absenceReason ? `: ${escapeHtml(a.absenceReason)}` : ''}</td></tr>`,
      )
      .join('\n');
    parts.push(
      `<h2>Thành phần dự họp (${j.attendance.length})</h2>\n<table><thead><tr><th>Họ và tên</th><th>Vai trò</th><th>Cấp bậc</th><th>Chức vụ</th><th>Đơn vị</th><th>Tình trạng</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    );
  }
  if (m.minutesText.trim())
    parts.push(`<h2>Nội dung</h2>\n<div class="minutes">${paragraphs(m.minutesText)}</div>`);
  if (j.conclusions.length) {
    const people = new Map(j.people.map((p) => [p.id, p.fullName]));
    const items = j.conclusions
      .map((c) => {
        const task = c.isTask
          ? ` <span class="muted">(Nhiệm vụ${c.assigneePersonId ? `: ${escapeHtml(people.get(c.assigneePersonId) ?? '')}` : ''}${c.assigneeUnit ? ` — ${escapeHtml(c.assigneeUnit)}` : ''}${
              c.deadline ? `, hạn ${viDate(c.deadline)}` : ''
            }${c.taskStatus ? `, ${TASK[c.taskStatus] ?? escapeHtml(c.taskStatus)}` : ''})</span>`
          : '';
        return `<li>${escapeHtml(c.text)}${task}</li>`;
      })
      .join('\n');
    parts.push(`<h2>Kết luận</h2>\n<ol>\n${items}\n</ol>`);
  }
  if (j.documents.length) {
    const rows = j.documents
      .map(
        (d) =>
          `<tr><td>${escapeHtml(d.number)}</td><td>${escapeHtml(d.docType)}</td><td>${viDate(d.issuedOn)}</td><td>${escapeHtml(d.issuer)}</td><td>${escapeHtml(d.summary)}</td></tr>`,
      )
      .join('\n');
    parts.push(
      `<h2>Văn bản</h2>\n<table><thead><tr><th>Số, ký hiệu</th><th>Loại</th><th>Ngày</th><th>Cơ quan ban hành</th><th>Trích yếu</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    );
  }
  if (j.photos.length) {
    const figures = j.photos
      .map((p) => {
        const caption = [p.caption, p.credit].filter(Boolean).map(escapeHtml).join(' — ');
        // A card still waiting for its picture keeps its caption, over a line saying the photo is not attached.
        if (p.file === null) return `<figure><p class="muted">(Chưa đính kèm ảnh)</p>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
        return `<figure><a href="../../${escapeHtml(p.file)}"><img src="../../${escapeHtml(p.file)}" alt="${escapeHtml(p.caption)}" loading="lazy"></a>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
      })
      .join('\n');
    parts.push(`<h2>Ảnh (${j.photos.length})</h2>\n${figures}`);
  }
  if (j.tags.length)
    parts.push(`<p class="muted">Thẻ: ${j.tags.map((t) => escapeHtml(t.name)).join(', ')}</p>`);
  return page(m.title, '../../style.css', parts.join('\n'));
}
