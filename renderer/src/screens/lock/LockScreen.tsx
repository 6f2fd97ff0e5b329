import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../contract/errors';
import { PASSWORD_MIN_CHARS, type LockStatus } from '../../../../contract/lockContract';
import { api } from '../../api/client';
import { useErrorText } from '../../api/useErrorText';
import { RecoveryCodeNotice } from './RecoveryCodeNotice';
import { useCountdown, type Wait } from './useCountdown';
import { NewPasswordFields } from './NewPasswordFields';

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
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
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
    setFormError(null);
    if (newPassword.length < PASSWORD_MIN_CHARS)
      return setFormError(t('lock.tooShort', { n: PASSWORD_MIN_CHARS }));
    if (newPassword !== confirm) return setFormError(t('lock.mismatch'));
    setBusy(true);
    setError(null);
    const reply = await api.invoke('lock/recover', { recoveryCode: code, newPassword });
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
              <PasswordInput
                label={t('lock.password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoFocus
                autoComplete="current-password"
                maxLength={200}
                data-testid="lock-password"
              />
              {feedback}
              <Button type="submit" loading={busy} disabled={waiting} data-testid="lock-unlock">
                {t('lock.unlock')}
              </Button>
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="center"
                onClick={() => setMode('recover')}
                data-testid="lock-forgot"
              >
                {t('lock.forgot')}
              </Anchor>
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
                password={newPassword}
                confirm={confirm}
                onPassword={setNewPassword}
                onConfirm={setConfirm}
                error={formError}
                testIds={{ password: 'lock-new-password', confirm: 'lock-confirm-password' }}
              />
              {feedback}
              <Button type="submit" loading={busy} disabled={waiting} data-testid="lock-recover">
                {t('lock.recover')}
              </Button>
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="center"
                onClick={() => setMode('password')}
              >
                {t('lock.backToPassword')}
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
