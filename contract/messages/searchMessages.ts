/**
 * Messages of search below the UI (a query refused, what a query was read as), Vietnamese and English,
 * spread into the catalogs vi.ts and en.ts (test/unit/messages.test.ts checks both agree).
 */
import type { CatalogShape } from './keys';

export const searchVi = {
  /**
   * What follows SEARCH_QUERY_TOO_COMPLEX or INVALID_INPUT when a query is refused (db/search/query.ts
   * names the limits and says why each is what it is).
   */
  searchLimit: {
    tooLong: 'Câu tìm kiếm dài {{length}} ký tự; tối đa {{max}} ký tự.',
    tooManyTerms: 'Câu tìm kiếm có {{count}} từ hoặc cụm từ khác nhau; tối đa {{max}}.',
    tooManyAlternatives: 'Một nhóm "OR" có {{count}} lựa chọn khác nhau; tối đa {{max}}.',
    phraseTooLong: 'Một cụm từ có {{count}} từ; tối đa {{max}} từ trong một cụm.',
    tooManyPrefixes: 'Câu tìm kiếm có {{count}} từ tìm theo tiền tố (kết thúc bằng *); tối đa {{max}}.',
    prefixTooBroad: 'Tiền tố "{{prefix}}*" ứng với hơn {{max}} từ trong kho; hãy gõ thêm vài chữ cái.',
  },
} as const;

export const searchEn: CatalogShape<typeof searchVi> = {
  searchLimit: {
    tooLong: 'The search is {{length}} characters long; at most {{max}}.',
    tooManyTerms: 'The search has {{count}} different words or phrases; at most {{max}}.',
    tooManyAlternatives: 'One "OR" group has {{count}} different alternatives; at most {{max}}.',
    phraseTooLong: 'A phrase has {{count}} words; at most {{max}} words in one phrase.',
    tooManyPrefixes: 'The search has {{count}} prefix words (ending in *); at most {{max}}.',
    prefixTooBroad: 'The prefix "{{prefix}}*" stands for more than {{max}} words of the archive; type a few more letters.',
  },
};
