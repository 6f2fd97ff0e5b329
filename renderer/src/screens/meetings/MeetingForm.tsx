import { Grid, Select, TextInput } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Secrecy } from '../../../../contract/contract';
import { normalizeTime, type MeetingFormErrors, type MeetingFormValues } from './meetingForm';
import { MinutesEditor } from './minutes/MinutesEditor';
import { VnDateInput } from '../../components/VnDateInput';
import { msg } from '../../../../contract/messages/message';
import { useMessageText } from '../../api/useMessageText';
import { useMeetingErrorText } from './useMeetingErrorText';

const SECRECY_LEVELS = Secrecy.options;

interface Props {
  values: MeetingFormValues;
  errors: MeetingFormErrors;
  kinds: string[];
  readOnly: boolean;
  onChange: (patch: Partial<MeetingFormValues>) => void;
}

/** The meeting's fields. Limits match the contract so the server never has to refuse a long text. */
export function MeetingForm({ values, errors, kinds, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const words = useMessageText();
  const errorText = useMeetingErrorText();
  const err = (field: keyof MeetingFormValues) => {
    const code = errors[field];
    return code ? errorText(code) : undefined;
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <TextInput
          label={t('meetingForm.field.title')}
          placeholder={t('meetingForm.placeholder.title')}
          value={values.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          error={err('title')}
          withAsterisk
          maxLength={500}
          readOnly={readOnly}
          data-testid="meeting-title"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <Select
          label={t('meetingForm.field.secrecy')}
          data={SECRECY_LEVELS.map((level) => ({ value: level, label: words(msg(`historyLog.secrecy.${level}`)) }))}
          value={values.secrecy}
          onChange={(value) => onChange({ secrecy: Secrecy.parse(value ?? 'thuong') })}
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="meeting-secrecy"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <Select
          label={t('meetingForm.field.kind')}
          data={kinds}
          value={values.kind || null}
          onChange={(value) => onChange({ kind: value ?? '' })}
          error={err('kind')}
          withAsterisk
          allowDeselect={false}
          readOnly={readOnly}
          data-testid="meeting-kind"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
        <VnDateInput
          label={t('meetingForm.field.date')}
          placeholder={t('meetingForm.placeholder.date')}
          value={values.meetingDate}
          onChange={(value) => onChange({ meetingDate: value })}
          clearable
          readOnly={readOnly}
          data-testid="meeting-date"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, lg: 3 }}>
        <TimeField
          label={t('meetingForm.field.start')}
          value={values.startTime}
          onChange={(startTime) => onChange({ startTime })}
          error={err('startTime')}
          readOnly={readOnly}
          testId="meeting-start"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, lg: 3 }}>
        <TimeField
          label={t('meetingForm.field.end')}
          value={values.endTime}
          onChange={(endTime) => onChange({ endTime })}
          error={err('endTime')}
          readOnly={readOnly}
          testId="meeting-end"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput
          label={t('meetingForm.field.location')}
          placeholder={t('meetingForm.placeholder.location')}
          value={values.location}
          onChange={(e) => onChange({ location: e.currentTarget.value })}
          maxLength={500}
          readOnly={readOnly}
          data-testid="meeting-location"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput
          label={t('meetingForm.field.organizer')}
          placeholder={t('meetingForm.placeholder.organizer')}
          value={values.organizer}
          onChange={(e) => onChange({ organizer: e.currentTarget.value })}
          maxLength={500}
          readOnly={readOnly}
          data-testid="meeting-organizer"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <MinutesEditor
          value={values.minutesHtml}
          onChange={(minutesHtml) => onChange({ minutesHtml })}
          readOnly={readOnly}
          error={err('minutesHtml')}
        />
      </Grid.Col>
    </Grid>
  );
}

/** A time of day as the clerk types it ("14h30" is fine), shown as understood once the clerk moves on. */
function TimeField({
  label,
  value,
  onChange,
  error,
  readOnly,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  readOnly: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      placeholder={t('meetingForm.placeholder.time')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      // "14h30" becomes "14:30".
      onBlur={(e) => onChange(normalizeTime(e.currentTarget.value))}
      error={error}
      leftSection={<IconClock size={16} />}
      maxLength={12}
      inputMode="numeric"
      autoComplete="off"
      readOnly={readOnly}
      data-testid={testId}
    />
  );
}
