import { useRef, useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A drag-and-drop area with a file picker (Mantine Dropzone is not part of the app). */
export function PhotoDrop({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onFiles(Array.from(e.dataTransfer.files));
      }}
      data-testid="photos-drop"
    >
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
    </Paper>
  );
}
