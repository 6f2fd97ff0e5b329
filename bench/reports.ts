import { cpus, loadavg } from 'node:os';
import { openArchive } from '../db/open';
import { ReportRequest } from '../contract/reportContract';
import { buildReport } from '../services/reports/build';
import { renderHtml } from '../services/reports/html';
import { createChromiumPdf } from '../cli/chromiumPdf';
import { silentLogger } from '../services/log';
import { renderDocx } from '../services/reports/docx';
import { percentile } from './stats';

/**
 * The period summary over every meeting of a demo archive (500 by default: the yardstick), each
 * run from scratch as `hoso report period … --out x.pdf` does it: read and compose (SQL), HTML, then
 * the PDF through the system Chromium (launch included), and the DOCX. Prints medians and the worst run,
 * with the machine's load average (wall times on a shared machine are worth only that much).
 */
export async function benchReports(file: string, runs: number): Promise<Record<string, unknown>> {
  const archive = await openArchive({ file });
  try {
    const range = archive.sqlite
      .prepare('SELECT MIN(meeting_date) AS "from", MAX(meeting_date) AS "to", COUNT(*) AS n FROM meetings WHERE deleted_at IS NULL AND meeting_date IS NOT NULL')
      .get() as { from: string; to: string; n: number };
    const request = ReportRequest.parse({ kind: 'period', from: range.from, to: range.to });
    const compose: number[] = [];
    const html: number[] = [];
    const pdf: number[] = [];
    const total: number[] = [];
    const docx: number[] = [];
    let pdfBytes = 0;
    let htmlBytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const doc = buildReport(archive, request);
      const t1 = performance.now();
      const page = renderHtml(doc);
      const t2 = performance.now();
      // A renderer per run, as one `hoso report … --out x.pdf` command has (its Chromium launch included).
      const renderer = createChromiumPdf({ log: silentLogger });
      const bytes = await renderer.render(page).finally(() => renderer.close());
      const t3 = performance.now();
      await renderDocx(doc);
      const t4 = performance.now();
      compose.push(t1 - t0);
      html.push(t2 - t1);
      pdf.push(t3 - t2);
      total.push(t3 - t0);
      docx.push(t4 - t3);
      pdfBytes = bytes.length;
      htmlBytes = page.length;
    }
    const ms = (xs: number[]) => ({ p50: Math.round(percentile(xs, 50)), max: Math.round(Math.max(...xs)) });
    return {
      meetings: range.n,
      range,
      runs,
      composeMs: ms(compose),
      htmlMs: ms(html),
      pdfMs: ms(pdf),
      totalToPdfMs: ms(total),
      docxMs: ms(docx),
      htmlBytes,
      pdfBytes,
      // Wall times depend on what else runs: say how busy the machine was.
      cpus: cpus().length,
      loadAverage1min: Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    archive.close();
  }
}
