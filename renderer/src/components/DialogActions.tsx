import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The row of buttons at the foot of a dialog or form: Hủy (or another way back) on the left of the
 * button that does the work. Without `onConfirm` the confirming button submits the surrounding form,
 * so Enter in a field does the same as a click.
 */
export function DialogActions({
  onCancel,
  cancelLabel,
  cancelTestId,
  confirmLabel,
  onConfirm,
  color,
  icon,
  loading,
  disabled,
  confirmTestId,
  justify = 'flex-end',
  mt,
}: {
  onCancel: () => void;
  /** Default "Hủy". */
  cancelLabel?: string;
  cancelTestId?: string;
  /** Default "Lưu". */
  confirmLabel?: string;
  onConfirm?: () => void;
  color?: string;
  icon?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  confirmTestId?: string;
  justify?: 'flex-end' | 'flex-start' | 'space-between';
  mt?: 'sm' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Group justify={justify} mt={mt}>
      <Button variant="default" onClick={onCancel} data-testid={cancelTestId}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        color={color}
        leftSection={icon}
        loading={loading}
        disabled={disabled}
        onClick={onConfirm}
        data-testid={confirmTestId}
      >
        {confirmLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
