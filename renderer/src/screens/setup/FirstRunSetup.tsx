import { useState } from 'react';
import {
  Alert,
  Button,
  Code,
  Fieldset,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentVariant, SignerAuthority } from '../../../../contract/contract';
import { useAction } from '../../api/useAction';
import { useApiQuery } from '../../api/useApiQuery';
import { useNotify } from '../../api/useNotify';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { useBackupDirCheck } from '../usb/useBackupDirCheck';
import { ArchiveMoveSection } from '../settings/ArchiveMoveSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../settings/settingsContext';
import { MAX_LENGTH } from '../settings/settingsForm';
import {
  closingState,
  SETUP_STEPS,
  setupDraftOf,
  signatureLines,
  stepPatch,
  type SetupDraft,
  type SetupPatch,
} from './setupSteps';

// Mantine's Select needs a non-empty value for "no authority" (the contract stores '').
const NONE = 'none';

/**
 * Thiết lập ban đầu: the agency, the signer on prints, where the archive is and where backups go, each
 * step saved on its own ("Lưu và tiếp tục") or skipped ("Bỏ qua, để sau"). Closing it stores done or
 * skipped, so it does not open by itself again; Cài đặt opens it again. `onClose` gets what was stored.
 */
export function FirstRunSetup({ onClose }: { onClose: (stored: SetupPatch) => void }) {
  const { t } = useTranslation();
  const checkBackupDir = useBackupDirCheck();
  const notify = useNotify();
  const { settings, save } = useSettings();
  const info = useApiQuery('app/info', {});
  const [draft, setDraft] = useState<SetupDraft>(() => setupDraftOf(settings));
  const [active, setActive] = useState(0);
  const [stored, setStored] = useState<SetupPatch>({});
  const [dirProblem, setDirProblem] = useState<string | null>(null);
  const { busy, error, clearError, run } = useAction();
  const step = SETUP_STEPS[active] ?? 'storage';
  const last = active === SETUP_STEPS.length - 1;

  const set = (patch: Partial<SetupDraft>) => setDraft((cur) => ({ ...cur, ...patch }));

  async function close(all: SetupPatch) {
    await run(async () => {
      await save({ setup: closingState(Object.keys(all).length > 0, settings.setup) });
      if (Object.keys(all).length > 0) notify('setupSaved');
      onClose(all);
    });
  }

  const advance = (all: SetupPatch) => (last ? close(all) : setActive((a) => a + 1));

  async function saveStep() {
    if (busy) return;
    const patch = stepPatch(step, draft);
    if (step === 'storage') {
      // Writable, not the archive's own folder, room for a backup (the same check as Sao lưu's).
      let problem: string | null = null;
      const ok = await run(async () => {
        problem = await checkBackupDir(patch.backupDir ?? '');
      });
      setDirProblem(problem);
      if (!ok || problem) return;
    }
    let all: SetupPatch = stored;
    const ok = await run(async () => {
      await save(patch);
      all = { ...stored, ...patch };
      setStored(all);
    });
    if (ok) await advance(all);
  }

  const text = (field: keyof typeof MAX_LENGTH, label: string, hint: string, testId: string) => (
    <TextInput
      label={label}
      description={hint}
      value={draft[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      maxLength={MAX_LENGTH[field]}
      data-testid={testId}
    />
  );
  const signature = signatureLines(draft);

  return (
    <Modal
      opened
      onClose={() => void close(stored)}
      title={t('setup.title')}
      size={900}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      data-testid="setup"
    >
      <Stack gap="md">
        <Text size="sm">{t('setup.intro')}</Text>
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          {SETUP_STEPS.map((s) => (
            <Stepper.Step key={s} label={t(`setup.step.${s}`)} data-testid={`setup-step-${s}`} />
          ))}
        </Stepper>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void saveStep();
          }}
          noValidate
        >
          <Stack gap="md" mih={330} data-testid={`setup-${step}`}>
            {step === 'agency' && (
              <>
                <SimpleGrid cols={2}>
                  {text('issuingAgency', t('setup.agency.issuingAgency'), t('setup.agency.issuingAgencyHint'), 'setup-issuingAgency')}
                  {text('parentAgency', t('setup.agency.parentAgency'), t('setup.agency.parentAgencyHint'), 'setup-parentAgency')}
                  {text('placeName', t('setup.agency.placeName'), t('setup.agency.placeNameHint'), 'setup-placeName')}
                  {text('agencyCode', t('setup.agency.agencyCode'), t('setup.agency.agencyCodeHint'), 'setup-agencyCode')}
                </SimpleGrid>
                <Radio.Group
                  label={t('setup.agency.variant')}
                  value={draft.documentVariant}
                  onChange={(v) => set({ documentVariant: DocumentVariant.catch('state').parse(v) })}
                >
                  <Group mt="xs">
                    {DocumentVariant.options.map((v) => (
                      <Radio key={v} value={v} label={t(`settings.variant.${v}`)} data-testid={`setup-variant-${v}`} />
                    ))}
                  </Group>
                </Radio.Group>
              </>
            )}
            {step === 'signer' && (
              <SimpleGrid cols={2} spacing="lg">
                <Stack gap="sm">
                  <Select
                    label={t('setup.signer.authority')}
                    description={t('setup.signer.authorityHint')}
                    data={SignerAuthority.options.map((a) => ({
                      value: a === '' ? NONE : a,
                      label: a === '' ? t('settings.signerNone') : t(`settings.signer.${a}`),
                    }))}
                    value={draft.signerAuthority === '' ? NONE : draft.signerAuthority}
                    onChange={(v) => set({ signerAuthority: SignerAuthority.catch('').parse(v === NONE ? '' : (v ?? '')) })}
                    allowDeselect={false}
                    data-testid="setup-signerAuthority"
                  />
                  {text('signerTitle', t('setup.signer.title'), t('setup.signer.titleHint'), 'setup-signerTitle')}
                  {text('signerName', t('setup.signer.name'), t('setup.signer.nameHint'), 'setup-signerName')}
                  {text('clerkName', t('setup.signer.clerkName'), t('setup.signer.clerkNameHint'), 'setup-clerkName')}
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('setup.signer.preview')}
                  </Text>
                  <Paper withBorder p="md" ta="center" ff="'Times New Roman', serif" data-testid="setup-signature">
                    {signature.authority || signature.title || signature.name ? (
                      <>
                        {signature.authority && <Text fw={700}>{signature.authority}</Text>}
                        {signature.title && <Text fw={700}>{signature.title}</Text>}
                        <Text mt="xl" fw={700}>
                          {signature.name}
                        </Text>
                      </>
                    ) : (
                      <Text c="dimmed">{t('setup.signer.previewEmpty')}</Text>
                    )}
                  </Paper>
                </Stack>
              </SimpleGrid>
            )}
            {step === 'storage' && (
              <>
                <Alert color="blue" title={t('setup.storage.archive')} data-testid="setup-archive">
                  <Stack gap={6}>
                    <Code block data-testid="setup-archive-file">
                      {info.data?.archiveFile ?? '…'}
                    </Code>
                    <Text size="sm">{t('setup.storage.archiveExplain')}</Text>
                  </Stack>
                </Alert>
                <Fieldset legend={t('archiveMove.sectionTitle')}>
                  <ArchiveMoveSection bare />
                </Fieldset>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('setup.storage.backupDir')}
                    description={t('setup.storage.backupDirHint')}
                    value={draft.backupDir}
                    onChange={(e) => {
                      set({ backupDir: e.currentTarget.value });
                      setDirProblem(null);
                    }}
                    error={dirProblem}
                    maxLength={1000}
                    data-testid="setup-backupDir"
                  />
                  <ChooseFolderButton title={t('setup.storage.backupDir')} onChosen={(backupDir) => set({ backupDir })} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t('setup.storage.backupNote')}
                </Text>
              </>
            )}
            {error && <ErrorAlert error={error} title={t('errors.saveFailed')} onClose={clearError} />}
          </Stack>
          <Group justify="space-between" mt="md">
            <Button variant="subtle" onClick={() => void advance(stored)} disabled={busy} data-testid="setup-skip">
              {t('setup.skip')}
            </Button>
            <Group>
              {active > 0 && (
                <Button variant="default" onClick={() => setActive((a) => a - 1)} disabled={busy} data-testid="setup-back">
                  {t('setup.back')}
                </Button>
              )}
              <Button type="submit" loading={busy} data-testid="setup-next">
                {last ? t('setup.finish') : t('setup.next')}
              </Button>
            </Group>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}
