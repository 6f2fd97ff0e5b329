import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { startWebHost, type WebHost } from '../../webhost/server';
import { launchApp, SCREENSHOTS, type App } from './harness';

const RENDERER = process.env.HOSO_OUT ? resolve(process.env.HOSO_OUT, 'renderer') : resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
const PASSWORD = 'Văn thư 2026';

let app: App;
const restarted: WebHost[] = [];
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  for (const h of restarted) await h.close();
  await app?.close();
});

const shot = (name: string) => app.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

/** The app started again on the same archive (a new service process: the lock starts closed). */
async function restartApp(): Promise<void> {
  const dispatch = createDispatcher(createHandlers(createContext(app.archive, 'web', 'e2e')), silentLogger);
  const host = await startWebHost({ dispatch, rendererDir: RENDERER, log: silentLogger, archiveDir: dirname(app.archive.file) });
  restarted.push(host);
  await app.page.goto(host.launchUrl);
}

let firstCode = '';

describe('app lock: a clerk protects the archive with a password', () => {
  it('sets a password in Cài đặt and sees the recovery code once, confirmed before going on', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('app-lock-section');
    await section.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('app-lock-status').innerText()).resolves.toContain('Chưa đặt mật khẩu');

    await page.getByTestId('app-lock-new').fill(PASSWORD);
    await page.getByTestId('app-lock-confirm').fill('Văn thư 2025');
    await page.getByTestId('app-lock-set').click();
    await page.getByText('Hai lần nhập mật khẩu mới không giống nhau.').waitFor();

    await page.getByTestId('app-lock-confirm').fill(PASSWORD);
    await page.getByTestId('app-lock-set').click();
    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    firstCode = (await code.innerText()).trim();
    expect(firstCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await expect(page.getByTestId('recovery-code-done').isDisabled()).resolves.toBe(true);
    await shot('app-lock-recovery-code');
    await page.getByTestId('recovery-code-confirm').check();
    await page.getByTestId('recovery-code-done').click();
    await code.waitFor({ state: 'detached' });
    await expect(page.getByTestId('app-lock-status').innerText()).resolves.toContain('Đã đặt mật khẩu: ứng dụng tự khóa sau 10 phút');

    // Once means once: the page reloaded shows no code, and the archive holds only its hash.
    await page.reload();
    await page.getByTestId('app-lock-section').waitFor();
    await expect(page.getByTestId('recovery-code').count()).resolves.toBe(0);
    const stored = (app.archive.sqlite.prepare("SELECT value FROM settings WHERE key = 'appLock'").get() as { value: string }).value;
    expect(stored).not.toContain(firstCode);
    expect(stored).not.toContain(firstCode.replace(/-/g, ''));
    expect(stored).not.toContain(PASSWORD);
  });

  it('when the app starts again it shows the lock screen; a wrong password is refused, the right one opens the app', async () => {
    const { page } = app;
    await restartApp();
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    await expect(lock.innerText()).resolves.toContain('Ứng dụng đang khóa');
    await expect(page.getByTestId('app-content').isVisible()).resolves.toBe(false);

    // A second tab of the same browser gets the lock screen too, and nothing from the archive.
    const other = await page.context().newPage();
    await other.goto(new URL('/', page.url()).href);
    await other.getByTestId('lock-screen').waitFor();
    const answer = await other.evaluate(async () => (await fetch('/api/meetings/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
    expect(answer).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
    await other.close();

    await page.getByTestId('lock-password').fill('văn thư 2026');
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-error').innerText()).resolves.toContain('Mật khẩu không đúng');
    await page.getByTestId('lock-password').fill('Văn thư 202');
    await page.getByTestId('lock-unlock').click();
    await page.getByText('Mật khẩu không đúng. Hãy nhập lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt). Đã sai 2 lần; sai 5 lần sẽ phải chờ.').waitFor();
    await shot('app-lock-wrong-password');

    await page.getByTestId('lock-password').fill(PASSWORD);
    await page.getByTestId('lock-password').press('Enter');
    await lock.waitFor({ state: 'detached' });
    // The settings and the screen below, held while locked, load now.
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meetings-empty').waitFor();
  });

  it('Khóa ngay locks at once; Quên mật khẩu? takes the recovery code, sets a new password and shows a new code', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('app-lock-now').click();
    await page.getByTestId('lock-screen').waitFor();

    await page.getByTestId('lock-forgot').click();
    await page.getByTestId('lock-recovery-code').fill(firstCode.toLowerCase());
    await page.getByTestId('lock-new-password').fill('Mật khẩu mới 2026');
    await page.getByTestId('lock-confirm-password').fill('Mật khẩu mới 2026');
    await page.getByTestId('lock-recover').click();
    const code = page.getByTestId('recovery-code');
    await code.waitFor();
    const secondCode = (await code.innerText()).trim();
    expect(secondCode).not.toBe(firstCode);
    await page.getByTestId('recovery-code-confirm').check();
    await page.getByTestId('recovery-code-done').click();
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await page.getByTestId('app-lock-section').waitFor();
  });

  it('after five wrong passwords the screen counts down the wait and keeps the button off', async () => {
    const { page } = app;
    await restartApp();
    await page.getByTestId('lock-screen').waitFor();
    // The used recovery code no longer works.
    await page.getByTestId('lock-forgot').click();
    await page.getByTestId('lock-recovery-code').fill(firstCode);
    await page.getByTestId('lock-new-password').fill('lại mật khẩu khác');
    await page.getByTestId('lock-confirm-password').fill('lại mật khẩu khác');
    await page.getByTestId('lock-recover').click();
    await expect(page.getByTestId('lock-error').innerText()).resolves.toContain('Mã khôi phục không đúng');
    await page.getByText('Quay lại nhập mật khẩu').click();

    for (let i = 2; i <= 5; i++) {
      await page.getByTestId('lock-password').fill(`sai lần ${i}`);
      await page.getByTestId('lock-unlock').click();
      if (i < 5) await page.getByText(`Đã sai ${i} lần;`).waitFor();
    }
    const wait = page.getByTestId('lock-wait');
    await wait.waitFor();
    const first = await wait.innerText();
    expect(first).toMatch(/Hãy chờ (30|29) giây rồi thử lại\./);
    await expect(page.getByTestId('lock-unlock').isDisabled()).resolves.toBe(true);
    await page.waitForFunction((before) => document.querySelector('[data-testid="lock-wait"]')?.textContent !== before, first);
    await shot('app-lock-wait');
    // The service agrees, whatever the page does.
    const reply = await page.evaluate(async (password) => {
      const res = await fetch('/api/lock/unlock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
      return res.json();
    }, 'Mật khẩu mới 2026');
    expect(reply).toMatchObject({ ok: false, error: { code: 'LOCK_WAIT' } });
  });
});
