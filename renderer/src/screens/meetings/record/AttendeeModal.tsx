import { useState } from 'react';
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../contract/contract';
import type { ErrorPayload } from '../../../../../contract/errors';
import type { AttendanceRow } from '../../../../../contract/recordContract';
import { DialogActions } from '../../../components/DialogActions';
import { isRole, isStatus, roleOptions, statusOptions, type Role, type Status } from './options';
import { AtTheTimeFields } from './AtTheTimeFields';
import { NewPersonForm } from './NewPersonForm';
import { PersonPicker } from './PersonPicker';
import { RecordError } from './RecordError';

export interface AttendeeValues {
  /** Only when adding: the directory person (a new guest is created in the directory first). */
  person: Person | null;
  rank: string;
  titles: string;
  unit: string;
  role: Role;
  status: Status;
  absenceReason: string;
}

function initial(row: AttendanceRow | null): AttendeeValues {
  return {
    person: null,
    rank: row?.rank ?? '',
    titles: row?.titles ?? '',
    unit: row?.unit ?? '',
    role: row?.role ?? 'dai_bieu',
    status: row?.status ?? 'co_mat',
    absenceReason: row?.absenceReason ?? '',
  };
}

/**
 * Adds one attendee (from the directory or a new person) or edits a row: rank, position and unit as
 * they were at the meeting, role, status and the reason of an excused absence.
 */
export function AttendeeModal({
  row,
  error,
  onReload,
  onDismissError,
  onSubmit,
  onClose,
}: {
  /** The last failed write, shown inside the dialog (the page behind it is covered). */
  error: ErrorPayload | null;
  /** Fetches the list and the meeting's version again; the dialog keeps what was typed. */
  onReload: () => void;
  onDismissError: () => void;
  /** The row edited; null to add someone. */
  row: AttendanceRow | null;
  /** Resolves true when stored (the modal then closes). */
  onSubmit: (v: AttendeeValues) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<AttendeeValues>(() => initial(row));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AttendeeValues>) => setV((cur) => ({ ...cur, ...patch }));
  const adding = row === null;
  /** The name typed in the picker when the clerk chose "Thêm người mới"; null while picking. */
  const [creating, setCreating] = useState<string | null>(null);

  const reasonError =
    v.status === 'vang_co_ly_do' && !v.absenceReason.trim() ? t('attendance.reasonRequired') : undefined;
  const personError = adding && !v.person ? t('attendance.personRequired') : undefined;

  async function submit() {
    setSubmitted(true);
    if (reasonError || personError || busy || creating !== null) return;
    setBusy(true);
    const ok = await onSubmit(v);
    setBusy(false);
    if (ok) onClose();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={adding ? t('attendance.addTitle') : t('attendance.editTitle', { name: row.fullName })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          {error && <RecordError error={error} onReload={onReload} onClose={onDismissError} />}
          {adding && creating === null && (
            <PersonPicker
              value={v.person}
              onChange={(person) => set({ person })}
              onCreateNew={setCreating}
              error={submitted ? personError : undefined}
            />
          )}
          {adding && creating !== null && (
            <NewPersonForm
              initialName={creating}
              onCreated={(person) => {
                set({ person });
                setCreating(null);
              }}
              onCancel={() => setCreating(null)}
            />
          )}
          {!adding && <AtTheTimeFields value={v} onChange={set} testIdPrefix="attendance" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('attendance.column.role')}
              data={roleOptions(t)}
              value={v.role}
              allowDeselect={false}
              onChange={(r) => isRole(r) && set({ role: r })}
              data-testid="attendance-role"
            />
            <Select
              label={t('attendance.column.status')}
              data={statusOptions(t)}
              value={v.status}
              allowDeselect={false}
              onChange={(s) => isStatus(s) && set({ status: s })}
              data-testid="attendance-status"
            />
          </SimpleGrid>
          {(v.status === 'vang_co_ly_do' || v.status === 'vang' || v.absenceReason !== '') && (
            <TextInput
              label={t('attendance.reason')}
              required={v.status === 'vang_co_ly_do'}
              value={v.absenceReason}
              onChange={(e) => set({ absenceReason: e.currentTarget.value })}
              error={submitted ? reasonError : undefined}
              data-testid="attendance-reason"
            />
          )}
          <DialogActions
            mt="sm"
            onCancel={onClose}
            loading={busy}
            disabled={creating !== null}
            confirmTestId="attendance-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
