import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface PreviewHandle {
  /** The browser's (or the desktop's) print dialog for exactly the previewed document. */
  print(): void;
}

/**
 * The document exactly as it prints: the same HTML and print CSS as the PDF, in a sandboxed frame
 * (no scripts run inside; same-origin only so that In can open the print dialog for the frame and the
 * preview's photos load from the archive's /photos/ address).
 */
export const PreviewFrame = forwardRef<PreviewHandle, { html: string }>(function PreviewFrame({ html }, ref) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  useImperativeHandle(ref, () => ({
    print: () => {
      const w = frame.current?.contentWindow;
      if (!w) return;
      w.focus();
      w.print();
    },
  }));
  return (
    <iframe
      ref={frame}
      title={t('reports.previewTitle')}
      srcDoc={html}
      sandbox="allow-same-origin allow-modals"
      data-testid="report-preview"
      style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, background: '#e9ecef' }}
    />
  );
});

/**
 * A printable document kept out of sight (the register, the secret log): the list is what the clerk
 * reads on screen, and the panel's In button prints this.
 */
export const HiddenPrintFrame = forwardRef<PreviewHandle, { html: string }>(function HiddenPrintFrame({ html }, ref) {
  return (
    <div style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', left: -10000 }} aria-hidden>
      <PreviewFrame ref={ref} html={html} />
    </div>
  );
});
