DROP INDEX `meetings_date_idx`;--> statement-breakpoint
DROP INDEX `meetings_kind_date_idx`;--> statement-breakpoint
DROP INDEX `meetings_title_sort_idx`;--> statement-breakpoint
CREATE INDEX `meetings_list_date_idx` ON `meetings` (`deleted_at`,`meeting_date`,`start_time`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_list_kind_date_idx` ON `meetings` (`deleted_at`,`kind`,`meeting_date`,`start_time`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_list_title_idx` ON `meetings` (`deleted_at`,`title_sort`,`id`);