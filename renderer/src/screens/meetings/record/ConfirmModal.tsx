import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before something is removed; `onConfirm` runs only on the red button. */
export function ConfirmModal({
  opened,
  title,
  text,
  busy,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm">{text}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={onConfirm} data-testid="confirm-remove">
          {t('record.confirmRemove')}
        </Button>
      </Group>
    </Modal>
  );
}
