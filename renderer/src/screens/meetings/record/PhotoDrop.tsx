import { useRef } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DropZone } from '../../../components/DropZone';

/** Photos by drag-and-drop or the file picker. */
export function PhotoDrop({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <DropZone onFiles={onFiles} testId="photos-drop">
      <Group justify="center" gap="sm">
        <IconUpload size={22} />
        <Text>{t('photos.drop')}</Text>
        <Button variant="light" loading={busy} onClick={() => input.current?.click()}>
          {t('photos.pick')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('photos.dropHint')}
        </Text>
      </Group>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(e) => {
          onFiles(Array.from(e.currentTarget.files ?? []));
          e.currentTarget.value = '';
        }}
        data-testid="photos-input"
      />
    </DropZone>
  );
}
