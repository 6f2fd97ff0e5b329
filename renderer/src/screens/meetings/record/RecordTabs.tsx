import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconFileDescription, IconPhoto, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate, useHash } from '../../../router/useRoute';
import { AttendanceTab } from './AttendanceTab';
import { PhotosTab } from './PhotosTab';
import { PrintEntryButton } from '../../reports/PrintEntryButton';
import { extraTabs, type RecordTabProps } from './tabs';

const BUILT_IN = ['info', 'attendance', 'photos'] as const;

/** The tab named in the hash's query (`#/meetings/<id>?tab=attendance`), so a reload keeps it. */
function tabOf(hash: string): string {
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('tab') ?? 'info';
}

function withTab(hash: string, tab: string): string {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  if (tab === 'info') params.delete('tab');
  else params.set('tab', tab);
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * The tabs of an existing meeting's record: Thông tin (the meeting form, given as `info`), Thành phần,
 * Ảnh, then the tabs other parts of the app registered in `extraTabs`. Only the open tab is mounted.
 */
export function RecordTabs({ info, ...props }: RecordTabProps & { info: ReactNode }) {
  const { t } = useTranslation();
  const hash = useHash();
  const ids: string[] = [...BUILT_IN, ...extraTabs.map((x) => x.id)];
  const requested = tabOf(hash);
  const active = ids.includes(requested) ? requested : 'info';

  return (
    <Tabs
      value={active}
      onChange={(v) => navigate(withTab(hash, v ?? 'info'), { replace: true })}
      keepMounted={false}
      data-testid="record-tabs"
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="info" leftSection={<IconFileDescription size={16} />} data-testid="tab-info">
          {t('record.tabs.info')}
        </Tabs.Tab>
        <Tabs.Tab value="attendance" leftSection={<IconUsers size={16} />} data-testid="tab-attendance">
          {t('record.tabs.attendance')}
        </Tabs.Tab>
        <Tabs.Tab value="photos" leftSection={<IconPhoto size={16} />} data-testid="tab-photos">
          {t('record.tabs.photos')}
        </Tabs.Tab>
        {extraTabs.map((x) => (
          <Tabs.Tab key={x.id} value={x.id} data-testid={`tab-${x.id}`}>
            {t(x.labelKey as never)}
          </Tabs.Tab>
        ))}
        <PrintEntryButton meetingId={props.meetingId} ml="auto" />
      </Tabs.List>
      <Tabs.Panel value="info">{info}</Tabs.Panel>
      <Tabs.Panel value="attendance">
        <AttendanceTab {...props} />
      </Tabs.Panel>
      <Tabs.Panel value="photos">
        <PhotosTab {...props} />
      </Tabs.Panel>
      {extraTabs.map((x) => (
        <Tabs.Panel key={x.id} value={x.id}>
          <x.component {...props} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
