import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../components/DialogActions';

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
      <DialogActions
        mt="lg"
        onCancel={onClose}
        color="red"
        loading={busy}
        onConfirm={onConfirm}
        confirmLabel={t('record.confirmRemove')}
        confirmTestId="confirm-remove"
      />
    </Modal>
  );
}
