import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm} data-testid={confirmTestId ?? 'confirm-action'}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
