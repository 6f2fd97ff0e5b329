import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Divider,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCK_IDLE_CHOICES, type LockStatus } from '../../../../contract/lockContract';
import { call, waitForUnlock } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecoveryCodeNotice } from '../lock/RecoveryCodeNotice';
import { NewPasswordFields, PasswordField } from '../lock/NewPasswordFields';
import { useNewPassword } from '../lock/useNewPassword';

/**
 * Cài đặt → Khóa ứng dụng: set, change or remove the password (change and remove ask for the current
 * one), the idle minutes, Khóa ngay; after setting or changing, the new recovery code is shown once.
 */
export function AppLockSection() {
  const { t } = useTranslation();
  const query = useApiQuery('lock/status', {});
  const [status, setStatus] = useState<LockStatus | null>(null);
  const current = status ?? query.data;
  const [currentPassword, setCurrentPassword] = useState('');
  const newPassword = useNewPassword();
  const [idle, setIdle] = useState<number | null>(null);
  const action = useAction();
  const { busy, error } = action;
  const [notice, setNotice] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  if (!current) return query.error ? <ErrorAlert error={query.error} onAction={query.reload} /> : null;
  const idleMinutes = idle ?? current.idleMinutes;

  async function run(work: () => Promise<void>) {
    setNotice(null);
    await action.run(work);
  }

  function clearFields() {
    setCurrentPassword('');
    newPassword.clear();
  }

  function setPassword(e: FormEvent) {
    e.preventDefault();
    if (!newPassword.check()) return;
    void run(async () => {
      const made = await call('lock/set', { currentPassword, newPassword: newPassword.password, idleMinutes });
      setStatus(made.status);
      clearFields();
      setCode(made.recoveryCode);
    });
  }

  function remove() {
    void run(async () => {
      setStatus(await call('lock/remove', { currentPassword }));
      clearFields();
      setNotice(t('lock.removed'));
    });
  }

  // The guard (screens/lock/LockGuard.tsx) hears of the lock through the client and shows the lock screen.
  function lockNow() {
    void run(async () => {
      await call('lock/lock', {});
      void waitForUnlock();
    });
  }

  function changeIdle(value: string | null) {
    const minutes = Number(value);
    setIdle(minutes);
    if (!current?.enabled) return; // stored with the password when it is set
    void run(async () => {
      setStatus(await call('lock/configure', { idleMinutes: minutes }));
      setNotice(t('lock.saved'));
    });
  }

  return (
    <Fieldset legend={t('lock.sectionTitle')} data-testid="app-lock-section">
      <Stack gap="md">
        <Text size="sm">{t('lock.sectionIntro')}</Text>
        <Group gap="xs">
          <IconLock size={18} />
          <Text size="sm" fw={500} data-testid="app-lock-status">
            {current.enabled ? t('lock.statusOn', { minutes: current.idleMinutes }) : t('lock.statusOff')}
          </Text>
        </Group>
        <Select
          label={t('lock.idleMinutes')}
          data={LOCK_IDLE_CHOICES.map((n) => ({ value: String(n), label: t('lock.idleOption', { n }) }))}
          value={String(idleMinutes)}
          onChange={changeIdle}
          allowDeselect={false}
          w={200}
          data-testid="app-lock-idle"
        />
        <Divider />
        <form onSubmit={setPassword} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: current.enabled ? 3 : 2 }}>
              {current.enabled && (
                <PasswordField
                  label={t('lock.currentPassword')}
                  value={currentPassword}
                  onChange={setCurrentPassword}
                  autoComplete="current-password"
                  testId="app-lock-current"
                />
              )}
              <NewPasswordFields state={newPassword} testIds={{ password: 'app-lock-new', confirm: 'app-lock-confirm' }} />
            </SimpleGrid>
            <Group gap="sm">
              <Button type="submit" loading={busy} data-testid="app-lock-set">
                {current.enabled ? t('lock.changePassword') : t('lock.setPassword')}
              </Button>
              {current.enabled && (
                <>
                  <Button
                    variant="default"
                    color="red"
                    disabled={busy || !currentPassword}
                    onClick={remove}
                    title={t('lock.removeHint')}
                    data-testid="app-lock-remove"
                  >
                    {t('lock.removePassword')}
                  </Button>
                  <Button
                    variant="light"
                    leftSection={<IconLock size={16} />}
                    disabled={busy}
                    onClick={lockNow}
                    data-testid="app-lock-now"
                  >
                    {t('lock.lockNow')}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        </form>
        {notice && (
          <Alert color="teal" data-testid="app-lock-notice">
            {notice}
          </Alert>
        )}
        {error && <ErrorAlert error={error} title={t('lock.failed')} onClose={action.clearError} />}
      </Stack>
      <Modal
        opened={code !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        centered
        size="lg"
        title={t('lock.codeTitle')}
      >
        {code && <RecoveryCodeNotice code={code} onDone={() => setCode(null)} />}
      </Modal>
    </Fieldset>
  );
}
