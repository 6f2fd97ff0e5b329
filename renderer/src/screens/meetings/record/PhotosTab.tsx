import { useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../contract/errors';
import { hasPicture, PHOTO_MAX_BYTES, type Photo, type PhotoWithFile } from '../../../../../contract/photoContract';
import type { AttendanceRow } from '../../../../../contract/recordContract';
import { call, toErrorPayload } from '../../../api/client';
import { useErrorText } from '../../../api/useErrorText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { ConfirmModal } from './ConfirmModal';
import { PhotoCard, type PhotoFields } from './PhotoCard';
import { PhotoDrop } from './PhotoDrop';
import { PhotoLightbox } from './PhotoLightbox';
import { RecordError } from './RecordError';
import type { RecordTabProps } from './tabs';

interface Upload {
  key: number;
  name: string;
  state: 'waiting' | 'done' | 'failed';
  message: string;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * "Ảnh": the meeting's album. Writes run one after another, each with the version the previous one
 * answered (adding three photos is three calls), so a caption saved on blur never races another write.
 */
export function PhotosTab({ meetingId, version, onVersion, readOnly }: RecordTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [attendees, setAttendees] = useState<AttendanceRow[]>([]);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [writeError, setWriteError] = useState<ErrorPayload | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [open, setOpen] = useState<PhotoWithFile | null>(null);
  const [removing, setRemoving] = useState<Photo | null>(null);
  const [reloads, setReloads] = useState(0);
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const uploadKey = useRef(0);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('photos/list', { meetingId }),
      call('attendance/list', { meetingId, order: 'protocol' }),
    ]).then(
      ([p, a]) => {
        if (!live) return;
        setPhotos(p.photos);
        setAttendees(a.rows);
        setLoadError(null);
        versionRef.current = p.meetingVersion;
        onVersion(p.meetingVersion);
      },
      (e: unknown) => {
        if (live) setLoadError(toErrorPayload(e));
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, reloads, onVersion]);

  const reload = useCallback(() => {
    setWriteError(null);
    setReloads((n) => n + 1);
  }, []);

  /** Queues a write; it gets the current version and returns the new one. Resolves false on failure. */
  function write(run: (v: number) => Promise<number>): Promise<boolean> {
    const next = queue.current.then(async () => {
      try {
        const v = await run(versionRef.current);
        versionRef.current = v;
        onVersion(v);
        return true;
      } catch (e) {
        const err = toErrorPayload(e);
        if (err.code === 'VERSION_CONFLICT' || err.code === 'MEETING_FINALIZED') setWriteError(err);
        throw e;
      }
    });
    queue.current = next.catch(() => undefined);
    return next;
  }

  const replace = (photo: Photo) =>
    setPhotos((cur) => cur?.map((p) => (p.id === photo.id ? photo : p)) ?? cur);

  /** Sends one picture file (checked here first), its progress and outcome in the uploads list. */
  function upload(file: File, send: (version: number, dataBase64: string) => Promise<number>) {
    const key = ++uploadKey.current;
    const set = (state: Upload['state'], message = '') =>
      setUploads((cur) => cur.map((u) => (u.key === key ? { ...u, state, message } : u)));
    setUploads((cur) => [...cur, { key, name: file.name, state: 'waiting', message: '' }]);
    if (file.type && !file.type.startsWith('image/')) return set('failed', t('photos.notImage', { file: file.name }));
    if (file.size > PHOTO_MAX_BYTES) return set('failed', t('photos.tooLarge', { file: file.name }));
    write(async (v) => send(v, await readDataUrl(file))).then(
      () => set('done'),
      (e: unknown) => set('failed', `${file.name}: ${errorText(toErrorPayload(e))}`),
    );
  }

  function addFiles(files: File[]) {
    for (const file of files)
      upload(file, async (version, dataBase64) => {
        const r = await call('photos/add', { meetingId, version, fileName: file.name, dataBase64, caption: '', credit: '' });
        setPhotos((cur) => [...(cur ?? []), r.photo]);
        return r.meetingVersion;
      });
  }

  /** The picture for a card that waits for it: caption, credit and people stay. */
  function attach(photo: Photo, file: File) {
    upload(file, async (version, dataBase64) => {
      const r = await call('photos/attach', { id: photo.id, version, fileName: file.name, dataBase64 });
      replace(r.photo);
      return r.meetingVersion;
    });
  }

  const report = (e: unknown) => {
    const err = toErrorPayload(e);
    if (err.code !== 'VERSION_CONFLICT' && err.code !== 'MEETING_FINALIZED') setWriteError(err);
  };

  function save(photo: Photo, fields: PhotoFields) {
    write(async (v) => {
      const r = await call('photos/update', { id: photo.id, version: v, fields });
      replace(r.photo);
      return r.meetingVersion;
    }).catch(report);
  }

  function setPeople(photo: Photo, personIds: string[]) {
    write(async (v) => {
      const r = await call('photos/set-people', { id: photo.id, version: v, personIds });
      replace(r.photo);
      return r.meetingVersion;
    }).catch(report);
  }

  function move(index: number, delta: -1 | 1) {
    if (!photos) return;
    const ids = photos.map((p) => p.id);
    const j = index + delta;
    [ids[index], ids[j]] = [ids[j]!, ids[index]!];
    write(async (v) => {
      const r = await call('photos/reorder', { meetingId, version: v, photoIds: ids });
      setPhotos(r.photos);
      return r.meetingVersion;
    }).catch(report);
  }

  function remove(photo: Photo) {
    setRemoving(null);
    write(async (v) => {
      const r = await call('photos/remove', { id: photo.id, version: v });
      setPhotos(r.photos);
      return r.meetingVersion;
    }).catch(report);
  }

  if (loadError && !photos)
    return <ErrorAlert error={loadError} title={t('errors.loadFailed')} onAction={reload} />;
  if (!photos) return <LoadingState />;

  const people = attendees.map((a) => ({
    value: a.personId,
    label: [a.rank, a.fullName].filter(Boolean).join(' '),
  }));
  const uploading = uploads.some((u) => u.state === 'waiting');
  const waiting = photos.filter((p) => !hasPicture(p)).length;

  return (
    <Stack gap="md">
      {writeError && <RecordError error={writeError} onReload={reload} onClose={() => setWriteError(null)} />}
      {!readOnly && <PhotoDrop onFiles={addFiles} busy={uploading} />}
      {uploads.length > 0 && (
        <List size="sm" spacing={2} data-testid="photos-uploads">
          {uploads.map((u) => (
            <List.Item key={u.key} data-testid="photo-upload" data-state={u.state}>
              <Group gap={6}>
                <Badge
                  size="sm"
                  variant="light"
                  color={u.state === 'failed' ? 'red' : u.state === 'done' ? 'teal' : 'blue'}
                >
                  {u.state === 'waiting'
                    ? t('photos.uploading')
                    : u.state === 'done'
                      ? t('photos.uploaded')
                      : t('photos.failed')}
                </Badge>
                <Text size="sm" c={u.state === 'failed' ? 'red.8' : undefined}>
                  {u.state === 'failed' ? u.message : u.name}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" c="dimmed">
        {photos.length === 0
          ? t('photos.empty')
          : waiting > 0
            ? t('photos.countWaiting', { n: photos.length, waiting })
            : t('photos.count', { n: photos.length })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, lg: 4 }}>
        {photos.map((p, i) => (
          <PhotoCard
            key={p.id}
            photo={p}
            index={i}
            count={photos.length}
            readOnly={readOnly}
            attendees={people}
            onOpen={() => hasPicture(p) && setOpen(p)}
            onSave={(f) => save(p, f)}
            onPeople={(ids) => setPeople(p, ids)}
            onMove={(d) => move(i, d)}
            onRemove={() => setRemoving(p)}
            onAttach={(file) => attach(p, file)}
          />
        ))}
      </SimpleGrid>
      {open && <PhotoLightbox photo={open} onClose={() => setOpen(null)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('photos.removeTitle')}
        text={t('photos.removeText')}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove(removing)}
      />
    </Stack>
  );
}
