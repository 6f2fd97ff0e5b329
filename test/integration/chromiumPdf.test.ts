import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumPdf, type PdfRenderer } from '../../cli/chromiumPdf';
import { withSession } from '../../cli/session';
import { silentLogger } from '../../services/log';
import { tempDir } from '../helpers/tempArchive';

/** Chromium processes started by this process (playwright spawns the browser as our direct child). */
function chromiumChildren(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(join('/proc', name, 'stat'), 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(join('/proc', name, 'cmdline'), 'utf8');
      if (ppid === process.pid && /chrom/i.test(cmd)) pids.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const NOTICE = (n: number) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><style>@page{size:A4;margin:20mm}</style><body><p>Thông báo kết luận số ${n}</p></body></html>`;

let renderer: PdfRenderer | null = null;
afterEach(async () => {
  await renderer?.close();
  renderer = null;
});

describe('the web host PDF renderer kept warm', () => {
  it('prints several documents with one Chromium, started before the first was asked for', async () => {
    renderer = createChromiumPdf({ log: silentLogger });
    // The host need not wait; here the promise says when Chromium and its print page are up.
    await renderer.warm();
    await until(() => chromiumChildren().length === 1);
    const [browserPid] = chromiumChildren();
    const pdfs = await Promise.all([1, 2, 3].map((n) => renderer!.render(NOTICE(n))));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Each document is its own, not the page's previous one.
    expect(pdfs[0]!.equals(pdfs[1]!)).toBe(false);
    expect(chromiumChildren()).toEqual([browserPid]);
  });

  it('starts Chromium again when it was killed, and the next PDF still comes out', async () => {
    renderer = createChromiumPdf({ log: silentLogger });
    await renderer.render(NOTICE(1));
    const [killed] = chromiumChildren();
    process.kill(killed!, 'SIGKILL');
    await until(() => !alive(killed!));
    const pdf = await renderer.render(NOTICE(2));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(chromiumChildren()).toHaveLength(1);
    expect(chromiumChildren()).not.toContain(killed);
  });

  it('refuses every request but inline data: (nothing leaves the machine)', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => (asked.push(req.url ?? ''), res.end('x')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      renderer = createChromiumPdf({ log: silentLogger });
      const html = `<!doctype html><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"><img src="http://127.0.0.1:${port}/b.png"><p>Biên bản</p>`;
      expect((await renderer.render(html)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(asked).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('leaves no Chromium behind when the web session ends', async () => {
    const t = tempDir('hoso-pdf-');
    try {
      let during: number[] = [];
      await withSession(
        join(t.dir, 'archive.sqlite'),
        async () => {
          await until(() => chromiumChildren().length === 1);
          during = chromiumChildren();
        },
        { create: true, transport: 'web', log: silentLogger, warmPdf: true },
      );
      expect(during).toHaveLength(1);
      expect(alive(during[0]!)).toBe(false);
      expect(chromiumChildren()).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
