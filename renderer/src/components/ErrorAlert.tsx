import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../contract/errors';
import { useErrorText } from '../api/useErrorText';

interface Props {
  error: ErrorPayload;
  title?: string;
  /** Shows a retry/reload button. */
  onAction?: () => void;
  actionLabel?: string;
  onClose?: () => void;
  children?: ReactNode;
}

/**
 * A failed call shown where it happened, with the way out next to it. Never a toast: a failure must stay
 * until the clerk has read it (toasts only confirm what went well, api/confirmations.ts).
 */
export function ErrorAlert({ error, title, onAction, actionLabel, onClose, children }: Props) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle size={20} />}
      title={title}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      data-testid="error-alert"
      data-error-code={error.code}
    >
      <Stack gap="xs">
        <Text size="sm">{text(error)}</Text>
        {children}
        {onAction && (
          <Group>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconRefresh size={16} />}
              onClick={onAction}
              data-testid="error-action"
            >
              {actionLabel ?? t('app.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
