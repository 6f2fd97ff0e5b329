import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** Shown under the confirmation (e.g. the two do not match). */
  error?: string | null | undefined;
  testIds: { password: string; confirm: string };
}

/** A new password typed twice: on the lock screen (after a recovery code) and in Cài đặt. */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm, error, testIds }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('lock.newPassword')}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        autoComplete="new-password"
        maxLength={200}
        data-testid={testIds.password}
      />
      <PasswordInput
        label={t('lock.confirmPassword')}
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        autoComplete="new-password"
        maxLength={200}
        error={error}
        data-testid={testIds.confirm}
      />
    </>
  );
}
