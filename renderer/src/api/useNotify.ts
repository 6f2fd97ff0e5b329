import { useCallback } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ConfirmKey } from './confirmationMessages';

/** How long a confirmation stays: long enough to read a short sentence, short enough not to pile up. */
export const CONFIRM_MS = 4000;

/**
 * Shows a short confirmation (a toast) in the clerk's language. Only for what went well: a failure stays
 * in the inline ErrorAlert where it happened, where it does not vanish before it is read.
 */
export function useNotify(): (key: ConfirmKey) => void {
  const { t } = useTranslation();
  return useCallback(
    (key: ConfirmKey) => {
      notifications.show({
        message: t(`confirm.${key}`),
        color: 'teal',
        autoClose: CONFIRM_MS,
        withBorder: true,
        closeButtonProps: { 'aria-label': t('confirm.close') },
        // The key names what was confirmed, for the tests and for a reader of the DOM.
        'data-testid': 'confirmation',
        'data-confirm': key,
      } as Parameters<typeof notifications.show>[0]);
    },
    [t],
  );
}
