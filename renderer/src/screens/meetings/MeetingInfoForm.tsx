import { Group, Paper, Stack } from '@mantine/core';
import { SaveButton } from '../../components/SaveButton';
import { kindOptions } from './meetingForm';
import { MeetingForm } from './MeetingForm';
import { SaveStatus } from './SaveStatus';
import type { MeetingDraft } from './useMeetingDraft';

/** Thông tin: the meeting's fields and minutes, with Lưu and the autosave indicator unless read-only. */
export function MeetingInfoForm({ draft, meetingKinds }: { draft: MeetingDraft; meetingKinds: readonly string[] }) {
  const { form, readOnly, errors, saving, change, save, flush } = draft;
  if (!form) return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      // A field left: save at once (after React applied that field's own blur, e.g. "14h30" → "14:30").
      onBlur={() => {
        if (form.meeting) window.setTimeout(() => void flush(), 0);
      }}
      noValidate
    >
      <Paper withBorder p="lg" radius="md">
        <Stack gap="lg">
          <MeetingForm
            values={form.values}
            errors={errors}
            kinds={kindOptions(meetingKinds, form.values.kind)}
            readOnly={readOnly}
            onChange={change}
          />
          {!readOnly && (
            <Group gap="md">
              <SaveButton loading={saving} testId="meeting-save" />
              <SaveStatus draft={draft} />
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
