import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { ExportPanel } from './ExportPanel';
import { VerifyPanel } from './VerifyPanel';
import { MergePanel } from './MergePanel';
import { BackupPanel } from './BackupPanel';

/** A tab of the Lưu trữ USB screen. */
export interface UsbPanel {
  /** Tab value and test id suffix (`usb-tab-<id>`). */
  id: string;
  /** i18n key of the tab's label, e.g. 'usbArchive.tabs.export'. */
  label: ParseKeys;
  Component: ComponentType;
}

/** The tabs of the screen, in order. Another feature adds its panel with one line here. */
export const USB_PANELS: UsbPanel[] = [
  { id: 'export', label: 'usbArchive.tabs.export', Component: ExportPanel },
  { id: 'verify', label: 'usbArchive.tabs.verify', Component: VerifyPanel },
  { id: 'merge', label: 'usbMerge.tab', Component: MergePanel },
  { id: 'backups', label: 'usbBackups.tab', Component: BackupPanel },
];
