import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportsHref } from './reportLink';

/** "In / Xuất" on a meeting's record: opens Báo cáo with this meeting chosen. */
export function PrintEntryButton({ meetingId, ml }: { meetingId: string; ml?: 'auto' | 'md' | 'xs' }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={reportsHref(meetingId)} variant="default" size="xs" ml={ml} style={{ alignSelf: 'center' }} leftSection={<IconPrinter size={16} />} data-testid="meeting-print">
      {t('reports.entry')}
    </Button>
  );
}
