CREATE TABLE `__new_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`file_hash` text,
	`mime` text NOT NULL,
	`byte_size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`caption` text DEFAULT '' NOT NULL,
	`credit` text DEFAULT '' NOT NULL,
	`taken_at` integer,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_photos`("id", "meeting_id", "file_hash", "mime", "byte_size", "width", "height", "caption", "credit", "taken_at", "position", "created_at", "updated_at") SELECT "id", "meeting_id", "file_hash", "mime", "byte_size", "width", "height", "caption", "credit", "taken_at", "position", "created_at", "updated_at" FROM `photos`;--> statement-breakpoint
DROP TABLE `photos`;--> statement-breakpoint
ALTER TABLE `__new_photos` RENAME TO `photos`;--> statement-breakpoint
CREATE INDEX `photos_meeting_idx` ON `photos` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `photos_hash_idx` ON `photos` (`file_hash`);