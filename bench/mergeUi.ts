import { cpus, loadavg } from 'node:os';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { demoBagAndTarget } from './merge';
import { createContext } from '../services/context';
import { createHandlers } from '../services/handlers';
import { createDispatcher, type Dispatch } from '../services/dispatch';
import { silentLogger } from '../services/log';
import { startWebHost } from '../webhost/server';
import { CHROMIUM_ARGS } from '../cli/chromiumPdf';

/**
 * The merge as the clerk sees it (`npm run bench -- merge-ui`): a whole demo archive's bag (encrypted, as
 * demo archives hold classified records) merged into an empty archive through the web host and the built
 * renderer in Chromium at 1366×768. Times from the click on "Kiểm tra và xem trước" until the summary is
 * on screen, and from the click on "Nhập vào kho" until the result is; with the time the services spent
 * on each channel (for preview and apply, which run as jobs, the job's own time from start to end) and the
 * bytes of each answer, so the transport and the page can be told apart.
 * Needs the built renderer (`npx electron-vite build`) and Debian's Chromium. Prints, never asserts.
 */
export async function benchMergeUi(file: string): Promise<Record<string, unknown>> {
  const renderer = resolve(import.meta.dirname, '..', 'out', 'renderer');
  if (!existsSync(join(renderer, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const { work, passphrase, bag, target } = await demoBagAndTarget(file, 'hoso-bench-merge-ui-');
  try {
    // Past the first-run setup (put off, as e2e/harness.ts does): the bench times the merge, not the setup.
    target.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('setup', '\"skipped\"', ?) ON CONFLICT(key) DO NOTHING")
      .run(Date.now());
    const inner = createDispatcher(createHandlers(createContext(target, 'web', 'bench')), silentLogger);
    const services: { channel: string; ms: number }[] = [];
    const dispatch: Dispatch = async (channel, input) => {
      const t0 = performance.now();
      const reply = await inner(channel, input);
      services.push({ channel: String(channel), ms: Math.round(performance.now() - t0) });
      // Preview and apply run as jobs (merge/*-start): their services time is the job's own, start to end.
      if (channel === 'jobs/status' && reply.ok) {
        const job = reply.data as { kind: string; state: string; startedAt: number; finishedAt: number | null };
        if (job.state !== 'running' && job.finishedAt !== null)
          services.push({ channel: `job/${job.kind}`, ms: job.finishedAt - job.startedAt });
      }
      return reply;
    };
    dispatch.isLocked = inner.isLocked;
    const host = await startWebHost({ dispatch, rendererDir: renderer, log: silentLogger, archiveDir: dirname(target.file) });
    const browser = await chromium.launch({ executablePath: process.env.HOSO_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const answers: { channel: string; bytes: number }[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (!url.pathname.startsWith('/api/')) return;
        void r.body().then(
          (b) => answers.push({ channel: url.pathname.slice(5), bytes: b.length }),
          () => undefined,
        );
      });
      await page.goto(host.launchUrl);
      await page.goto(`${host.origin}/#/usb/merge`);
      // The typed path sits behind "Chọn thư mục khác…" since the stick picker.
      await page.getByTestId('stick-other').click();
      await page.getByTestId('merge-path').fill(bag.path);
      await page.getByTestId('merge-passphrase').fill(passphrase);
      let t0 = performance.now();
      await page.getByTestId('merge-preview').click();
      await page.getByTestId('merge-apply').or(page.getByTestId('error-alert')).first().waitFor({ timeout: 300_000 });
      if (await page.getByTestId('error-alert').count()) throw new Error(`preview failed: ${await page.getByTestId('error-alert').first().innerText()}`);
      const previewMs = Math.round(performance.now() - t0);
      console.error(`preview shown after ${previewMs} ms`);
      const shownRows = await page.getByTestId('merge-meeting').count();
      const applyBar = await page.getByTestId('merge-apply').boundingBox();
      t0 = performance.now();
      await page.getByTestId('merge-apply').click();
      await page.getByTestId('merge-result').or(page.getByTestId('error-alert')).first().waitFor({ timeout: 300_000 });
      if (await page.getByTestId('error-alert').count()) throw new Error(`apply failed: ${await page.getByTestId('error-alert').first().innerText()}`);
      const applyMs = Math.round(performance.now() - t0);
      const meetings = target.sqlite.prepare('SELECT count(*) FROM meetings WHERE deleted_at IS NULL').pluck().get() as number;
      const sum = (rows: { channel: string }[], key: 'ms' | 'bytes', prefix: string) =>
        (rows as { channel: string; ms?: number; bytes?: number }[])
          .filter((r) => r.channel.startsWith(prefix))
          .reduce((s, r) => s + (r[key] ?? 0), 0);
      return {
        meetings: bag.meetings,
        merged: meetings,
        ms: { preview: previewMs, apply: applyMs },
        servicesMs: {
          preview: sum(services, 'ms', 'job/merge-preview') + sum(services, 'ms', 'merge/find-bags'),
          apply: sum(services, 'ms', 'job/merge-apply'),
          jobsStatus: sum(services, 'ms', 'jobs/'),
          rows: sum(services, 'ms', 'merge/rows'),
        },
        answerBytes: Object.fromEntries(
          [...new Set(answers.map((a) => a.channel))].map((c) => [c, sum(answers, 'bytes', c)]),
        ),
        requests: services.length,
        rowsRendered: shownRows,
        applyButtonTop: applyBar ? Math.round(applyBar.y) : null,
        machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
      };
    } finally {
      await browser.close();
      await host.close();
      target.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
