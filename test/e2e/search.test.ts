import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { addRecord } from '../helpers/meetingRecord';
import { launchApp, SCREENSHOTS, type App } from './harness';

let app: App;
const ids: Record<string, string> = {};

const TITLES = {
  tongKet: 'Hội nghị Quân ủy Trung ương tổng kết công tác quân sự, quốc phòng năm 2024',
  giaoBan: 'Giao ban Bộ Quốc phòng tháng 6 năm 2024',
  diaPhuong: 'Hội nghị tổng kết công tác quốc phòng địa phương năm 2023',
  ktxh: 'Làm việc với UBND tỉnh Bắc Ninh về phát triển KT-XH gắn với bảo đảm quốc phòng, an ninh',
  truyenThong: 'Gặp mặt truyền thống cựu chiến binh Sư đoàn 312',
};

// Fixtures in the manner of official news reports (ranks + names + titles, document numbers, captions
// under photos), in our own words. Seeded before launch; more records are added while the app runs.
beforeAll(async () => {
  app = await launchApp();
  const { archive } = app;
  ids.tongKet = addRecord(archive, {
    title: TITLES.tongKet,
    kind: 'Hội nghị',
    date: '2024-12-16',
    location: 'Hội trường Bộ Quốc phòng, Hà Nội',
    organizer: 'Quân ủy Trung ương',
    minutes:
      'Sáng 16/12, tại Hà Nội, Quân ủy Trung ương tổ chức hội nghị tổng kết công tác lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng năm 2024. Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng chủ trì hội nghị. Hội nghị quán triệt Quy chế số 1374-QC/QUTW-TUHN về làm việc của Quân ủy Trung ương.',
    attendees: [
      {
        name: 'Phan Văn Giang',
        rank: 'Đại tướng',
        titles: 'Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng',
        role: 'chu_tri',
      },
      {
        name: 'Trịnh Văn Quyết',
        rank: 'Đại tướng',
        titles: 'Bí thư Trung ương Đảng, Chủ nhiệm Tổng cục Chính trị',
      },
      {
        name: 'Nguyễn Tân Cương',
        rank: 'Thượng tướng',
        titles: 'Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam',
      },
    ],
    conclusions: [
      'Tiếp tục xây dựng nền quốc phòng toàn dân vững mạnh, Quân đội nhân dân cách mạng, chính quy, tinh nhuệ, từng bước hiện đại.',
      'Các cơ quan, đơn vị hoàn thành báo cáo tổng kết trước ngày 31/12/2024.',
    ],
    captions: ['Đại tướng Phan Văn Giang phát biểu chỉ đạo hội nghị.', 'Quang cảnh hội nghị.'],
    docs: [{ number: '1374-QC/QUTW-TUHN', type: 'Quy chế', date: '2022-09-09' }],
    tags: ['Quân ủy Trung ương'],
  });
  ids.giaoBan = addRecord(archive, {
    title: TITLES.giaoBan,
    kind: 'Giao ban',
    date: '2024-06-28',
    location: 'Phòng họp số 1, Bộ Quốc phòng',
    minutes:
      'Chiều 28/6, Đại tướng Phan Văn Giang chủ trì giao ban Bộ Quốc phòng tháng 6. Thượng tướng Hoàng Xuân Chiến, Thứ trưởng Bộ Quốc phòng báo cáo kết quả thực hiện nhiệm vụ. Ghi chú của văn thư: bài dán từ cổng thông tin còn sót đoạn mã <script>alert(1)</script>, đã báo kỹ thuật xử lý.',
    attendees: [
      { name: 'Phan Văn Giang', rank: 'Đại tướng', titles: 'Bộ trưởng Bộ Quốc phòng', role: 'chu_tri' },
      { name: 'Hoàng Xuân Chiến', rank: 'Thượng tướng', titles: 'Thứ trưởng Bộ Quốc phòng' },
    ],
    conclusions: ['Các cơ quan tập trung chuẩn bị diễn tập khu vực phòng thủ năm 2024.'],
    tags: ['Giao ban'],
  });
  ids.diaPhuong = addRecord(archive, {
    title: TITLES.diaPhuong,
    kind: 'Hội nghị',
    date: '2023-12-20',
    location: 'Bộ Chỉ huy Quân sự tỉnh Bắc Ninh',
    minutes:
      'Hội nghị đánh giá kết quả xây dựng nền quốc phòng toàn dân, thế trận quốc phòng toàn dân gắn với thế trận an ninh nhân dân. Đại tướng Lương Cường, Thường trực Ban Bí thư dự và phát biểu chỉ đạo.',
    attendees: [
      {
        name: 'Lương Cường',
        rank: 'Đại tướng',
        titles: 'Ủy viên Bộ Chính trị, Thường trực Ban Bí thư',
        role: 'chu_tri',
      },
    ],
    captions: ['Đại tướng Lương Cường trao bằng khen cho các tập thể có thành tích xuất sắc.'],
    tags: ['Quốc phòng'],
  });
  ids.ktxh = addRecord(archive, {
    title: TITLES.ktxh,
    kind: 'Làm việc',
    date: '2025-03-05',
    location: 'Trụ sở UBND tỉnh Bắc Ninh',
    minutes:
      'Đoàn công tác làm việc với UBND tỉnh về tình hình phát triển kinh tế - xã hội gắn với củng cố quốc phòng, an ninh trên địa bàn.',
    docs: [{ number: '05/TB-UBND', type: 'Thông báo', date: '2025-03-10' }],
    tags: ['Quốc phòng'],
  });
  ids.truyenThong = addRecord(archive, {
    title: TITLES.truyenThong,
    kind: 'Gặp mặt',
    date: null,
    minutes: 'Các cựu chiến binh ôn lại truyền thống chiến đấu của Sư đoàn.',
    captions: ['Ảnh tư liệu: Đại tướng Võ Nguyên Giáp thăm cán bộ, chiến sĩ Sư đoàn 312.'],
  });
});
afterAll(async () => {
  await app?.close();
});

