import type { ReactNode } from 'react';
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FIELD_COLORS } from './SourceView';
import type { FieldKey, Item } from './reviewState';

/** The colour of a field's highlight in the source, shown beside its name in the draft. */
export function Swatch({ field }: { field: FieldKey }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 2,
        background: FIELD_COLORS[field],
        marginRight: 6,
      }}
    />
  );
}

/** A field's name with its colour, above what the draft holds for it. */
export function Section({ field, title, children }: { field: FieldKey; title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text fw={600}>
        <Swatch field={field} />
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** A list of the draft under its name and how many of it are kept; "none" when the report had none. */
export function ListSection({
  field,
  title,
  items,
  children,
  footer,
}: {
  field: FieldKey;
  title: string;
  items: readonly Item<unknown>[];
  children: ReactNode;
  /** Shown under the list, or under "none". */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Section field={field} title={`${title} (${items.filter((it) => it.keep).length})`}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('importer.none')}
        </Text>
      ) : (
        children
      )}
      {footer}
    </Section>
  );
}

/** Whether an item goes into the saved meeting; `name` says which one to a screen reader. */
export function KeepBox({ item, name, onKeep }: { item: Item<unknown>; name: string; onKeep: (keep: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Checkbox
      aria-label={`${t('importer.keep')}: ${name}`}
      checked={item.keep}
      onChange={(e) => onKeep(e.currentTarget.checked)}
    />
  );
}
