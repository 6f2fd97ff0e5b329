import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from './BackupPanel';
import { MergePanel } from './MergePanel';

/**
 * Nhập gói lưu trữ và sao lưu (`#/usb/merge`): the merge and backup panels on their own page. The Lưu
 * trữ USB screen mounts the same two panels beside export and verify.
 */
export function MergeScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{t('usbMerge.screenTitle')}</Title>
      <MergePanel />
      <BackupPanel />
    </Stack>
  );
}
