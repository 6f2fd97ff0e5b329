-- The marked index leaves FTS5: search_marked (an FTS5 table, detail=none) becomes hoso's own lists of
-- docids per marked form (db/search/markedLists.ts), with the same main segment and tail as the ranked
-- index (the tail's forms in search_tail.marked). The index also holds the dictionary's phrases as terms
-- (db/search/indexedPhrases.ts). It is emptied here; opening the archive builds it again from the tables
-- (db/open.ts), after the backup every migration takes.
CREATE TABLE `search_marked_lists` (
	`form` text PRIMARY KEY NOT NULL,
	`docs` blob NOT NULL
);
--> statement-breakpoint
ALTER TABLE `search_tail` ADD `marked` text NOT NULL DEFAULT '';
--> statement-breakpoint
DELETE FROM `search_tail`;
--> statement-breakpoint
DELETE FROM `search_postings`;
--> statement-breakpoint
DELETE FROM `search_docs`;
--> statement-breakpoint
DELETE FROM `search_index_state`;
--> statement-breakpoint
DROP TABLE `search_marked`;
