-- hoso's own ranked index (DESIGN.md §4, db/search/rankedIndex.ts): postings per folded word in blocks
-- with score bounds (the main segment), recent documents as forward lists (the tail), exact statistics
-- over live documents. It replaces FTS5's folded index (search_fts) for matching and ranking; the
-- marked index (search_marked) stays. The index is emptied here; opening the archive builds it again
-- from the tables (db/open.ts), after the backup every migration takes.
CREATE TABLE `search_postings` (
	`term` text PRIMARY KEY NOT NULL,
	`docs` blob NOT NULL,
	`positions` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_tail` (
	`docid` integer PRIMARY KEY NOT NULL,
	`length` integer NOT NULL,
	`terms` blob NOT NULL
);
--> statement-breakpoint
-- next_docid (docids are never reused: a dead one may still be in the main segment), generation (bumped
-- by every build and merge), main_documents.
CREATE TABLE `search_index_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `search_docs` ADD `length` integer NOT NULL DEFAULT 0;
--> statement-breakpoint
DELETE FROM `search_docs`;
--> statement-breakpoint
DROP TABLE `search_fts`;
--> statement-breakpoint
INSERT INTO `search_marked` (`search_marked`) VALUES ('delete-all');
