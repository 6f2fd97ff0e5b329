import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_CHARS } from '../../../../contract/lockContract';

export interface NewPassword {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** Why the two fields cannot be used yet, shown under the confirmation. */
  error: string | null;
  /** Checks length and that both match; false (with `error` set) when they do not. */
  check: () => boolean;
  clear: () => void;
}

/**
 * A new password typed twice, checked before it is sent: on the lock screen after a recovery code, and
 * in Cài đặt when setting or changing it. The service checks the length again.
 */
export function useNewPassword(): NewPassword {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);

  function check(): boolean {
    setError(null);
    if (password.length < PASSWORD_MIN_CHARS) {
      setError(t('lock.tooShort', { n: PASSWORD_MIN_CHARS }));
      return false;
    }
    if (password !== confirm) {
      setError(t('lock.mismatch'));
      return false;
    }
    return true;
  }

  function clear() {
    setPassword('');
    setConfirm('');
  }

  return { password, confirm, setPassword, setConfirm, error, check, clear };
}
