import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NewPassword } from './useNewPassword';

/** One password input as every lock form writes it (the length limit is the contract's). */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  autoFocus,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  error?: string | null;
  testId: string;
}) {
  return (
    <PasswordInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoFocus={autoFocus}
      autoComplete={autoComplete}
      maxLength={200}
      error={error}
      data-testid={testId}
    />
  );
}

/** A new password typed twice: on the lock screen (after a recovery code) and in Cài đặt. */
export function NewPasswordFields({
  state,
  testIds,
}: {
  state: NewPassword;
  testIds: { password: string; confirm: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('lock.newPassword')}
        value={state.password}
        onChange={state.setPassword}
        autoComplete="new-password"
        testId={testIds.password}
      />
      <PasswordField
        label={t('lock.confirmPassword')}
        value={state.confirm}
        onChange={state.setConfirm}
        autoComplete="new-password"
        error={state.error}
        testId={testIds.confirm}
      />
    </>
  );
}
