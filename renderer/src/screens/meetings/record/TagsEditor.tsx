import { useState } from 'react';
import { TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useRecordWrite } from './useRecordWrite';

interface Props {
  meetingId: string;
  version: number;
  onVersion: (v: number) => void;
  readOnly: boolean;
  /** The meeting's tags as stored when the editor opened (it keeps its own copy from then on). */
  tags: string[];
}

/** Thẻ: free labels for finding meetings later; suggestions come from the tags already in use. */
export function TagsEditor({ meetingId, version, onVersion, readOnly, tags }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(tags);
  const [search, setSearch] = useState('');
  const suggestions = useApiQuery('tags/list', { query: search });
  const write = useRecordWrite(version, onVersion);

  async function change(names: string[]) {
    setValue(names);
    const done = await write.run((v) => call('tags/set', { meetingId, version: v, names }));
    if (done) setValue(done.tags.map((tag) => tag.name));
  }

  return (
    <>
      <TagsInput
        label={t('documents.tags')}
        description={readOnly ? undefined : t('documents.tagsHint')}
        placeholder={readOnly ? undefined : t('documents.tagsPlaceholder')}
        data={(suggestions.data ?? []).map((tag) => tag.name)}
        value={value}
        onChange={(names) => void change(names)}
        searchValue={search}
        onSearchChange={setSearch}
        maxTags={50}
        clearable={!readOnly}
        readOnly={readOnly}
        data-testid="tags-input"
      />
      {write.error && (
        <ErrorAlert error={write.error} title={t('errors.saveFailed')} onClose={write.clearError} />
      )}
    </>
  );
}
