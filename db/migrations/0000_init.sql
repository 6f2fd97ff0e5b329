CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`title_sort` text NOT NULL,
	`kind` text NOT NULL,
	`meeting_date` text,
	`start_time` text,
	`end_time` text,
	`location` text DEFAULT '' NOT NULL,
	`organizer` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`secrecy` text DEFAULT 'thuong' NOT NULL,
	`minutes_html` text DEFAULT '' NOT NULL,
	`minutes_text` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`seal_hash` text,
	`sealed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `meetings_date_idx` ON `meetings` (`deleted_at`,`meeting_date`);--> statement-breakpoint
CREATE INDEX `meetings_kind_date_idx` ON `meetings` (`deleted_at`,`kind`,`meeting_date`);--> statement-breakpoint
CREATE INDEX `meetings_title_sort_idx` ON `meetings` (`deleted_at`,`title_sort`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`name_sort` text NOT NULL,
	`name_folded` text NOT NULL,
	`rank` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `people_name_sort_idx` ON `people` (`deleted_at`,`name_sort`);--> statement-breakpoint
CREATE INDEX `people_name_folded_idx` ON `people` (`name_folded`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text DEFAULT 'dai_bieu' NOT NULL,
	`rank` text DEFAULT '' NOT NULL,
	`titles` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'co_mat' NOT NULL,
	`absence_reason` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person_uq` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `attendance_person_idx` ON `attendance` (`person_id`);--> statement-breakpoint
CREATE TABLE `photo_people` (
	`photo_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`photo_id`, `person_id`),
	FOREIGN KEY (`photo_id`) REFERENCES `photos`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `photos` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`file_hash` text NOT NULL,
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
CREATE INDEX `photos_meeting_idx` ON `photos` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `photos_hash_idx` ON `photos` (`file_hash`);--> statement-breakpoint
CREATE TABLE `conclusions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`is_task` integer DEFAULT false NOT NULL,
	`assignee_person_id` text,
	`assignee_unit` text DEFAULT '' NOT NULL,
	`deadline` text,
	`task_status` text,
	`done_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `conclusions_meeting_idx` ON `conclusions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `conclusions_task_idx` ON `conclusions` (`is_task`,`task_status`,`deadline`);--> statement-breakpoint
CREATE TABLE `document_refs` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`number` text NOT NULL,
	`doc_type` text DEFAULT '' NOT NULL,
	`issued_on` text,
	`issuer` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_refs_meeting_idx` ON `document_refs` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `document_refs_number_idx` ON `document_refs` (`number`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text,
	`register_entry_id` text,
	`template` text NOT NULL,
	`variant` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`place_name` text DEFAULT '' NOT NULL,
	`issued_on` text,
	`signer_authority` text DEFAULT '' NOT NULL,
	`signer_title` text DEFAULT '' NOT NULL,
	`signer_name` text DEFAULT '' NOT NULL,
	`recipients` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`register_entry_id`) REFERENCES `register_entries`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `notices_meeting_idx` ON `notices` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `register_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`agency_code` text NOT NULL,
	`year` integer NOT NULL,
	`doc_type` text NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`issued_on` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`meeting_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `register_entries_seq_uq` ON `register_entries` (`agency_code`,`year`,`doc_type`,`seq`);--> statement-breakpoint
CREATE TABLE `meeting_tags` (
	`meeting_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `tag_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_tags_tag_idx` ON `meeting_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_folded_uq` ON `tags` (`name_folded`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
