import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { ExportPanel } from './ExportPanel';
import { VerifyPanel } from './VerifyPanel';

/** A tab of the Xuất ra USB page. */
export interface UsbPanel {
  /** Tab value and test id suffix (`usb-tab-<id>`). */
  id: string;
  /** i18n key of the tab's label, e.g. 'usbArchive.tabs.export'. */
  label: ParseKeys;
  Component: ComponentType;
}

/**
 * The tabs of the page, in order. Another feature adds its panel with one line here. Merge and backups
 * are on their own page, Nhập từ USB (MergeScreen).
 */
export const USB_PANELS: UsbPanel[] = [
  { id: 'export', label: 'usbArchive.tabs.export', Component: ExportPanel },
  { id: 'verify', label: 'usbArchive.tabs.verify', Component: VerifyPanel },
];
