import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../contract/importContract';
import { editSingle, type Update } from './reviewEdits';
import { KeepBox, Section, Swatch } from './ReviewSection';
import type { Problem, ReviewState } from './reviewState';
import { formatIsoDate } from '../../format/date';
import { useUnsureInput } from './UnsureChecks';

interface Props {
  preview: ImportPreview;
  state: ReviewState;
  update: Update;
  problems: readonly Problem[];
  kinds: readonly string[];
  onActivate: (id: string) => void;
}

/**
 * The draft's single fields: title, kind, date and time, then the location, the organizing body and
 * the byline (each discardable).
 */
export function ReviewFields({ preview, state, update, problems, kinds, onActivate }: Props) {
  const { t } = useTranslation();
  const date = preview.draft.date;
  const titleStandsIn =
    preview.draft.notes.some((n) => n.key === 'importNote.titleFromFirstSentence') &&
    state.title.value === preview.draft.title?.value;
  const problem = (p: Problem) => (problems.includes(p) ? t(`importer.problem.${p}`) : undefined);
  // The fields the importer was unsure of are outlined, with why in place of the usual hint.
  const titleCheck = useUnsureInput('title', problems.includes('title'));
  const dateCheck = useUnsureInput('date', problems.includes('date'));
  const locationCheck = useUnsureInput('location', false);
  const organizerCheck = useUnsureInput('issuer', false);
  return (
    <>
      <Section field="title" title={t('importer.field.title')}>
        <TextInput
          {...titleCheck}
          aria-label={t('importer.field.title')}
          value={state.title.value}
          onFocus={() => onActivate('title')}
          onChange={(e) => editSingle(update, 'title')({ value: e.currentTarget.value, keep: true })}
          description={
            titleCheck.description ?? (titleStandsIn ? t('importer.titleFromFirstSentence') : undefined)
          }
          error={problem('title')}
          data-testid="import-title"
        />
      </Section>
      <Group grow align="flex-start">
        <Select
          label={t('importer.field.kind')}
          data={kinds.map((k) => ({ value: k, label: k }))}
          value={state.kind || null}
          allowDeselect={false}
          onChange={(k) => k && update((s) => ({ ...s, kind: k }))}
          data-testid="import-kind"
        />
        <TextInput
          {...dateCheck}
          label={
            <>
              <Swatch field="date" />
              {t('importer.field.date')}
            </>
          }
          value={state.date.value}
          onFocus={() => onActivate('date')}
          onChange={(e) => editSingle(update, 'date')({ value: e.currentTarget.value, keep: true })}
          description={
            dateCheck.description ??
            (date && !date.value
              ? t('importer.noYear', { day: date.day, month: date.month })
              : date && date.yearFrom !== 'written' && state.date.value === formatIsoDate(date.value)
                ? t('importer.yearInferred', { day: date.day, month: date.month, year: date.year })
                : undefined)
          }
          error={problem('date')}
          data-testid="import-date"
        />
        <TextInput
          label={t('importer.field.startTime')}
          value={state.startTime}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((s) => ({ ...s, startTime: v }));
          }}
          error={problem('time')}
          maw={140}
          data-testid="import-time"
        />
      </Group>
      {(['location', 'organizer', 'byline'] as const).map((f) => (
        <Group key={f} align="flex-end" gap="xs" wrap="nowrap">
          <KeepBox
            item={state[f]}
            name={t(`importer.field.${f}`)}
            onKeep={(keep) => editSingle(update, f)({ keep })}
          />
          <TextInput
            {...(f === 'location' ? locationCheck : f === 'organizer' ? organizerCheck : {})}
            style={{ flex: 1 }}
            label={
              <>
                <Swatch field={f} />
                {t(`importer.field.${f}`)}
              </>
            }
            value={state[f].value}
            disabled={!state[f].keep}
            onFocus={() => onActivate(f)}
            onChange={(e) => editSingle(update, f)({ value: e.currentTarget.value })}
            data-testid={`import-${f}`}
          />
        </Group>
      ))}
    </>
  );
}
