import type { ReportRequestInput } from '../../../../contract/reportContract';
import { call } from '../../api/client';

/**
 * Saving a made file from the page: a Blob and a temporary <a download>. In the web host the browser
 * saves it to Downloads (or asks where); in the desktop app Electron shows its save dialog.
 */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Makes a document as PDF, DOCX or HTML through the contract and saves it; returns the file's name. */
export async function saveReportFile(
  request: ReportRequestInput,
  format: 'pdf' | 'docx' | 'html',
): Promise<string> {
  if (format === 'html') {
    const r = await call('reports/html', request);
    downloadBytes(r.html, r.fileName, 'text/html;charset=utf-8');
    return r.fileName;
  }
  const r = await call(format === 'pdf' ? 'reports/pdf' : 'reports/docx', request);
  downloadBytes(base64ToBytes(r.base64), r.fileName, r.mime);
  return r.fileName;
}
