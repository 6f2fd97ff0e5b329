import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../contract/errors';
import { call, toErrorPayload } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hrefOf } from '../../../router/route';
import { navigate } from '../../../router/useRoute';
import { ConfirmActionModal } from './ConfirmActionModal';

/** Chuyển vào thùng rác: a draft meeting leaves the list (it can be brought back from Thùng rác). */
export function MeetingTrashButton({ meetingId, version }: { meetingId: string; version: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);

  async function trash() {
    setBusy(true);
    setError(null);
    try {
      await call('meetings/trash', { id: meetingId, version });
      navigate(hrefOf({ name: 'meetings' }));
    } catch (e) {
      setError(toErrorPayload(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setConfirming(true)}
        data-testid="meeting-trash"
      >
        {t('trash.moveTo')}
      </Button>
      {error && <ErrorAlert error={error} title={t('trash.moveFailed')} onClose={() => setError(null)} />}
      <ConfirmActionModal
        opened={confirming}
        title={t('trash.moveTitle')}
        message={t('trash.moveConfirm')}
        confirmLabel={t('trash.moveTo')}
        loading={busy}
        onConfirm={() => void trash()}
        onClose={() => setConfirming(false)}
        confirmTestId="meeting-trash-confirm"
      />
    </>
  );
}
