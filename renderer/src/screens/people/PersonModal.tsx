import { useState } from 'react';
import { Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contract/contract';
import { call, toErrorPayload } from '../../api/client';
import { useAction } from '../../api/useAction';
import { DialogActions } from '../../components/DialogActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  BLANK_PERSON,
  personValuesOf,
  toPersonFields,
  validatePerson,
  type PersonFormValues,
} from './personForm';

export type PersonTarget = { mode: 'new' } | { mode: 'edit'; person: Person };

interface Props {
  target: PersonTarget | null;
  onClose: () => void;
  onSaved: (person: Person) => void;
}

/** Add or edit one directory entry. The body is keyed per opening so every opening starts clean. */
export function PersonModal({ target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.mode === 'edit' ? t('personForm.editTitle') : t('personForm.newTitle')}
      size="lg"
      data-testid="person-modal"
    >
      {target && (
        <PersonForm
          key={target.mode === 'edit' ? `${target.person.id}@${target.person.version}` : 'new'}
          initial={target.mode === 'edit' ? target.person : null}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

interface FormProps {
  initial: Person | null;
  onCancel: () => void;
  onSaved: (person: Person) => void;
}

function PersonForm({ initial, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [person, setPerson] = useState<Person | null>(initial);
  const [values, setValues] = useState<PersonFormValues>(initial ? personValuesOf(initial) : BLANK_PERSON);
  const [submitted, setSubmitted] = useState(false);
  const { busy: saving, error, setError, run } = useAction();

  const errors = submitted ? validatePerson(values) : {};
  const set = (patch: Partial<PersonFormValues>) => setValues((cur) => ({ ...cur, ...patch }));

  async function save() {
    if (saving) return;
    setSubmitted(true);
    if (Object.keys(validatePerson(values)).length > 0) return;
    await run(async () => {
      const fields = toPersonFields(values);
      const stored = person
        ? await call('people/update', { id: person.id, version: person.version, fields })
        : await call('people/create', fields);
      onSaved(stored);
    });
  }

  async function reload() {
    if (!person) return;
    try {
      const fresh = await call('people/get', { id: person.id });
      setPerson(fresh);
      setValues(personValuesOf(fresh));
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }

  const conflict = error?.code === 'VERSION_CONFLICT';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack gap="sm">
        {error && (
          <ErrorAlert
            error={error}
            title={conflict ? t('meetingForm.conflictTitle') : t('errors.saveFailed')}
            onAction={conflict ? () => void reload() : undefined}
            actionLabel={t('common.reload')}
          >
            {conflict && <Text size="sm">{t('meetingForm.reloadDiscards')}</Text>}
          </ErrorAlert>
        )}
        <TextInput
          label={t('personForm.field.fullName')}
          placeholder={t('personForm.placeholder.fullName')}
          value={values.fullName}
          onChange={(e) => set({ fullName: e.currentTarget.value })}
          error={errors.fullName && t(`personForm.error.${errors.fullName}`)}
          withAsterisk
          maxLength={200}
          data-autofocus
          data-testid="person-fullName"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('personForm.field.rank')}
            placeholder={t('personForm.placeholder.rank')}
            value={values.rank}
            onChange={(e) => set({ rank: e.currentTarget.value })}
            maxLength={100}
            data-testid="person-rank"
          />
          <TextInput
            label={t('personForm.field.title')}
            placeholder={t('personForm.placeholder.title')}
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            maxLength={500}
            data-testid="person-title"
          />
        </Group>
        <TextInput
          label={t('personForm.field.unit')}
          placeholder={t('personForm.placeholder.unit')}
          value={values.unit}
          onChange={(e) => set({ unit: e.currentTarget.value })}
          maxLength={500}
          data-testid="person-unit"
        />
        <Textarea
          label={t('personForm.field.notes')}
          value={values.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          data-testid="person-notes"
        />
        <DialogActions
          mt="sm"
          onCancel={onCancel}
          cancelTestId="person-cancel"
          icon={<IconDeviceFloppy size={18} />}
          loading={saving}
          confirmTestId="person-save"
        />
      </Stack>
    </form>
  );
}
