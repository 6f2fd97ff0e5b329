import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAction } from '../../../api/useAction';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hrefOf } from '../../../router/route';
import { navigate } from '../../../router/useRoute';
import { ConfirmActionModal } from './ConfirmActionModal';

/** Chuyển vào thùng rác: a draft meeting leaves the list (it can be brought back from Thùng rác). */
export function MeetingTrashButton({ meetingId, version }: { meetingId: string; version: number }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const action = useAction();

  async function trash() {
    const done = await action.run(async () => {
      await call('meetings/trash', { id: meetingId, version });
      navigate(hrefOf({ name: 'meetings' }));
    });
    if (!done) setConfirming(false);
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
      {action.error && (
        <ErrorAlert error={action.error} title={t('trash.moveFailed')} onClose={action.clearError} />
      )}
      <ConfirmActionModal
        opened={confirming}
        title={t('trash.moveTitle')}
        message={t('trash.moveConfirm')}
        confirmLabel={t('trash.moveTo')}
        loading={action.busy}
        onConfirm={() => void trash()}
        onClose={() => setConfirming(false)}
        confirmTestId="meeting-trash-confirm"
      />
    </>
  );
}
