import type { ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** "Lưu" that submits the form it stands in (Enter in a field and Ctrl+S do the same). */
export function SaveButton({ loading, testId }: { loading: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" loading={loading} leftSection={<IconDeviceFloppy size={18} />} data-testid={testId}>
      {t('common.save')}
    </Button>
  );
}

/** Next to Lưu once what is on screen is stored: a tick and the words ("Đã lưu", "Đã lưu lúc …"). */
export function SavedNote({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Group gap={4} c="teal.8" data-testid={testId}>
      <IconCheck size={16} />
      <Text size="sm" inherit>
        {children}
      </Text>
    </Group>
  );
}
