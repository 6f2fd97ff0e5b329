-- Full-text search (DESIGN.md §4). Maintained by db/search/indexer.ts inside the same transaction as
-- every write; `hoso rebuild-index` rebuilds it from the tables.
-- One row per live meeting; docid is the rowid of both FTS tables.
CREATE TABLE `search_docs` (
	`docid` integer PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL UNIQUE REFERENCES `meetings`(`id`) ON DELETE CASCADE,
	`meeting_date` text,
	`kind` text NOT NULL,
	`kind_folded` text NOT NULL,
	-- SHA-256 of the text indexed for this meeting: the index check recomputes it from the tables.
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_docs_date_idx` ON `search_docs` (`meeting_date`);
--> statement-breakpoint
-- Folded text (no marks, đ→d, lower case) per field: matching, phrases, prefixes, bm25 ranking.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, conclusions, minutes, captions, people, place, docs, tags,
	content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail=full
);
--> statement-breakpoint
-- Every word with its marks, tone encoded as a digit (hòa = hoà → "hoa1"): terms typed with marks must
-- match these exactly. Token presence only (detail=none), which keeps it small.
CREATE VIRTUAL TABLE `search_marked` USING fts5(
	body,
	content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail=none
);
