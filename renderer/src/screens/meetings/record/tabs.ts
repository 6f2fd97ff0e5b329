import type React from 'react';
import { ConclusionsTab } from './ConclusionsTab';
import { DocumentsTab } from './DocumentsTab';
import { HistoryTab } from './HistoryTab';

/** Props every tab of a meeting's record receives from the tab host. */
export interface RecordTabProps {
  meetingId: string;
  /** The meeting's current version; every part write sends it. */
  version: number;
  /** Report the `meetingVersion` a write answered, so the host stays current. */
  onVersion: (v: number) => void;
  /** True when the meeting is finalized: show values, no edit controls. */
  readOnly: boolean;
  /**
   * The record changed under the whole screen (finalized, an earlier version restored): the host loads
   * the meeting again and every tab with it, staying on the same tab.
   */
  onReplaced: () => void;
}

/** Tabs other parts of the app add after the built-in ones (Thông tin, Thành phần, Ảnh). */
export const extraTabs: { id: string; labelKey: string; component: React.ComponentType<RecordTabProps> }[] =
  [
    { id: 'conclusions', labelKey: 'conclusions.tab', component: ConclusionsTab },
    { id: 'documents', labelKey: 'documents.tab', component: DocumentsTab },
    { id: 'history', labelKey: 'history.tab', component: HistoryTab },
  ];
