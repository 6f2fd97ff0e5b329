import { useState } from 'react';
import { Alert, Button, Checkbox, Code, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The one time a recovery code is shown (after setting, changing or recovering the password). The
 * clerk must tick "Tôi đã ghi lại mã" before going on: the archive keeps only its hash.
 */
export function RecoveryCodeNotice({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <Stack gap="md" data-testid="recovery-code-notice">
      <Alert color="yellow" icon={<IconKey size={20} />} title={t('lock.codeTitle')}>
        <Text size="sm">{t('lock.codeIntro')}</Text>
      </Alert>
      <Code
        block
        fz={20}
        ta="center"
        fw={700}
        // Never cut off: the clerk must be able to copy every symbol.
        style={{ letterSpacing: '0.05em', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
        data-testid="recovery-code"
      >
        {code}
      </Code>
      <Checkbox
        label={t('lock.codeConfirm')}
        checked={confirmed}
        onChange={(e) => setConfirmed(e.currentTarget.checked)}
        data-testid="recovery-code-confirm"
      />
      <Button disabled={!confirmed} onClick={onDone} data-testid="recovery-code-done">
        {t('lock.codeContinue')}
      </Button>
    </Stack>
  );
}
