import type { ComponentType } from 'react';
import {
  IconChecklist,
  IconFileDescription,
  IconFileText,
  IconHeading,
  IconMapPin,
  IconPhoto,
  IconTag,
  IconUsers,
} from '@tabler/icons-react';
import type { SearchRow } from './useSearch';

export type SnippetField = SearchRow['snippet']['field'];

/** Where in the record a snippet came from, as an icon next to its name ("Kết luận", "Chú thích ảnh"…). */
export const FIELD_ICONS: Record<SnippetField, ComponentType<{ size?: number; stroke?: number }>> = {
  title: IconHeading,
  conclusions: IconChecklist,
  minutes: IconFileText,
  captions: IconPhoto,
  people: IconUsers,
  place: IconMapPin,
  docs: IconFileDescription,
  tags: IconTag,
};
