import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contract/contract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * "Xóa khỏi danh bạ": only for an entry no meeting uses (typed twice, a typo). For a person who
 * attended a meeting the dialog says why it cannot be done; the server also refuses one who is only in
 * a photo or a task (PERSON_IN_USE), and the dialog shows that refusal.
 */
export function PersonDeleteButton({
  person,
  meetings,
  onDeleted,
}: {
  person: Person;
  /** How many meetings the person attended; null while loading. */
  meetings: number | null;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const used = meetings !== null && meetings > 0;

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await call('people/delete', { id: person.id, version: person.version });
      setOpen(false);
      onDeleted();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        variant="default"
        color="red"
        leftSection={<IconTrash size={16} />}
        disabled={meetings === null}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid="person-delete"
      >
        {t('personPage.delete')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('personPage.deleteTitle')} centered>
        <Stack gap="sm">
          {error && <ErrorAlert error={error} />}
          {used ? (
            <>
              <Text size="sm" data-testid="person-delete-refused">
                {t('personPage.deleteUsed', { count: meetings })}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(false)} data-testid="person-delete-close">
                  {t('personPage.deleteClose')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{t('personPage.deleteText', { name: person.fullName })}</Text>
              <DialogActions
                onCancel={() => setOpen(false)}
                color="red"
                loading={busy}
                onConfirm={() => void remove()}
                confirmLabel={t('personPage.deleteConfirm')}
                confirmTestId="person-delete-confirm"
              />
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
