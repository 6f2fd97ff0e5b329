/**
 * "Cần kiểm tra trước": the fields the importer was unsure of (a year it inferred, a title taken from
 * the first sentence, no chair found…) are listed above the draft and outlined in orange where they
 * are, each with why, so the clerk checks those first instead of reading every field with equal care.
 * The sections read which fields are unsure from a context, so a new unsure field is one entry in
 * unsureFields.ts and one UnsureFrame (or useUnsureInput) where it is edited.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Alert, Anchor, Box, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportDraft, UnsureField } from '../../../../contract/importContract';
import { useMessageText } from '../../api/useMessageText';
import { unsureEntriesOf, type UnsureEntry } from './unsureFields';

const ORANGE = 'var(--mantine-color-orange-6)';
const PALE = 'var(--mantine-color-yellow-0)';

interface UnsureHint extends UnsureEntry {
  /** The field's name as the list shows it ("Ngày họp"). */
  label: string;
  /** Why it is to be checked, in the clerk's language. */
  why: string;
}

const UnsureContext = createContext<ReadonlyMap<UnsureField, UnsureHint>>(new Map());

/** The draft's unsure fields, worded once for the list and for every field that shows one. */
function useUnsureHints(draft: ImportDraft): ReadonlyMap<UnsureField, UnsureHint> {
  const { t } = useTranslation();
  const messageText = useMessageText();
  return useMemo(
    () =>
      new Map(
        unsureEntriesOf(draft).map((e) => [
          e.field,
          {
            ...e,
            label: t(`importer.unsure.label.${e.field}`),
            why: e.note
              ? messageText(e.note)
              : t(`importer.unsure.why.${e.field}`, { issuer: draft.issuer?.value ?? '' }),
          },
        ]),
      ),
    [draft, t, messageText],
  );
}

/** Makes the draft's unsure fields known to the review below it. */
export function UnsureProvider({ draft, children }: { draft: ImportDraft; children: ReactNode }) {
  return <UnsureContext.Provider value={useUnsureHints(draft)}>{children}</UnsureContext.Provider>;
}

/** "Cần kiểm tra: …", under a field or a section. */
function CheckLine({ why }: { why: string }) {
  const { t } = useTranslation();
  return (
    <Text component="span" size="xs" c="orange.9" style={{ display: 'inline-flex', gap: 4 }}>
      <IconAlertTriangle size={14} style={{ flexShrink: 0, marginTop: 1 }} aria-hidden />
      <span>
        <b>{t('importer.unsure.check')}:</b> {why}
      </span>
    </Text>
  );
}

/**
 * Props for a TextInput of an unsure field: an orange border, its id (the list focuses it) and why as
 * its description. An input that shows an error keeps Mantine's red border: the error says more.
 * Nothing when the importer was sure.
 */
export function useUnsureInput(field: UnsureField, hasError: boolean) {
  const hint = useContext(UnsureContext).get(field);
  if (!hint) return {};
  return {
    id: hint.target ?? undefined,
    'data-unsure': field,
    description: <CheckLine why={hint.why} />,
    // Why goes under the input: above it, it would push this input below its neighbours in a row.
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
      'label' | 'input' | 'description' | 'error'
    )[],
    styles: hasError ? undefined : { input: { borderColor: ORANGE, borderWidth: 2, background: PALE } },
  };
}

/**
 * A section of the review (Thành phần, Chú thích ảnh) outlined when the importer was unsure of any of
 * `fields`, with why under it; focusable, so the list can bring the clerk to it.
 */
export function UnsureFrame({ fields, children }: { fields: readonly UnsureField[]; children: ReactNode }) {
  const all = useContext(UnsureContext);
  const hints = fields.flatMap((f) => all.get(f) ?? []);
  if (hints.length === 0) return <>{children}</>;
  return (
    <Box
      id={hints[0]!.target ?? undefined}
      tabIndex={-1}
      data-unsure={hints.map((h) => h.field).join(' ')}
      p="xs"
      style={{ border: `2px solid ${ORANGE}`, borderRadius: 6, background: PALE, outline: 'none' }}
    >
      {hints.map((h) => (
        <Box key={h.field} mb={6}>
          <CheckLine why={h.why} />
        </Box>
      ))}
      {children}
    </Box>
  );
}

/** Brings the clerk to a field: scrolled to the middle of the screen, its first input focused. */
function focusCheck(target: string) {
  const el = document.getElementById(target);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  const input = el.matches('input, textarea')
    ? el
    : el.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
  (input ?? el).focus({ preventScroll: true });
}

/** The list at the top of the draft: what to check first, each a link to its field. */
export function UnsureList({ onActivate }: { onActivate: (id: string) => void }) {
  const { t } = useTranslation();
  const hints = [...useContext(UnsureContext).values()];
  if (hints.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('importer.unsure.heading')}
      data-testid="import-unsure"
    >
      <Text size="sm" mb={4}>
        {t('importer.unsure.intro')}
      </Text>
      <List size="sm" spacing={2}>
        {hints.map((h) => (
          <List.Item key={h.field} data-testid="import-unsure-item" data-field={h.field}>
            {h.target ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={600}
                onClick={() => {
                  focusCheck(h.target!);
                  // The source outlines the words the field came from, where it has them.
                  if (h.field === 'title' || h.field === 'date' || h.field === 'location')
                    onActivate(h.field);
                }}
              >
                {h.label}
              </Anchor>
            ) : (
              <Text span size="sm" fw={600}>
                {h.label}
              </Text>
            )}
            {': '}
            {h.why}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