/** Mantine's modals and popovers fade in over 200 ms; a picture taken sooner shows them half drawn. */
const afterTransition = () => app.page.waitForTimeout(300);

const shot = (name: string) =>
  app.page.screenshot({ path: join(SCREENSHOTS, `search-${name}.png`), fullPage: false });

/** Waits until the results on screen are the answer to what is in the URL, then reads the total. */
async function settledTotal(): Promise<number> {
  const { page } = app;
  await page.locator('[data-testid="search-results"]:not([data-loading])').waitFor();
  return Number(await page.getByTestId('search-total').getAttribute('data-count'));
}

async function expectTotal(n: number) {
  await app.page.locator(`[data-testid="search-total"][data-count="${n}"]`).waitFor();
  expect(await settledTotal()).toBe(n);
}

/** Types a query into the search page and waits until the page shows its answer. */
async function searchFor(query: string): Promise<number> {
  const { page } = app;
  await page.getByTestId('search-input').fill(query);
  // The input reaches the URL after a short typing pause; only then are the results this query's.
  await page.waitForURL((url) => new URLSearchParams(url.hash.split('?')[1] ?? '').get('q') === query);
  return settledTotal();
}

/** Vietnamese folding as the archive does it, to check what a highlight covers. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

const resultIds = (scope: Page | Locator) =>
  scope.getByTestId('search-result').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));

describe('search: a clerk finds meetings again', () => {
  it('opens the search page from the navigation with the syntax help and no results yet', async () => {
    const { page } = app;
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-intro').waitFor();
    await expect(page.getByTestId('search-intro').innerText()).resolves.toContain('"quốc phòng toàn dân"');
    await expect(
      page.getByTestId('search-input').evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await shot('intro');

    // The help is also one click away once results fill the page; its examples run when clicked.
    await page.getByTestId('search-help-toggle').click();
    const help = page.getByRole('dialog').getByTestId('search-help');
    await help.waitFor();
    await afterTransition();
    await shot('help');
    await help.getByTestId('search-help-example').filter({ hasText: '"quốc phòng toàn dân"' }).click();
    await expectTotal(2);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('"quốc phòng toàn dân"');
  });

  it('finds "Đại tướng" from `dai tuong` typed without marks, highlighting the accented words', async () => {
    const { page } = app;
    await expect(searchFor('dai tuong')).resolves.toBe(4);
    expect(page.url()).toContain('#/search?q=dai%20tuong');
    expect(new Set(await resultIds(page))).toEqual(
      new Set([ids.tongKet, ids.giaoBan, ids.diaPhuong, ids.truyenThong]),
    );

    const card = page.locator(`[data-testid="search-result"][data-id="${ids.tongKet}"]`);
    await expect(card.getByTestId('search-result-title').innerText()).resolves.toBe(TITLES.tongKet);
    // The title's hits are highlighted like the snippet's (here it has none of the two words).
    await expect(card.getByTestId('search-result-title').locator('mark').count()).resolves.toBe(0);
    await expect(card.innerText()).resolves.toContain('16/12/2024');

    // Every highlight is one of the typed words in its original, accented form; both words are
    // highlighted separately too ("Thượng tướng", "hiện đại"), as they are ANDed, not a phrase.
    const marks = await page.getByTestId('search-snippet').locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(fold(m)).toMatch(/^(dai|tuong)( (dai|tuong))*$/);
    expect(marks).toContain('Đại tướng');
    const giaoBan = page.locator(`[data-testid="search-result"][data-id="${ids.giaoBan}"]`);
    await expect(giaoBan.getByTestId('search-snippet').locator('mark').allInnerTexts()).resolves.toContain(
      'Đại tướng',
    );

    // The undated record says so, and its hit is labelled as a photo caption.
    const undated = page.locator(`[data-testid="search-result"][data-id="${ids.truyenThong}"]`);
    await expect(undated.getByTestId('search-result-date').innerText()).resolves.toBe('chưa có ngày');
    await expect(undated.getByTestId('search-field').innerText()).resolves.toBe('Chú thích ảnh');
    await expect(undated.getByTestId('search-snippet').locator('mark').allInnerTexts()).resolves.toEqual([
      'Đại tướng',
    ]);

    // Facets count over the matches: two in 2024, one in 2023 (the undated one has no year).
    await expect(page.locator('[data-testid="facet-year"][data-value="2024"]').innerText()).resolves.toMatch(
      /2024\s+2/,
    );
    await expect(page.locator('[data-testid="facet-year"][data-value="2023"]').innerText()).resolves.toMatch(
      /2023\s+1/,
    );
    await expect(
      page.locator(`[data-testid="facet-person"][data-value]`).first().innerText(),
    ).resolves.toContain('Phan Văn Giang');
    await shot('results');
  });

  it('narrows with a year facet, keeps it in the URL through a reload, and removes it with its chip', async () => {
    const { page } = app;
    await page.locator('[data-testid="facet-year"][data-value="2024"]').click();
    await expectTotal(2);
    expect(new Set(await resultIds(page))).toEqual(new Set([ids.tongKet, ids.giaoBan]));
    expect(page.url()).toMatch(/year=2024/);
    await expect(page.getByTestId('facet-chip').innerText()).resolves.toContain('2024');
    await shot('narrowed');

    await page.reload();
    await expectTotal(2);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('dai tuong');
    await expect(page.getByTestId('facet-chip').getAttribute('data-value')).resolves.toBe('2024');

    // A person facet narrows by attendance; its chip shows the name, not the id.
    await page.locator('[data-testid="facet-person"]').filter({ hasText: 'Trịnh Văn Quyết' }).click();
    await expectTotal(1);
    await expect
      .poll(() => page.locator('[data-testid="facet-chip"][data-facet="personId"]').innerText())
      .toContain('Trịnh Văn Quyết');

    // Back undoes the last narrowing; removing the year chip widens to every match again.
    await page.goBack();
    await expectTotal(2);
    await page.locator('[data-testid="facet-chip"][data-facet="year"]').click();
    await expectTotal(4);
    await expect(page.getByTestId('facet-chip').count()).resolves.toBe(0);
  });

  it('sorts by date, newest first and undated last', async () => {
    const { page } = app;
    await page.getByTestId('search-sort').getByText('Mới nhất').click();
    await page.waitForURL(/sort=date/);
    await settledTotal();
    expect(await resultIds(page)).toEqual([ids.tongKet, ids.giaoBan, ids.diaPhuong, ids.truyenThong]);
    await page.getByTestId('search-sort').getByText('Liên quan').click();
    await page.waitForURL((url) => !url.hash.includes('sort='));
  });

  it('opens a result in the meeting form, and Back returns to the same search', async () => {
    const { page } = app;
    await page
      .locator(`[data-testid="search-result"][data-id="${ids.giaoBan}"]`)
      .getByTestId('search-result-title')
      .click();
    await page.waitForURL(new RegExp(`#/meetings/${ids.giaoBan}$`));
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(TITLES.giaoBan);
    await page.goBack();
    await expectTotal(4);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('dai tuong');
  });

  it('shows markup a clerk pasted into a record as text, never as HTML', async () => {
    const { page } = app;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await expect(searchFor('tong ket cong tac')).resolves.toBeGreaterThan(0);
    const titled = page.locator(`[data-testid="search-result"][data-id="${ids.tongKet}"]`).getByTestId('search-result-title');
    await expect(titled.innerText()).resolves.toBe(TITLES.tongKet);
    await expect(titled.locator('mark').allInnerTexts()).resolves.toEqual(['tổng kết công tác']);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SCREENSHOTS, 'search-title-marks.png') });
    await page.setViewportSize({ width: 1366, height: 850 });
    await expect(searchFor('cong thong tin')).resolves.toBe(1);
    const snippet = page.getByTestId('search-snippet');
    await expect(snippet.innerText()).resolves.toContain('<script>alert(1)</script>');
    await expect(snippet.locator('script').count()).resolves.toBe(0);
    await expect(snippet.locator('mark').allInnerTexts()).resolves.toEqual(['cổng thông tin']);
    expect(dialogs).toBe(0);
  });

  it('explains in Vietnamese, without an error, a query of only a quote and a date it cannot read', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('"');
    await page.getByTestId('search-message').waitFor();
    await expect(page.getByTestId('search-message').innerText()).resolves.toContain(
      'Hãy nhập ít nhất một từ cần tìm',
    );
    await expect(page.getByTestId('error-alert').count()).resolves.toBe(0);
    await shot('message');

    await page.getByTestId('search-input').fill('quoc phong tu:31/02/2024');
    await page.getByTestId('search-notes').waitFor();
    await expect(page.getByTestId('search-notes').innerText()).resolves.toContain('Bỏ qua "tu:31/02/2024"');
    await expect(page.getByTestId('error-alert').count()).resolves.toBe(0);
  });

  it('pages through results added while the app is running, 20 at a time', async () => {
    const { page } = app;
    for (let week = 1; week <= 24; week++) {
      addRecord(app.archive, {
        title: `Giao ban Văn phòng Bộ Chỉ huy Quân sự tỉnh tuần ${week}`,
        kind: 'Giao ban',
        date: `2025-${String(Math.ceil(week / 4)).padStart(2, '0')}-${String(((week - 1) % 4) * 7 + 1).padStart(2, '0')}`,
        minutes: `Chánh Văn phòng chủ trì giao ban tuần ${week}, triển khai công tác văn thư, lưu trữ.`,
      });
    }
    await expect(searchFor('loai:"giao ban"')).resolves.toBe(25);
    await expect.poll(() => page.getByTestId('search-total').innerText()).toBe('25 kết quả');
    await expect(page.getByTestId('search-result').count()).resolves.toBe(20);
    await page.getByTestId('search-more').click();
    await page.getByTestId('search-result').nth(24).waitFor();
    await expect(page.getByTestId('search-result').count()).resolves.toBe(25);
    await expect(page.getByTestId('search-more').count()).resolves.toBe(0);
    expect(new Set(await resultIds(page)).size).toBe(25);

    // The kind facet narrows the same way a `loai:` filter does.
    const before = await searchFor('quoc phong');
    await page.locator('[data-testid="facet-kind"][data-value="Giao ban"]').click();
    await expectTotal(1);
    expect(before).toBeGreaterThan(1);
    await page.locator('[data-testid="facet-chip"][data-facet="kind"]').click();
    await expectTotal(before);
  });

  it('saves a search, runs it again from the list, and deletes it after confirmation', async () => {
    const { page } = app;
    await expect(searchFor('"quốc phòng toàn dân"')).resolves.toBe(2);
    await page.getByTestId('saved-save').click();
    await page.getByTestId('saved-name').fill('Quốc phòng toàn dân');
    await afterTransition();
    await shot('save-dialog');
    await page.getByTestId('saved-confirm').click();
    const item = page.getByTestId('saved-item').filter({ hasText: 'Quốc phòng toàn dân' });
    await item.waitFor();
    expect(app.archive.sqlite.prepare('SELECT name, query FROM saved_searches').all()).toEqual([
      { name: 'Quốc phòng toàn dân', query: '"quốc phòng toàn dân"' },
    ]);

    await page.getByTestId('search-clear').click();
    await page.getByTestId('search-intro').waitFor();
    await item.getByTestId('saved-run').click();
    await expectTotal(2);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('"quốc phòng toàn dân"');
    await shot('saved');

    await item.getByTestId('saved-delete').click();
    await page.getByTestId('saved-delete-confirm').click();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('saved-empty').waitFor();
    expect(app.archive.sqlite.prepare('SELECT count(*) AS n FROM saved_searches').get()).toEqual({ n: 0 });
  });

  it('Ctrl+K from another screen: type, arrow down, Enter opens the chosen meeting', async () => {
    const { page } = app;
    await page.getByTestId('nav-meetings').click();
    await page.keyboard.press('Control+k');
    const quick = page.getByTestId('quick-search');
    await quick.waitFor();
    await page.getByTestId('quick-search-input').fill('phan van giang');
    const items = page.getByTestId('quick-search-item');
    await page.locator('[data-testid="quick-search-item"][data-id]').nth(1).waitFor();
    await expect(page.locator('[data-testid="quick-search-item"][data-id]').count()).resolves.toBe(2);
    await expect(items.last().innerText()).resolves.toContain('Xem tất cả 2 kết quả');
    await expect(items.first().locator('mark').first().innerText()).resolves.toBe('Phan Văn Giang');
    await afterTransition();
    await shot('quick');

    await page.keyboard.press('ArrowDown');
    await expect(items.nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    const chosen = await items.nth(1).getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/meetings/${chosen}$`));
    await quick.waitFor({ state: 'detached' });
    const title = chosen === ids.tongKet ? TITLES.tongKet : TITLES.giaoBan;
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(title);
  });

  it('the header button opens the quick search; Escape closes it; the last entry opens the full page', async () => {
    const { page } = app;
    await page.getByTestId('quick-search-open').click();
    await page.getByTestId('quick-search').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('quick-search').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+k');
    await page.getByTestId('quick-search-input').fill('KT-XH');
    await page.locator(`[data-testid="quick-search-item"][data-id="${ids.ktxh}"]`).waitFor();
    await page.keyboard.press('ArrowUp'); // wraps to "Xem tất cả kết quả"
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=KT-XH$/);
    await expectTotal(1);
    await expect(page.getByTestId('search-input').inputValue()).resolves.toBe('KT-XH');
    // The abbreviation found the meeting whose minutes spell it out in full.
    await expect(page.getByTestId('search-result').getAttribute('data-id')).resolves.toBe(ids.ktxh);
  });

  it('labels the results in English too', async () => {
    const { page } = app;
    await expect(searchFor('dai tuong')).resolves.toBe(4);
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('search-total').innerText()).toBe('4 results');
    await expect.poll(() => page.getByTestId('search-sort').innerText()).toContain('Newest');
    await page.getByTestId('lang-switch').getByText('Tiếng Việt').click();
    await expect.poll(() => page.getByTestId('search-total').innerText()).toBe('4 kết quả');
  });

  it('fits an older 1024×768 office screen without clipping the results or the facets', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await expect(searchFor('dai tuong')).resolves.toBe(4);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await shot('narrow');
    } finally {
      await page.setViewportSize({ width: 1366, height: 850 });
    }
  });

  it('hands the results to the Lưu trữ USB screen to export them', async () => {
    const { page } = app;
    await expect(searchFor('dai tuong')).resolves.toBe(4);
    await page.getByTestId('search-export-usb').click();
    await page.waitForURL((url) => url.hash.startsWith('#/usb'));
    await expect(page.getByTestId('usb-query').inputValue()).resolves.toBe('dai tuong');
    await expect.poll(() => page.getByTestId('usb-estimate-summary').innerText()).toMatch(/^4 cuộc họp/);
  });

  it('never sent a request anywhere but the app itself', () => {
    expect(app.requests.length).toBeGreaterThan(10);
    expect(app.requests.filter((u) => !u.startsWith(app.host.origin))).toEqual([]);
  });
});
