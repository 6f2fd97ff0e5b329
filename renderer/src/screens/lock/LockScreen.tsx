import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../contract/errors';
import type { LockStatus } from '../../../../contract/lockContract';
import { api } from '../../api/client';
import { useErrorText } from '../../api/useErrorText';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { useCountdown, type Wait } from './useCountdown';
import { NewPasswordFields, PasswordField } from './NewPasswordFields';
import { useNewPassword } from './useNewPassword';

interface Props {
  status: LockStatus;
  /** The app is open again (after the password, or after a recovery and the new code was noted). */
  onUnlocked: () => void;
}

/**
 * The full-screen lock: the password, or "Quên mật khẩu?" → recovery code and a new password. The
 * wait after five wrong tries is the service's; the screen only shows it counting down and keeps the
 * button off meanwhile.
 */
export function LockScreen({ status, onUnlocked }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'password' | 'recover'>('password');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const newPassword = useNewPassword();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [wait, setWait] = useState<Wait>(() => ({ ms: status.retryAfterMs, at: 0 }));
  const [busy, setBusy] = useState(false);
  const [newCode, setNewCode] = useState<string | null>(null);
  const seconds = useCountdown(wait);

  async function refreshWait() {
    const reply = await api.invoke('lock/status', {});
    if (!reply.ok) return;
    setWait((w) => ({ ms: reply.data.retryAfterMs, at: w.at + 1 }));
  }

  async function unlock(e: FormEvent) {
    e.preventDefault();
    if (busy || seconds > 0) return;
    setBusy(true);
    setError(null);
    const reply = await api.invoke('lock/unlock', { password });
    setBusy(false);
    if (reply.ok) {
      setPassword('');
      onUnlocked();
      return;
    }
    setPassword('');
    setError(reply.error);
    await refreshWait();
  }

  async function recover(e: FormEvent) {
    e.preventDefault();
    if (busy || seconds > 0) return;
    if (!newPassword.check()) return;
    setBusy(true);
    setError(null);
    const reply = await api.invoke('lock/recover', { recoveryCode: code, newPassword: newPassword.password });
    setBusy(false);
    if (reply.ok) {
      setNewCode(reply.data.recoveryCode);
      return;
    }
    setError(reply.error);
    await refreshWait();
  }

  const waiting = seconds > 0;
  const feedback = (
    <>
      {waiting ? (
        <Alert color="orange" data-testid="lock-wait">
          {t('lock.waiting', { seconds })}
        </Alert>
      ) : (
        error && (
          <Alert color="red" data-testid="lock-error" data-error-code={error.code}>
            {errorText(error)}
          </Alert>
        )
      )}
    </>
  );

  return (
    <Center
      pos="fixed"
      inset={0}
      bg="gray.1"
      style={{ zIndex: 10000, overflowY: 'auto' }}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-screen"
    >
      <Paper withBorder shadow="md" p="xl" w={440} maw="95vw" radius="md">
        {newCode ? (
          <RecoveryCodeNotice code={newCode} onDone={onUnlocked} />
        ) : mode === 'password' ? (
          <form onSubmit={(e) => void unlock(e)} noValidate>
            <Stack gap="md">
              <Center>
                <IconLock size={40} stroke={1.5} />
              </Center>
              <Title order={2} ta="center" id="lock-title">
                {t('lock.screenTitle')}
              </Title>
              <Text ta="center" c="dimmed" size="sm">
                {t('lock.screenIntro')}
              </Text>
              <PasswordField
                label={t('lock.password')}
                value={password}
                onChange={setPassword}
                autoFocus
                autoComplete="current-password"
                testId="lock-password"
              />
              {feedback}
              <LockFormActions
                busy={busy}
                waiting={waiting}
                submitLabel={t('lock.unlock')}
                submitTestId="lock-unlock"
                linkLabel={t('lock.forgot')}
                onLink={() => setMode('recover')}
                linkTestId="lock-forgot"
              />
            </Stack>
          </form>
        ) : (
          <form onSubmit={(e) => void recover(e)} noValidate>
            <Stack gap="md">
              <Title order={3} id="lock-title">
                {t('lock.recoverTitle')}
              </Title>
              <Text size="sm">{t('lock.recoverIntro')}</Text>
              <TextInput
                label={t('lock.recoveryCode')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                maxLength={100}
                styles={{ input: { fontFamily: 'monospace', textTransform: 'uppercase' } }}
                data-testid="lock-recovery-code"
              />
              <NewPasswordFields
                state={newPassword}
                testIds={{ password: 'lock-new-password', confirm: 'lock-confirm-password' }}
              />
              {feedback}
              <LockFormActions
                busy={busy}
                waiting={waiting}
                submitLabel={t('lock.recover')}
                submitTestId="lock-recover"
                linkLabel={t('lock.backToPassword')}
                onLink={() => setMode('password')}
              />
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}

/** The form's button (kept off during the wait after wrong tries) and the link to the other form. */
function LockFormActions({
  busy,
  waiting,
  submitLabel,
  submitTestId,
  linkLabel,
  onLink,
  linkTestId,
}: {
  busy: boolean;
  waiting: boolean;
  submitLabel: string;
  submitTestId: string;
  linkLabel: string;
  onLink: () => void;
  linkTestId?: string;
}) {
  return (
    <>
      <Button type="submit" loading={busy} disabled={waiting} data-testid={submitTestId}>
        {submitLabel}
      </Button>
      <Anchor component="button" type="button" size="sm" ta="center" onClick={onLink} data-testid={linkTestId}>
        {linkLabel}
      </Anchor>
    </>
  );
}
