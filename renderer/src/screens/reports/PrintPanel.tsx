import { forwardRef, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Grid, Group, Loader, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportKind, ReportRequestInput } from '../../../../contract/reportContract';
import { call, toErrorPayload } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatIsoDate } from '../../format/date';
import { NoticeEditor } from './NoticeEditor';
import { PreviewFrame, type PreviewHandle } from './PreviewFrame';
import { SaveReportButtons, SaveReportFeedback } from './SaveReportControls';
import { useSaveReport } from './useSaveReport';
import { foldForFilter } from './reportLink';
import { DateRangeFields, useYearRange } from './DateRange';

/** The kinds printed here (the secret log has a tab of its own). */
const KINDS: ReportKind[] = ['conclusion', 'minutes', 'attendance', 'photos', 'period'];

/** The newest meetings offered in the picker (the contract's page limit). */
const MEETING_CHOICES = 500;

/** A meeting in the picker: its date (or —) and title. */
const meetingChoice = (m: { id: string; meetingDate: string | null; title: string }) => ({
  value: m.id,
  label: `${formatIsoDate(m.meetingDate) || '—'} · ${m.title}`,
});

/** Choose a document, see it exactly as it prints, print it or save it as PDF, DOCX or HTML. */
export function PrintPanel({
  initialMeetingId,
  initialKind,
}: {
  initialMeetingId: string | null;
  initialKind: ReportKind | null;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>(initialKind ?? 'conclusion');
  const [meetingId, setMeetingId] = useState<string | null>(initialMeetingId);
  const range = useYearRange();
  const { from, to } = range;
  const [variant, setVariant] = useState<'settings' | 'state' | 'party'>('settings');
  const [order, setOrder] = useState<'protocol' | 'name'>('protocol');
  const [perPage, setPerPage] = useState<'2' | '4' | '6'>('4');
  const [groupBy, setGroupBy] = useState<'month' | 'kind'>('month');
  const preview = useRef<PreviewHandle>(null);

  const meetings = useApiQuery('meetings/list', {
    sort: 'date',
    dir: 'desc',
    offset: 0,
    limit: MEETING_CHOICES,
  });
  const choices = useMemo(
    () =>
      (meetings.data?.rows ?? []).map(meetingChoice),
    [meetings.data],
  );
  // A meeting opened from its record may be older than the newest 500: keep it choosable.
  const [extra, setExtra] = useState<{ value: string; label: string } | null>(null);
  const listed = !meetingId || !meetings.data || choices.some((c) => c.value === meetingId);
  useEffect(() => {
    if (listed || !meetingId) return;
    let live = true;
    void call('meetings/get', { id: meetingId }).then(
      (m) => live && setExtra(meetingChoice(m)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [listed, meetingId]);
  const data = extra && !choices.some((c) => c.value === extra.value) ? [extra, ...choices] : choices;
  const [previewVersion, setPreviewVersion] = useState(0);

  const ready = kind === 'period' ? !!from && !!to : !!meetingId;
  const request: ReportRequestInput = {
    kind,
    meetingId: kind === 'period' ? null : meetingId,
    from: kind === 'period' ? from : null,
    to: kind === 'period' ? to : null,
    variant: variant === 'settings' ? null : variant,
    order,
    perPage: Number(perPage) as 2 | 4 | 6,
    groupBy,
  };
  const saving = useSaveReport(request);

  /**
   * In: the print is logged first (a Mật-or-above document is written to the audit log; an ordinary one
   * is not), then the print dialog opens. A print that could not be logged does not happen.
   */
  async function print() {
    saving.setError(null);
    try {
      await call('reports/printed', request);
      preview.current?.print();
    } catch (e) {
      saving.setError(toErrorPayload(e));
    }
  }

  const output = (
    <>
      <Group>
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={() => void print()}
          disabled={!ready}
          data-testid="report-print"
        >
          {t('reports.print')}
        </Button>
        <SaveReportButtons
          state={saving}
          formats={['pdf', 'docx', 'html']}
          disabled={!ready}
          testIdPrefix="report-save-"
        />
      </Group>
      <SaveReportFeedback state={saving} savedTestId="report-saved" />

      {ready ? (
        <Preview ref={preview} request={request} version={previewVersion} />
      ) : (
        <Text c="dimmed">{kind === 'period' ? t('reports.needRange') : t('reports.noMeeting')}</Text>
      )}
    </>
  );

  return (
    <Stack gap="md">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as ReportKind)}
        data={KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
        data-testid="report-kind"
        fullWidth
      />
      <Grid>
        {kind === 'period' ? (
          <>
            <DateRangeFields
              range={range}
              testIdPrefix="report-"
              field={(input) => <Grid.Col span={{ base: 6, md: 3 }}>{input}</Grid.Col>}
            />
            <Grid.Col span={{ base: 12, md: 3 }}>
              <ChoiceSelect
                label={t('reports.groupBy.label')}
                choices={['month', 'kind'] as const}
                labelOf={(g) => t(`reports.groupBy.${g}`)}
                value={groupBy}
                onChange={setGroupBy}
              />
            </Grid.Col>
          </>
        ) : (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('reports.meeting')}
              placeholder={t('reports.meetingPlaceholder')}
              value={meetingId}
              onChange={setMeetingId}
              data={data}
              searchable
              filter={({ options, search }) => {
                const q = foldForFilter(search.trim());
                return options.filter((o) => 'label' in o && foldForFilter(o.label).includes(q));
              }}
              nothingFoundMessage={meetings.loading ? t('app.loading') : '—'}
              data-testid="report-meeting"
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 3 }}>
          <ChoiceSelect
            label={t('reports.variant.label')}
            choices={['settings', 'state', 'party'] as const}
            labelOf={(v) => t(`reports.variant.${v}`)}
            value={variant}
            onChange={setVariant}
            testId="report-variant"
          />
        </Grid.Col>
        {kind === 'attendance' && (
          <Grid.Col span={{ base: 12, md: 3 }}>
            <ChoiceSelect
              label={t('reports.order.label')}
              choices={['protocol', 'name'] as const}
              labelOf={(o) => t(`reports.order.${o}`)}
              value={order}
              onChange={setOrder}
              testId="report-order"
            />
          </Grid.Col>
        )}
        {kind === 'photos' && (
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Text size="sm" fw={500} mb={4}>
              {t('reports.perPage.label')}
            </Text>
            <SegmentedControl
              value={perPage}
              onChange={(v) => setPerPage(v as typeof perPage)}
              data={['2', '4', '6']}
              data-testid="report-per-page"
            />
          </Grid.Col>
        )}
      </Grid>

      {kind === 'conclusion' && meetingId ? (
        // The notice is edited beside its preview on a wide screen, above it on a narrow one.
        <Grid>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <NoticeEditor
              key={meetingId}
              meetingId={meetingId}
              variant={variant === 'settings' ? null : variant}
              onChanged={() => setPreviewVersion((v) => v + 1)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {/* The preview stays in view while the clerk scrolls through a long notice. */}
            <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
              {output}
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        output
      )}
    </Stack>
  );
}

/** A print option offered as a short list of choices, never empty. */
function ChoiceSelect<C extends string>({
  label,
  choices,
  labelOf,
  value,
  onChange,
  testId,
}: {
  label: string;
  choices: readonly C[];
  labelOf: (choice: C) => string;
  value: C;
  onChange: (value: C) => void;
  testId?: string;
}) {
  return (
    <Select
      label={label}
      value={value}
      onChange={(v) => {
        const chosen = choices.find((c) => c === v);
        if (chosen) onChange(chosen);
      }}
      data={choices.map((c) => ({ value: c, label: labelOf(c) }))}
      allowDeselect={false}
      data-testid={testId}
    />
  );
}

/**
 * The previewed document, fetched only for a complete request; `version` changes when what it shows
 * was saved elsewhere (the notice editor), so it is fetched again.
 */
const Preview = forwardRef<PreviewHandle, { request: ReportRequestInput; version: number }>(function Preview(
  { request, version },
  ref,
) {
  const { t } = useTranslation();
  const html = useApiQuery('reports/html', { ...request, preview: true });
  const { reload } = html;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);
  if (html.error) return <ErrorAlert error={html.error} title={t('reports.failed')} onAction={html.reload} />;
  if (!html.data)
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm">{t('reports.loading')}</Text>
      </Group>
    );
  return <PreviewFrame ref={ref} html={html.data.html} />;
});
