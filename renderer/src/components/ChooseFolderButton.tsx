import { useState, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useApiQuery } from '../api/useApiQuery';

/**
 * "Chọn thư mục…" beside a folder path field, in the desktop app only (its own folder dialog through
 * app/choose-folder). In the browser served by the web host there is no such dialog: the clerk types or
 * pastes the path, and the button is not shown (or `browserFallback` is, the stick picker's way to type one).
 */
export function ChooseFolderButton({
  title,
  onChosen,
  label,
  browserFallback = null,
}: {
  title: string;
  onChosen: (path: string) => void;
  /** The button's text; "Chọn thư mục…" by default. */
  label?: string;
  browserFallback?: ReactNode;
}) {
  const { t } = useTranslation();
  const info = useApiQuery('app/info', {});
  const [busy, setBusy] = useState(false);
  if (!info.data) return null;
  if (info.data.transport !== 'electron') return <>{browserFallback}</>;
  return (
    <Button
      variant="default"
      leftSection={<IconFolderOpen size={16} />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        call('app/choose-folder', { title })
          .then((r) => r.path && onChosen(r.path))
          .catch(() => undefined)
          .finally(() => setBusy(false));
      }}
      data-testid="choose-folder"
    >
      {label ?? t('common.chooseFolder')}
    </Button>
  );
}
