import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from './BackupPanel';
import { MergePanel } from './MergePanel';

/**
 * Nhập từ USB (`#/usb/merge`, its own navbar entry): a bag from a stick merged into this archive, and
 * the backups (a careful clerk backs up before merging; a restore is the other way back in).
 */
export function MergeScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="usb-merge-screen">
      <Title order={2}>{t('nav.usbMerge')}</Title>
      <MergePanel />
      <BackupPanel />
    </Stack>
  );
}
