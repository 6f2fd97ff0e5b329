import { useState } from 'react';
import { Checkbox, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../contract/contract';
import type { ErrorPayload } from '../../../../../contract/errors';
import type { AttendanceRow } from '../../../../../contract/recordContract';
import { DialogActions } from '../../../components/DialogActions';
import { isRole, isStatus, roleOptions, statusOptions, type Role, type Status } from './options';
import { PersonPicker } from './PersonPicker';
import { RecordError } from './RecordError';

export interface AttendeeValues {
  /** Only when adding: a directory person, or null with `newPerson` filled in. */
  person: Person | null;
  isNew: boolean;
  fullName: string;
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
    isNew: false,
    fullName: row?.fullName ?? '',
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

  const reasonError =
    v.status === 'vang_co_ly_do' && !v.absenceReason.trim() ? t('attendance.reasonRequired') : undefined;
  const nameError = adding && v.isNew && !v.fullName.trim() ? t('attendance.nameRequired') : undefined;
  const personError = adding && !v.isNew && !v.person ? t('attendance.personRequired') : undefined;

  async function submit() {
    setSubmitted(true);
    if (reasonError || nameError || personError || busy) return;
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
          {adding && (
            <Checkbox
              label={t('attendance.newPerson')}
              checked={v.isNew}
              onChange={(e) => set({ isNew: e.currentTarget.checked })}
              data-testid="attendance-new-person"
            />
          )}
          {adding && !v.isNew && (
            <PersonPicker
              value={v.person}
              onChange={(person) => set({ person })}
              error={submitted ? personError : undefined}
            />
          )}
          {adding && v.isNew && (
            <TextInput
              label={t('attendance.fullName')}
              required
              value={v.fullName}
              onChange={(e) => set({ fullName: e.currentTarget.value })}
              error={submitted ? nameError : undefined}
              data-testid="attendance-fullname"
            />
          )}
          {(!adding || v.isNew) && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('attendance.rank')}
                value={v.rank}
                onChange={(e) => set({ rank: e.currentTarget.value })}
                data-testid="attendance-rank"
              />
              <TextInput
                label={t('attendance.titles')}
                value={v.titles}
                onChange={(e) => set({ titles: e.currentTarget.value })}
                data-testid="attendance-titles"
              />
              <TextInput
                label={t('attendance.unit')}
                value={v.unit}
                onChange={(e) => set({ unit: e.currentTarget.value })}
                data-testid="attendance-unit"
              />
            </SimpleGrid>
          )}
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
          <DialogActions mt="sm" onCancel={onClose} loading={busy} confirmTestId="attendance-save" />
        </Stack>
      </form>
    </Modal>
  );
}
