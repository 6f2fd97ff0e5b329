import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Center,
  FileButton,
  Group,
  Image,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDeviceFloppy, IconPhotoPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { thumbUrl, type Photo } from '../../../../../contract/photoContract';

export interface PhotoFields {
  caption: string;
  credit: string;
}

/**
 * One photo of the album: thumbnail (opens the lightbox), caption, credit, people, order, remove. A card
 * still waiting for its picture (a caption kept from an import) shows that instead, with a button to
 * attach the file.
 */
export function PhotoCard({
  photo,
  index,
  count,
  readOnly,
  attendees,
  onOpen,
  onSave,
  onPeople,
  onMove,
  onRemove,
  onAttach,
}: {
  photo: Photo;
  index: number;
  count: number;
  readOnly: boolean;
  /** The meeting's attendees (value: person id), the only people a photo may name. */
  attendees: { value: string; label: string }[];
  onOpen: () => void;
  onSave: (fields: PhotoFields) => void;
  onPeople: (personIds: string[]) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onAttach: (file: File) => void;
}) {
  const { t } = useTranslation();
  const [caption, setCaption] = useState(photo.caption);
  const [credit, setCredit] = useState(photo.credit);
  // What was last sent, so a blur followed by a click on "Lưu" saves once.
  const [sent, setSent] = useState<PhotoFields>({ caption: photo.caption, credit: photo.credit });
  const dirty = caption !== sent.caption || credit !== sent.credit;

  function save() {
    if (caption === sent.caption && credit === sent.credit) return;
    setSent({ caption, credit });
    onSave({ caption, credit });
  }

  const image =
    photo.fileHash === null ? (
      <Center h={180} bg="gray.0" style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 4 }} data-testid="photo-no-file">
        <Stack gap={6} align="center" px="sm">
          <Text size="sm" fw={500}>
            {t('photos.noFile')}
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            {t('photos.noFileHint')}
          </Text>
          {!readOnly && (
            <FileButton onChange={(f) => f && onAttach(f)} accept="image/jpeg,image/png,image/webp">
              {(props) => (
                <Button {...props} size="xs" variant="light" leftSection={<IconPhotoPlus size={14} />} data-testid="photo-attach">
                  {t('photos.attach')}
                </Button>
              )}
            </FileButton>
          )}
        </Stack>
      </Center>
    ) : (
      <UnstyledButton onClick={onOpen} aria-label={t('photos.open')} data-testid="photo-open">
        <Image src={thumbUrl(photo.fileHash)} alt={photo.caption} h={180} fit="cover" radius="sm" />
      </UnstyledButton>
    );

  if (readOnly) {
    return (
      <Card withBorder padding="sm" data-testid="photo-card">
        <Stack gap={6}>
          {image}
          <Text size="sm" data-testid="photo-caption">
            {photo.caption || t('photos.noCaption')}
          </Text>
          {photo.credit && (
            <Text size="xs" c="dimmed" data-testid="photo-credit">
              {photo.credit}
            </Text>
          )}
          {photo.people.length > 0 && (
            <Text size="xs">
              {t('photos.people')}:{' '}
              {photo.people.map((p) => [p.rank, p.fullName].filter(Boolean).join(' ')).join(', ')}
            </Text>
          )}
        </Stack>
      </Card>
    );
  }

  return (
    <Card withBorder padding="sm" data-testid="photo-card">
      <Stack gap={6}>
        {image}
        <Textarea
          label={t('photos.caption')}
          autosize
          minRows={2}
          maxRows={6}
          value={caption}
          onChange={(e) => setCaption(e.currentTarget.value)}
          onBlur={save}
          data-testid="photo-caption"
        />
        <TextInput
          label={t('photos.credit')}
          placeholder={t('photos.creditPlaceholder')}
          value={credit}
          onChange={(e) => setCredit(e.currentTarget.value)}
          onBlur={save}
          data-testid="photo-credit"
        />
        <MultiSelect
          label={t('photos.people')}
          placeholder={t('photos.peoplePlaceholder')}
          data={attendees}
          value={photo.people.map((p) => p.id)}
          onChange={onPeople}
          searchable
          clearable
          data-testid="photo-people"
        />
        <Group justify="space-between" mt={4}>
          <Group gap={2}>
            <TipIcon
              label={t('record.moveLeft')}
              disabled={index === 0}
              onClick={() => onMove(-1)}
              testId="photo-left"
            >
              <IconArrowLeft size={16} />
            </TipIcon>
            <TipIcon
              label={t('record.moveRight')}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              testId="photo-right"
            >
              <IconArrowRight size={16} />
            </TipIcon>
            <TipIcon label={t('photos.remove')} color="red" onClick={onRemove} testId="photo-remove">
              <IconTrash size={16} />
            </TipIcon>
          </Group>
          <Button
            size="xs"
            variant={dirty ? 'filled' : 'light'}
            disabled={!dirty}
            leftSection={<IconDeviceFloppy size={14} />}
            onClick={save}
            data-testid="photo-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A small icon button named by its tooltip (and, for screen readers, its label). */
function TipIcon({
  label,
  color,
  disabled,
  onClick,
  testId,
  children,
}: {
  label: string;
  color?: string;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={color}
        disabled={disabled}
        onClick={onClick}
        aria-label={label}
        data-testid={testId}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
