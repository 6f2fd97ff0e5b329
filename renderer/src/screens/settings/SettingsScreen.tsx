import { useState } from 'react';
import {
  Button,
  Fieldset,
  Group,
  Input,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DocumentVariant, SignerAuthority } from '../../../../contract/contract';
import { useAction } from '../../api/useAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SaveButton, SavedNote } from '../../components/SaveButton';
import { AbbreviationsEditor } from './AbbreviationsEditor';
import { AppLockSection } from './AppLockSection';
import { HealthSection } from './HealthSection';
import { ArchiveMoveSection } from './ArchiveMoveSection';
import { useSettings } from '../../settings/settingsContext';
import { FirstRunSetup } from '../setup/FirstRunSetup';
import {
  draftOf,
  isSettingsDirty,
  MAX_LENGTH,
  normalizeDraft,
  validateSettings,
  type SettingsDraft,
} from './settingsForm';

// Mantine's Select needs a non-empty value for "no authority" (the contract stores '').
const NONE = 'none';

type TextField = keyof typeof MAX_LENGTH;
const HINTS: Partial<Record<TextField, true>> = {
  parentAgency: true,
  agencyCode: true,
  placeName: true,
  clerkName: true,
};

/** Cài đặt: the agency, signer and document layout used on reports, the meeting kinds, the language. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { settings, save } = useSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [saved, setSaved] = useState<SettingsDraft>(() => draftOf(settings));
  const [justSaved, setJustSaved] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const { busy: saving, error, clearError, run } = useAction();
  const [setupOpen, setSetupOpen] = useState(false);

  const errors = submitted ? validateSettings(draft) : {};
  const dirty = isSettingsDirty(draft, saved);
  const set = (patch: Partial<SettingsDraft>) => {
    setDraft((cur) => ({ ...cur, ...patch }));
    setJustSaved(false);
  };

  async function submit() {
    if (saving) return;
    setSubmitted(true);
    if (Object.keys(validateSettings(draft)).length > 0) return;
    await run(async () => {
      const stored = draftOf(await save(normalizeDraft(draft)));
      setDraft(stored);
      setSaved(stored);
      setJustSaved(true);
    });
  }

  const text = (field: TextField) => (
    <TextInput
      label={t(`settings.field.${field}`)}
      placeholder={t(`settings.placeholder.${field}`)}
      description={
        HINTS[field]
          ? t(`settings.hint.${field as 'parentAgency' | 'agencyCode' | 'placeName' | 'clerkName'}`)
          : undefined
      }
      value={draft[field]}
      onChange={(e) => set({ [field]: e.currentTarget.value })}
      maxLength={MAX_LENGTH[field]}
      data-testid={`settings-${field}`}
    />
  );

  return (
    <>
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="lg" maw={900}>
        <Group justify="space-between">
          <Title order={2}>{t('settings.title')}</Title>
          <Button variant="light" onClick={() => setSetupOpen(true)} data-testid="settings-open-setup">
            {t('setup.open')}
          </Button>
        </Group>

        <Fieldset legend={t('settings.section.agency')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('parentAgency')}
            {text('issuingAgency')}
            {text('agencyCode')}
            {text('placeName')}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('settings.section.signer')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('settings.field.signerAuthority')}
              data={SignerAuthority.options.map((a) => ({
                value: a === '' ? NONE : a,
                label: a === '' ? t('settings.signerNone') : t(`settings.signer.${a}`),
              }))}
              value={draft.signerAuthority === '' ? NONE : draft.signerAuthority}
              onChange={(value) =>
                set({ signerAuthority: SignerAuthority.catch('').parse(value === NONE ? '' : (value ?? '')) })
              }
              allowDeselect={false}
              data-testid="settings-signerAuthority"
            />
            {text('signerTitle')}
            {text('signerName')}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('settings.section.documents')}>
          <Stack gap="md">
            <Radio.Group
              label={t('settings.field.documentVariant')}
              value={draft.documentVariant}
              onChange={(value) => set({ documentVariant: DocumentVariant.catch('state').parse(value) })}
              data-testid="settings-documentVariant"
            >
              <Stack gap="xs" mt="xs">
                {DocumentVariant.options.map((v) => (
                  <Radio
                    key={v}
                    value={v}
                    label={t(`settings.variant.${v}`)}
                    data-testid={`settings-documentVariant-${v}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <TagsInput
              label={t('settings.field.meetingKinds')}
              description={t('settings.hint.meetingKinds')}
              placeholder={t('settings.placeholder.meetingKinds')}
              value={draft.meetingKinds}
              onChange={(meetingKinds) => set({ meetingKinds })}
              error={errors.meetingKinds && t(`settings.error.${errors.meetingKinds}`)}
              maxLength={100}
              maxTags={100}
              clearable={false}
              data-testid="settings-meetingKinds"
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settings.section.abbreviations')}>
          <AbbreviationsEditor
            rows={draft.abbreviations}
            onChange={(abbreviations) => set({ abbreviations })}
            error={errors.abbreviations && t(`settings.error.${errors.abbreviations}`)}
          />
        </Fieldset>

        <Fieldset legend={t('settings.section.app')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Input.Wrapper label={t('settings.field.language')} description={t('settings.hint.language')}>
              <div>
                <LanguageSwitch testId="settings-language" size="sm" />
              </div>
            </Input.Wrapper>
            {text('clerkName')}
          </SimpleGrid>
        </Fieldset>

        {/* Lưu stays in sight at the bottom of the window while the form is on screen (1366×768 shows
            only half of it), with what a failed save says. */}
        <Stack
          gap="xs"
          py="sm"
          data-testid="settings-savebar"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 3,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-default-border)',
          }}
        >
          {error && <ErrorAlert error={error} title={t('errors.saveFailed')} onClose={clearError} />}
          <Group gap="md">
            <SaveButton loading={saving} testId="settings-save" />
            {dirty ? (
              <Text size="sm" c="orange.8" data-testid="settings-dirty">
                {t('common.unsaved')}
              </Text>
            ) : (
              justSaved && (
                <SavedNote testId="settings-saved">{t('common.saved')}</SavedNote>
              )
            )}
          </Group>
        </Stack>
      </Stack>
    </form>
    {setupOpen && (
      <FirstRunSetup
        onClose={(stored) => {
          setSetupOpen(false);
          // What the setup stored shows in the form at once, and is not "unsaved"; the clerk's other
          // edits stay as they were.
          setDraft((cur) => ({ ...cur, ...stored }));
          setSaved((cur) => ({ ...cur, ...stored }));
        }}
      />
    )}
    {/* Outside the settings form: the lock and the health checks act at once, each with its own buttons. */}
    <Stack gap="lg" maw={900} mt="xl">
      <AppLockSection />
      <HealthSection />
      <ArchiveMoveSection />
    </Stack>
    </>
  );
}
