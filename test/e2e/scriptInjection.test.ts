/**
 * HTML and script typed or pasted into a record never run: a clerk's text is shown as the characters
 * it is, everywhere it shows. Planted through the contract (title, minutes, location, a person's name and
 * unit, a conclusion, a caption and credit, a document, a tag) and through the UI (a new meeting's title,
 * the minutes typed into the editor, a conclusion), then every place they show is opened: the list, each
 * tab of the record, the lightbox, search results with their <mark> snippets, Ctrl+K, the person page,
 * the print preview of each report, the USB export's index.html and meeting page from file://, and the
 * report as PDF. In each: `window.__pwned` stays undefined, no dialog opens, no element carries an event
 * handler attribute or a javascript: link, and the planted text is there literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { png } from '../helpers/images';
import { tempDir } from '../helpers/tempArchive';
import { pdfLines, pdfWords } from '../helpers/pdf';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '"><svg onload="window.__pwned=3">';
const JS_LINK = '<a href="javascript:window.__pwned=4">Xem văn bản</a>';
const JS_URL = 'javascript:window.__pwned=5';

const TITLE = `Hội nghị giao ban an ninh ${IMG} quý III`;
const PERSON = `Lê Văn Thắng ${SVG}`;
const CONCLUSION = `Giao Ban Chỉ huy ${JS_LINK} rà soát kế hoạch ${SCRIPT} trước ngày 30/9.`;
const CAPTION = `Quang cảnh hội nghị ${SCRIPT} ${IMG}`;
const CREDIT = `Ảnh: ${SVG}`;
const LOCATION = JS_URL;
const TAG = `${IMG}`;
const UI_TITLE = `Họp chi ủy ${SVG} tháng 9`;
const UI_MINUTES = `Đồng chí Bí thư nêu ${SCRIPT} và ${IMG} trong biên bản.`;
const UI_CONCLUSION = `Hoàn thành báo cáo ${JS_LINK} tuần sau.`;

let app: App;
let meetingId = '';
let personId = '';
let uiMeetingId = '';
const dialogs: string[] = [];
const shots = join(SCREENSHOTS, 'injection');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  app = await launchApp();
  app.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Through the contract, as an import, a merge or another window would store it.
  const call = directClient(
    createDispatcher(createHandlers(createContext(app.archive, 'direct', 'e2e')), silentLogger),
  );
  const m = await call('meetings/create', {
    title: TITLE,
    kind: 'Hội nghị',
    meetingDate: '2026-09-15',
    startTime: '08:00',
    endTime: null,
    location: LOCATION,
    organizer: `Đảng ủy ${IMG}`,
    minutesHtml: `<p>Nội dung giao ban ${IMG.replace(/</g, '&lt;')}</p>${SCRIPT}${IMG}<p>${JS_LINK}</p><svg onload="window.__pwned=6"></svg>`,
  });
  meetingId = m.id;
  const p = await call('people/create', {
    fullName: PERSON,
    rank: 'Thượng tá',
    title: 'Chính ủy',
    unit: `Trung đoàn ${SCRIPT}`,
  });
  personId = p.id;
  let v = m.version;
  v = (
    await call('attendance/add', {
      meetingId,
      version: v,
      person: { kind: 'existing', id: personId },
      role: 'chu_tri',
      titles: `Chính ủy ${IMG}`,
    })
  ).meetingVersion;
  v = (
    await call('conclusions/add', {
      meetingId,
      version: v,
      fields: {
        text: CONCLUSION,
        isTask: true,
        assigneePersonId: personId,
        assigneeUnit: SVG,
        deadline: '2026-09-30',
        taskStatus: 'chua_lam',
      },
    })
  ).meetingVersion;
  v = (
    await call('documents/add', {
      meetingId,
      version: v,
      fields: { number: '21-NQ/ĐU', docType: `Nghị quyết ${SCRIPT}`, issuer: IMG, summary: JS_LINK },
    })
  ).meetingVersion;
  v = (
    await call('photos/add', {
      meetingId,
      version: v,
      fileName: `${SVG}.png`,
      dataBase64: (await png('#2e7d32', 320, 240)).toString('base64'),
      caption: CAPTION,
      credit: CREDIT,
    })
  ).meetingVersion;
  await call('tags/set', { meetingId, version: v, names: [TAG, 'An ninh'] });
});

afterAll(async () => {
  await app?.close();
});

/** What a script in the page could have done, and what would show that markup became elements. */
async function assertInert(page: Page | Frame, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown };
    const handlers: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) handlers.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
        if (
          /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) &&
          /^\s*javascript:/i.test(attr.value)
        )
          handlers.push(`${el.tagName.toLowerCase()}[${attr.name}=javascript:]`);
      }
    }
    const scripts = Array.from(document.querySelectorAll('script')).filter((s) =>
      (s.textContent ?? '').includes('__pwned'),
    ).length;
    return { pwned: w.__pwned, handlers, scripts, svg: document.querySelectorAll('svg[onload]').length };
  });
  expect(found, where).toEqual({ pwned: undefined, handlers: [], scripts: 0, svg: 0 });
  expect(dialogs, where).toEqual([]);
}

