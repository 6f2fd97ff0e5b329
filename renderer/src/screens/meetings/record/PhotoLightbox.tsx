import { Image, Modal, Stack, Text } from '@mantine/core';
import { photoUrl, type PhotoWithFile } from '../../../../../contract/photoContract';

/** The full picture with its caption, credit and the people in it. */
export function PhotoLightbox({ photo, onClose }: { photo: PhotoWithFile; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} size="auto" centered>
      <Stack gap="xs" data-testid="lightbox">
        <Image src={photoUrl(photo.fileHash)} alt={photo.caption} mah="75vh" maw="90vw" fit="contain" />
        {photo.caption && <Text size="sm">{photo.caption}</Text>}
        {photo.credit && (
          <Text size="xs" c="dimmed" ta="right">
            {photo.credit}
          </Text>
        )}
        {photo.people.length > 0 && (
          <Text size="xs">
            {photo.people.map((p) => [p.rank, p.fullName].filter(Boolean).join(' ')).join(', ')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
