/**
 * Messages of search below the UI (a query refused, what a query was read as), Vietnamese and English,
 * spread into the catalogs vi.ts and en.ts (test/unit/messages.test.ts checks both agree).
 */
import type { CatalogShape } from './keys';

export const searchVi = {} as const;

export const searchEn: CatalogShape<typeof searchVi> = {};