const bodyText = (page: Page | Frame) => page.locator('body').innerText();

describe('HTML and script in a record never run', () => {
  it('the list, every tab of the record and the lightbox show the text literally', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/meetings`);
    await page.getByTestId('meeting-row').first().waitFor();
    await expect(bodyText(page)).resolves.toContain(TITLE);
    await assertInert(page, 'meetings list');

    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    await page.getByTestId('record-tabs').waitFor();
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(TITLE);
    await expect(page.getByTestId('meeting-location').inputValue()).resolves.toBe(LOCATION);
    // The minutes were sanitized when stored: the escaped text survives as text, the live markup is gone.
    await expect(page.getByTestId('meeting-minutes').innerText()).resolves.toContain(
      `Nội dung giao ban ${IMG}`,
    );
    await assertInert(page, 'tab info');
    for (const [tab, literal] of [
      ['attendance', PERSON],
      ['photos', CAPTION],
      ['conclusions', CONCLUSION],
      ['documents', `Nghị quyết ${SCRIPT}`],
      ['history', TITLE],
    ] as const) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByText(literal, { exact: false }).first().waitFor();
      await assertInert(page, `tab ${tab}`);
    }
    await page.getByTestId('tab-documents').click();
    await expect(bodyText(page)).resolves.toContain(TAG);
    await page.screenshot({ path: join(shots, 'record-documents.png'), fullPage: true });

    await page.getByTestId('tab-photos').click();
    await expect(page.getByTestId('photo-caption').inputValue()).resolves.toBe(CAPTION);
    await page.getByTestId('photo-open').click();
    await page.getByTestId('lightbox').waitFor();
    await expect(page.getByTestId('lightbox').innerText()).resolves.toContain(CAPTION);
    await page.screenshot({ path: join(shots, 'lightbox.png') });
    await assertInert(page, 'lightbox');
    await page.keyboard.press('Escape');
  });

  it('through the UI: a title, minutes typed in the editor and a conclusion are stored and shown as typed', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/meetings/new`);
    await page.getByTestId('meeting-title').fill(UI_TITLE);
    await page.getByTestId('meeting-kind').click();
    await page.getByRole('option', { name: 'Cuộc họp', exact: true }).click();
    await page.getByTestId('meeting-date').fill('20/09/2026');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();
    uiMeetingId = decodeURIComponent(page.url().split('#/meetings/')[1]!);
    await page.getByTestId('meeting-minutes').click();
    await page.keyboard.type(UI_MINUTES);
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-saved').waitFor();
    await page.getByTestId('tab-conclusions').click();
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill(UI_CONCLUSION);
    await page.getByTestId('conclusion-save').click();
    await page.getByTestId('conclusion-row').filter({ hasText: UI_CONCLUSION }).waitFor();
    await assertInert(page, 'record typed in the UI');

    const stored = app.archive.sqlite
      .prepare('SELECT title, minutes_text AS text, minutes_html AS html FROM meetings WHERE id = ?')
      .get(uiMeetingId) as { title: string; text: string; html: string };
    expect(stored.title).toBe(UI_TITLE);
    expect(stored.text).toBe(UI_MINUTES);
    expect(stored.html).not.toMatch(/<(script|img|svg)\b|<[^>]*\son\w+=/i);
    expect(stored.html).toContain('&lt;script&gt;');
    const conclusion = app.archive.sqlite
      .prepare('SELECT text FROM conclusions WHERE meeting_id = ?')
      .get(uiMeetingId) as { text: string };
    expect(conclusion.text).toBe(UI_CONCLUSION);

    await page.reload();
    await page.getByTestId('tab-info').click();
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe(UI_TITLE);
    await expect(page.getByTestId('meeting-minutes').innerText()).resolves.toContain(UI_MINUTES);
    await assertInert(page, 'record typed in the UI, reloaded');
  });

  it('search results, their <mark> snippets and Ctrl+K show the planted tags as text', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/search`);
    // Each query waits for its own hit to be marked, so what is checked is that query's results.
    for (const [query, hit] of [
      ['onerror', 'onerror'],
      ['script', 'script'],
      ['svg onload', 'svg'],
      ['javascript', 'javascript'],
      ['chinh uy', 'Chính ủy'],
    ] as const) {
      await page.getByTestId('search-input').fill(query);
      await page.getByTestId('search-snippet').locator('mark', { hasText: hit }).first().waitFor();
      await assertInert(page, `search "${query}"`);
    }
    await page.getByTestId('search-input').fill('quang canh script');
    const snippet = page.getByTestId('search-snippet').filter({ hasText: 'Quang cảnh hội nghị' }).first();
    await snippet.locator('mark', { hasText: 'Quang cảnh' }).waitFor();
    await expect(snippet.innerText()).resolves.toContain('<script>window.__pwned=2</script>');
    // Highlighting marks words inside the planted tag: still <mark> around text, never a live tag.
    const marks = await snippet.locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    await expect(snippet.locator('script, img, svg').count()).resolves.toBe(0);
    await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });

    await page.keyboard.press('Control+k');
    await page.getByTestId('quick-search').waitFor();
    await page.getByTestId('quick-search-input').fill('onerror');
    await page.locator('[data-testid="quick-search-item"][data-id]').first().waitFor();
    await expect(page.getByTestId('quick-search').innerText()).resolves.toContain(IMG);
    await page.screenshot({ path: join(shots, 'quick-search.png') });
    await assertInert(page, 'Ctrl+K');
    await page.keyboard.press('Escape');
  });

  it('the person page shows the name and the meetings literally', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/people/${personId}`);
    await page.getByTestId('person-meeting-row').first().waitFor();
    await expect(bodyText(page)).resolves.toContain(PERSON);
    await expect(page.getByTestId('person-meeting-row').first().innerText()).resolves.toContain(TITLE);
    await page.screenshot({ path: join(shots, 'person.png'), fullPage: true });
    await assertInert(page, 'person page');
    await page.goto(`${host.origin}/#/people`);
    await page.getByTestId('person-row').first().waitFor();
    await assertInert(page, 'people list');
  });

  it('the print preview of every report shows the text literally, and the frame runs nothing', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/reports?meeting=${meetingId}&kind=conclusion`);
    const labels = {
      conclusion: 'Thông báo kết luận',
      minutes: 'Biên bản',
      attendance: 'Danh sách đại biểu',
      photos: 'Ảnh hoạt động',
    };
    for (const kind of ['conclusion', 'minutes', 'attendance', 'photos'] as const) {
      await page.getByTestId('report-kind').getByText(labels[kind], { exact: true }).click();
      const frame = page.frameLocator('[data-testid="report-preview"]');
      const literal = {
        conclusion: CONCLUSION,
        minutes: `Nội dung giao ban ${IMG}`,
        attendance: PERSON,
        photos: CAPTION,
      }[kind];
      await frame.getByText(literal, { exact: false }).first().waitFor();
      const inner = page.frames().find((f) => f !== page.mainFrame());
      expect(inner, kind).toBeDefined();
      await expect(inner!.locator('script, iframe, svg, [onerror], [onload]').count()).resolves.toBe(0);
      await page.screenshot({ path: join(shots, `report-${kind}.png`), fullPage: true });
      await assertInert(page, `report ${kind}`);
    }
    await page.goto(`${host.origin}/#/reports`);
    await page.getByTestId('report-kind').getByText('Báo cáo tổng hợp').click();
    await page.getByTestId('report-from').fill('01/09/2026');
    await page.getByTestId('report-to').fill('30/09/2026');
    await page.getByTestId('report-to').blur();
    const frame = page.frameLocator('[data-testid="report-preview"]');
    await frame.getByText(TITLE, { exact: false }).first().waitFor();
    await assertInert(page, 'report period');
  });

  it('the report as PDF shows the planted characters', async () => {
    const call = directClient(
      createDispatcher(createHandlers(createContext(app.archive, 'direct', 'e2e', { renderPdf: (html) => app.pdf.render(html) })), silentLogger),
    );
    const pdf = await call('reports/pdf', { kind: 'conclusion', meetingId });
    const file = join(app.dataDir, 'thong-bao.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = pdfLines(pdfWords(file))
      .map((l) => l.text)
      .join(' ');
    // Justified lines may break anywhere between words: compared without whitespace.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(CONCLUSION.replace(/\s+/g, ''));
    expect(flat).toContain(PERSON.replace(/\s+/g, ''));
    expect(flat).toContain(`tại${LOCATION}`);
  });

  it("the USB export's index.html and meeting page (file://) show the text and run nothing", async () => {
    const usb = tempDir('hoso-usb-');
    try {
      const call = directClient(
        createDispatcher(createHandlers(createContext(app.archive, 'direct', 'e2e')), silentLogger),
      );
      const { jobId } = await call('archive/export', { dest: usb.dir, selection: {} });
      let state = 'running';
      for (let i = 0; i < 600 && state === 'running'; i++) {
        state = (await call('jobs/status', { jobId })).state;
        if (state === 'running') await new Promise((r) => setTimeout(r, 100));
      }
      expect(state).toBe('done');
      const bag = join(
        usb.dir,
        readdirSync(usb.dir).find((n) => n.startsWith('hoso-'))!,
      );
      const page = await app.page.context().newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(join(bag, 'data', 'index.html')).href);
      await expect(bodyText(page)).resolves.toContain(TITLE);
      await expect(bodyText(page)).resolves.toContain(UI_TITLE);
      await assertInert(page, 'bag index.html');
      await page.getByText(TITLE).click();
      await page.locator('figure').first().waitFor();
      const text = await bodyText(page);
      for (const literal of [PERSON, CONCLUSION, CAPTION, LOCATION, `Nghị quyết ${SCRIPT}`, TAG])
        expect(text).toContain(literal);
      await page.screenshot({ path: join(shots, 'bag-meeting.png'), fullPage: true });
      await assertInert(page, 'bag meeting page');
      await page.close();
    } finally {
      usb.cleanup();
    }
  });

  it('the check itself sees planted markup (so the passes above mean something), and the CSP would stop it running', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/meetings`);
    await page.getByTestId('meeting-row').first().waitFor();
    await page.evaluate((html) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      document.body.append(div);
    }, IMG);
    // The element is seen…
    await expect(page.locator('img[onerror]').count()).resolves.toBe(1);
    await expect(assertInert(page, 'planted on purpose')).rejects.toThrow('planted on purpose');
    // …and even then its handler does not run: the page's Content-Security-Policy has no
    // 'unsafe-inline', a second wall behind the escaping.
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    await page.reload();
    await page.getByTestId('meeting-row').first().waitFor();
    await assertInert(page, 'after reload');
  });
});
