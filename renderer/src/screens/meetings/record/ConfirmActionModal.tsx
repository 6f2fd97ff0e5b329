import type { ReactNode } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { DialogActions } from '../../../components/DialogActions';

interface Props {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  confirmTestId?: string;
}

/** A yes/no question before an action that cannot simply be undone, with the action's own name on the button. */
export function ConfirmActionModal({ opened, title, message, confirmLabel, color = 'red', loading, onConfirm, onClose, confirmTestId }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
        <DialogActions
          onCancel={onClose}
          color={color}
          loading={loading}
          onConfirm={onConfirm}
          confirmLabel={confirmLabel}
          confirmTestId={confirmTestId ?? 'confirm-action'}
        />
      </Stack>
    </Modal>
  );
}
