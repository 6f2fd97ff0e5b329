/**
 * English: every key of vi.ts, worded for the English UI (typed against vi.ts; test/unit/messages.test.ts
 * checks that no key is missing or empty and that the placeholders agree).
 */
import type { CatalogShape } from './keys';
import type { vi } from './vi';
import { archiveEn } from './archiveMessages';
import { recordEn } from './recordMessages';
import { searchEn } from './searchMessages';
import { historyLogEn } from './historyMessages';

export const en: CatalogShape<typeof vi> = {
  ...recordEn,
  ...archiveEn,
  ...searchEn,
  ...historyLogEn,
  errors: {
    ARCHIVE_NOT_SQLITE:
      'This file is not a valid archive (not an SQLite database). It was left untouched; pick the right archive file or restore the latest backup.',
    ARCHIVE_NOT_FOUND: 'The archive file was not found. Check the path (--db option or HOSO_DB variable).',
    ARCHIVE_NOT_HOSO:
      'This database belongs to another program, not to Hồ sơ Hội nghị. It was left untouched.',
    ARCHIVE_CORRUPT:
      'The archive is damaged and cannot be opened safely. Nothing was overwritten; restore the latest backup.',
    ARCHIVE_TOO_NEW:
      'This archive was written by a newer version of Hồ sơ Hội nghị. Update the program before opening it; the file was left untouched.',
    ARCHIVE_LOCKED: 'The archive is in use by another program. Close it and try again.',
    ARCHIVE_UNWRITABLE:
      'The archive folder cannot be written (read-only or no permission). Choose another folder.',
    DISK_FULL:
      'The disk holding the archive is full, so this change was not saved. Everything saved before is intact; free some disk space and save again.',
    ARCHIVE_DISK_FULL:
      'The disk holding the archive is full, so the archive cannot be opened. The archive is not damaged and was left untouched; free some disk space and open it again.',
    MIGRATION_FAILED:
      'The archive could not be upgraded. The old archive is unchanged and was backed up before the upgrade.',
    BACKUP_FAILED: 'The backup failed its check. Check the free disk space and try again.',
    INVALID_INPUT: 'The input is not valid.',
    UNKNOWN_CHANNEL: 'This request is not supported.',
    NOT_FOUND: 'This record was not found (it may have been deleted or moved to the trash).',
    VERSION_CONFLICT:
      'This record was just changed in another window. Reload to see the latest version before saving, so no change is overwritten.',
    MEETING_FINALIZED: 'This record is finalized and cannot be edited directly. Use a correction instead.',
    MEETING_NOT_FINALIZED: 'This record is not finalized, so no correction is needed: edit it directly.',
    NOT_IN_TRASH: 'This record is not in the trash (it may have been restored in another window).',
    PERSON_IN_USE:
      'Not deleted: this person is still in meeting records (attendance, people in a photo or a task’s assignee). Only a person no meeting uses can be deleted.',
    PERSON_MERGE_TRASHED:
      'Not merged: the duplicate is still in records that are in the trash. Restore those records (or edit them), then merge again; nothing was changed.',
    PERSON_MERGE_TOO_MANY:
      'Not merged: the duplicate is in too many meetings (at most 5,000 meetings in one merge). Nothing was changed.',
    DUPLICATE_ATTENDEE: 'This person is already on the attendance list of this meeting; not added again.',
    ATTENDANCE_TOO_MANY:
      'The list is too long: at most 1,000 people at a time. Nothing was saved; split the list into several parts.',
    ORDER_MISMATCH:
      'The order sent does not match the current list (it may have just been changed in another window). Reload and reorder again.',
    DUPLICATE_DOCUMENT: 'A document with this number is already listed for this meeting.',
    VERSION_NOT_RESTORABLE:
      'This history entry holds no meeting details to restore (only the creation or an edit of the meeting details can be restored).',
    FORBIDDEN: 'The request was refused because it did not come from the application itself.',
    PAYLOAD_TOO_LARGE:
      'The data sent is too large for this action (its limit is at the end of this message). Nothing was saved; split the content and try again.',
    PHOTO_NOT_IMAGE:
      'This file is not an image, or the image is damaged and cannot be read. Nothing was saved; choose a JPEG, PNG or WebP image.',
    PHOTO_TOO_LARGE:
      'The photo is too large (40 MB at most per photo). Nothing was saved; make the file smaller (export it at a lower quality or size) and add it again.',
    PHOTO_FORMAT_UNSUPPORTED:
      'This image format is not supported. Nothing was saved; save the picture as JPEG, PNG or WebP (e.g. open it in Paint or Photos and save as JPEG) and add it again.',
    PHOTO_HEIC_UNSUPPORTED:
      'HEIC photos (taken on an iPhone or iPad) cannot be read on this PC. Nothing was saved; convert the photo to JPEG: on the iPhone, Settings > Camera > Formats > "Most Compatible", or Settings > Photos > Transfer to Mac or PC > Automatic when copying, or open it in the Photos app on the PC and export (save as) JPEG.',
    PHOTO_DUPLICATE: 'This photo is already in the meeting record, so it was not added again.',
    PHOTO_HAS_FILE:
      'This photo card already has its picture, so nothing was attached. To change the picture, remove the card and add the new photo.',
    PHOTO_PERSON_NOT_ATTENDEE:
      'Only people on this meeting’s attendance list can be tagged in its photos. Add the person to the attendance list first.',
    MEETING_JSON_INVALID:
      'A meeting file (JSON) in the archive bag cannot be read or lacks required fields. Nothing was imported; export the bag again on the source PC.',
    MEETING_JSON_UNSUPPORTED:
      'This archive bag uses the meeting format of a newer version of Hồ sơ Hội nghị. Nothing was imported; update the program and merge again.',
    MERGE_BAG_INVALID:
      'The archive bag is invalid or was altered (SHA-256 check failed). Nothing was imported; copy the bag again or export it again on the source PC.',
    MERGE_PREVIEW_STALE:
      'The archive or the bag changed since the preview. Nothing was imported; preview again and choose again.',
    RESTORE_REFUSED:
      'This backup cannot be restored (damaged, not a Hồ sơ Hội nghị archive, or from a newer version). The current archive was left untouched.',
    SCRATCH_NO_SPACE:
      'There is not enough free disk space to copy the file locally for checking (a file on a write-protected stick, a CD or a second disk is copied to this PC first). Nothing was changed; free some disk space and try again.',
    BACKUP_DIR_UNWRITABLE:
      'The backup folder cannot be written (read-only or no permission: a write-protected stick, a CD, a share without rights). No backup was written and the archive is untouched; unlock the stick or choose another folder in Import from USB → Backups of the archive. Backups there can still be checked and restored.',
    BACKUP_DIR_NOT_ANSWERING:
      'The backup disk or folder does not answer (a stick pulled out or faulty, a network drive not connected). Nothing was written; plug it in again or choose another folder.',
    BACKUP_DIR_IS_ARCHIVE_FOLDER:
      'Do not keep backups in the very folder that holds the archive: a failed disk or a folder deleted by mistake would take the archive and its backups at once. Choose another folder, best on another disk or a USB stick (e.g. D:\\Backups), or leave it empty for the default “backups” folder.',
    BACKUP_DIR_NO_SPACE:
      'The backup folder has not enough free space for one backup of the archive as it is now. Nothing was written; free some space or choose a folder on another disk or stick.',
    ARCHIVE_MOVE_SAME_PLACE:
      'The archive is already in this folder. Choose another folder (e.g. on drive D: or another disk).',
    ARCHIVE_MOVE_TARGET_EXISTS:
      'This folder already holds an archive (or a photos folder), which is never copied over. Nothing was changed; choose another, empty folder.',
    ARCHIVE_MOVE_NO_SPACE:
      'This folder has not enough free space for the archive and its photos. Nothing was written; free some space or choose another disk.',
    ARCHIVE_MOVE_UNWRITABLE:
      'This folder cannot be written (read-only, no permission, a write-protected stick, a CD). Nothing was changed; choose another folder.',
    ARCHIVE_MOVE_FAILED:
      'The archive was not moved: copying or checking the copy failed (a full disk, a stick pulled out…). The partial copy was removed; the current archive is intact and still in use.',
    ARCHIVE_MOVE_UNAVAILABLE:
      'Run this way, the program cannot record where the archive is for the next start. Move it from the desktop app, or ask your IT officer to set HOSO_DB.',
    ARCHIVE_MOVE_RELATIVE:
      'The archive’s new place must be a full path (e.g. D:\\HoSo on Windows, /media/usb/ho-so on Linux). Nothing was changed.',
    ARCHIVE_MOVING: 'The archive is being moved to its new place. Wait until the copy is made and checked, then go on.',
    ARCHIVE_MOVED:
      'The archive was copied to its new place. Close and reopen the program to go on working with it there; the copy in the old place takes no more changes.',
    ARCHIVE_LOCATION_MISSING:
      'The archive was not found where it was moved to (the disk or stick is not plugged in, or the folder was renamed). No new archive was created. Plug the disk in and reopen the program; to go back to the archive in its old place, ask your IT officer to delete location.json in the app’s data folder.',
    BACKUP_DIR_RELATIVE:
      'The backup folder must be a full path (e.g. D:\\Backups on Windows, /media/usb/backups on Linux), not a bare folder name. Nothing was written; choose the folder again in Import from USB → Backups of the archive.',
    REGISTER_NO_AGENCY_CODE:
      'No agency abbreviation for document numbers yet (e.g. UBND, TU). Enter it in Settings and take the number again; no number was issued.',
    REPORT_NOTHING_TO_PRINT: 'There is nothing to print.',
    PDF_UNAVAILABLE:
      'The PDF cannot be made because Chromium is not installed on this PC. Use Print (choose "Save as PDF"), or save as HTML/DOCX.',
    PDF_BUSY:
      'Many PDFs are already waiting to be made. Wait for those to finish, then try again; nothing was left half-made.',
    REPORT_OUTPUT_FAILED:
      'The output file could not be written (disk full, read-only folder or no permission). No partial file was left; choose another place.',
    IMPORT_DOC_UNSUPPORTED:
      'A .doc file (Word 97–2003) cannot be read directly. Open it in Word or LibreOffice, Save As "Word Document (*.docx)", then import the .docx.',
    IMPORT_PDF_NO_TEXT:
      'This PDF is a scanned image: its pages hold only pictures, no text to read. Hồ sơ Hội nghị cannot recognise text in images yet (no OCR). Import the original Word file (.docx) if there is one, or type the text and paste it into the paste box.',
    IMPORT_PDF_ENCRYPTED:
      'This PDF is password-protected and cannot be read. Open it in a PDF reader with the password, print it to a PDF without a password (Save as PDF) and import that, or use the original Word file.',
    IMPORT_PDF_BROKEN:
      'This PDF is damaged or not a PDF and cannot be read (it may have been downloaded or copied only in part). Get the original file again, or open it in a PDF reader, select all text (Ctrl+A), copy it and paste it into the paste box.',
    IMPORT_PDF_TOO_LONG:
      'This PDF is too long to import at once (at most 300 pages). Put each meeting’s part in a smaller file and import those.',
    IMPORT_FORMAT_UNSUPPORTED:
      'This kind of file cannot be imported. Hồ sơ Hội nghị reads .txt, .md, .html, .docx and PDFs with text; save the document in one of those formats.',
    IMPORT_DOCX_BROKEN:
      'The .docx file is damaged or not a Word document. Open it in Word, save it as a new file and try again.',
    IMPORT_NOT_TEXT:
      'This file is not text (maybe a picture or a program). Choose the report or minutes file.',
    IMPORT_EMPTY: 'Nothing to import: the text is empty.',
    IMPORT_TOO_LARGE:
      'The text is too large to import at once (at most 2 million characters, files up to 50 MB). Split it into several files, one meeting each.',
    EXPORT_DEST_INVALID:
      'The destination folder cannot be written (missing, not a folder, read-only or no permission). Plug in the USB stick and choose the right folder.',
    EXPORT_DEST_FULL:
      'The USB stick (destination) does not have enough free space. No partial archive was left; free some space, use another stick, or export fewer meetings.',
    EXPORT_DEST_GONE:
      'The USB stick was lost while writing (pulled out or failing). The archive is incomplete and NOT usable; the archive on this PC is unaffected. Plug the stick back in and export again; any leftover folder ending in .partial can be deleted.',
    EXPORT_SOURCE_DAMAGED:
      'The archive on this PC is damaged in places, so it cannot be exported. No archive was written to the stick. Open Settings → Archive health, run the full check, and restore the latest backup if needed.',
    EXPORT_FILE_TOO_LARGE:
      'A file is larger than 4 GB, which a FAT32 USB stick cannot hold. Nothing was written; format the stick as exFAT or NTFS, or export fewer meetings (unencrypted, each photo is its own file).',
    EXPORT_NEEDS_ENCRYPTION:
      'The selection contains records classified Mật (secret) or above: the archive must be encrypted with a passphrase. Nothing was written; choose Encrypt and enter a passphrase.',
    EXPORT_EMPTY:
      'No meeting matches the selection, so there is nothing to export. Check the date range or tag.',
    EXPORT_CANCELLED:
      'The export was cancelled. What was partly written on the USB stick was removed; no incomplete archive carries a finished name.',
    EXPORT_VERIFY_FAILED:
      'Reading back from the USB stick found data that does not match what was written: the stick may be failing. This archive is NOT usable and was removed; try another stick.',
    PASSPHRASE_REQUIRED:
      'A passphrase is needed to encrypt, or to open an encrypted archive (.tar.age file).',
    PASSPHRASE_WRONG:
      'Wrong passphrase: this encrypted archive cannot be opened. Check the passphrase (upper/lower case and accents matter).',
    ENCRYPTED_NOT_AGE: 'This file is not an encrypted Hồ sơ Hội nghị archive (age format).',
    BAG_NOT_FOUND:
      'No archive was found at this path. Check that the USB stick is plugged in and the path is right.',
    BAG_INVALID: 'The archive is invalid or has been altered, so it cannot be used.',
    MERGE_CANCELLED:
      'The merge of the archive bag was cancelled. The archive is exactly as it was before: no record, photo or log entry was half-written.',
    ARCHIVE_BUSY:
      'The archive is busy with a long write (merging a bag from a USB stick, or an import or a backup under way), so this change cannot be saved just now. Nothing was saved; wait until that ends (a USB merge can be cancelled on the USB import screen), then try again. Meanwhile, viewing and searching work as usual.',
    JOB_NOT_FOUND: 'This job was not found (the application may have been restarted).',
    APP_LOCKED: 'The application is locked. Enter the password to unlock it.',
    LOCK_WRONG_PASSWORD: 'Wrong password. Type it again (mind upper/lower case and the Vietnamese keyboard).',
    LOCK_WAIT: 'Too many wrong attempts: wait before trying again.',
    LOCK_WRONG_RECOVERY_CODE:
      'Wrong recovery code. Check the code written down when the password was set (each code works only once).',
    LOCK_NOT_SET: 'No application lock password is set.',
    COMPRESSED_ABNORMALLY:
      'The file is abnormally compressed: it unpacks to far more than any real document, photo or archive, so hoso stopped reading it to protect this computer. Nothing was saved; if the file came from an office, open it in Word or its own program, save it as a new file and try again.',
    PHOTO_TOO_MANY_PIXELS:
      'The photo has too many pixels to read safely (at most 100 million, about 12,000 × 8,000). Nothing was saved; make the photo smaller and add it again.',
    SEARCH_QUERY_TOO_COMPLEX:
      'The search is too long or too complex (too many words, ORs or too long a phrase). Shorten it: choose a few telling words, or use the date, kind and tag filters.',
    MERGE_RECORD_INVALID:
      'The archive bag holds a record that is not valid (missing or wrong information, too long, or a seal that does not match its content). Nothing was imported; export the bag again from the original computer.',
    FILE_NOT_FOUND:
      'This file or folder was not found (it may have been deleted, renamed, or the USB stick removed). Check and choose it again.',
    PORT_IN_USE:
      'This local network port is used by another program. Choose another port (--port) or leave the option out so hoso picks a free one.',
    INTERNAL:
      'An unexpected error occurred. Saved data is not affected; try again and report it if it persists.',
  },
  detail: {
    literal: '({{text}})',
    text: '{{text}}',
    withDetail: '{{error}} {{detail}}',
  },
  importPdf: {
    pagesWithoutText:
      '{{n}} pages of the PDF hold only pictures (scanned), no text, and were not read; compare with the original and add what those pages say.',
    textRepaired:
      'The text looks copied out of a PDF (letter-spaced words, page numbers, lines broken mid-sentence, words run together); it was rejoined and split again: compare with the original.',
  },
  field: {
    input: 'The input',
    meetingTitle: 'Meeting title',
    kind: 'Meeting kind',
    meetingDate: 'Meeting date',
    startTime: 'Start time',
    endTime: 'End time',
    location: 'Location',
    organizer: 'Organizing body',
    minutes: 'Content',
    secrecy: 'Classification',
    fullName: 'Full name',
    rank: 'Rank',
    personTitle: 'Title',
    titles: 'Titles',
    unit: 'Unit',
    notes: 'Notes',
    absenceReason: 'Reason for absence',
    role: 'Role',
    status: 'Status',
    parentAgency: 'Parent agency',
    issuingAgency: 'Issuing agency',
    agencyCode: 'Agency abbreviation',
    placeName: 'Place name',
    signerAuthority: 'Signing authority',
    signerTitle: "Signer's title",
    signerName: "Signer's name",
    clerkName: 'User name',
    abbreviation: 'Abbreviation',
    abbreviationMeaning: 'Full form of the abbreviation',
    backupDir: 'Backup folder',
    query: 'Search query',
    savedSearchName: 'Saved search name',
    dialogTitle: 'Folder dialog title',
    conclusionText: 'Conclusion text',
    assignee: 'Assignee',
    assigneeUnit: 'Responsible unit',
    deadline: 'Deadline',
    docType: 'Document type',
    issuer: 'Issuer',
    summary: 'Summary',
    issuedOn: 'Date of issue',
    number: 'Number and symbol',
    tagName: 'Tag name',
    correctionReason: 'Reason for the correction',
    caption: 'Photo caption',
    credit: 'Photo credit',
    fileName: 'Photo file name',
    takenAt: 'Time taken',
    subject: 'Summary',
    paragraphs: 'Content',
    recipients: 'Recipients',
    from: 'From date',
    to: 'To date',
    id: 'Record id',
    meetingId: 'Meeting',
    personId: 'Person',
    version: 'Record version',
    passphrase: 'Passphrase',
    password: 'Password',
    dest: 'Destination folder',
    path: 'Path',
  },
  input: {
    tooLong: '{{field}} is too long (at most {{max}} characters).',
    required: '{{field}} must not be empty.',
    tooManyItems: '{{field}}: at most {{max}} items.',
    dateFormat: 'A date must be written year-month-day.',
    dateNotReal: 'This date does not exist in the calendar.',
    timeFormat: 'A time must be written hours:minutes (e.g. 14:00).',
    idInvalid: 'Invalid record id.',
    versionInvalid: 'Invalid record version.',
    mergeSamePerson: 'Choose two different people to merge (the one kept and the duplicate).',
    minutesTooLong: 'The content is too long (at most {{max}} characters); split it into several parts.',
    minutesTooLongCount:
      'The content is too long ({{count}} characters, at most {{max}}); split it into several parts.',
    abbreviationsTooMany: 'At most {{max}} abbreviations.',
    backupDirRelative: 'The backup folder must be a full path (e.g. D:\\Backups or /media/usb/backups).',
    backupKeepMin: 'Keep at least {{min}} backup.',
    backupKeepMax: 'Keep at most {{max}} backups.',
    meetingKindsRequired: 'At least one meeting kind is needed.',
    exportTooManyMeetings: 'At most {{max}} meetings at a time.',
    dateRangeOrder: '“To date” must be on or after “from date”.',
    destRequired: 'Choose the destination folder (USB stick).',
    bagRequired: 'Choose the archive bag folder.',
    pathTooLong: 'The path is too long.',
    roleInvalid: 'Invalid role.',
    attendanceStatusInvalid: 'Invalid attendance status.',
    taskStatusInvalid: 'Invalid task status.',
    listTooLong: 'The list is too long (at most {{max}} items).',
    absenceReasonRequired: 'Write the reason for the absence (excused absence).',
    attendanceListEmpty: 'The list to add is empty.',
    attendanceListTooLong:
      'The list is too long: at most {{max}} people at a time; split it into several parts.',
    attendanceStatusesEmpty: 'No attendee’s status was changed, so there is nothing to save.',
    attendanceStatusesTooMany:
      'One attendance save may change at most {{max}} people. Nothing was saved; save in several parts.',
    attendanceStatusesTwice: 'One person has two statuses in the same attendance save. Nothing was saved.',
    taskFieldsWithoutTask: 'Assignee, deadline and status only apply when the conclusion is a task.',
    tooManyTags: 'At most {{max}} tags per meeting.',
    meetingFieldsMissing: 'The meeting details are missing.',
    pasteTooLong: 'The pasted text is too long (at most {{max}} characters); split it into several parts.',
    reportKindInvalid: 'Invalid report kind.',
    reportVariantInvalid: 'The layout must be "state" or "party".',
    periodNeedsRange: 'The period summary needs a date range: from date and to date.',
    secretLogNeedsRange: 'The register of classified prints needs a date range: from date and to date.',
    reportNeedsMeeting: 'Choose the meeting to print.',
    tooManyLines: '{{field}}: at most {{max}} lines.',
    photoIdInvalid: 'Invalid photo id.',
    personIdInvalid: 'Invalid person id.',
    takenAtInvalid: 'Invalid time taken.',
    photoTooLarge: 'The photo is too large (40 MB at most per photo).',
    lockIdleChoice: 'The auto-lock time must be one of {{choices}} minutes.',
    passwordTooShort: 'The password is too short: at least {{min}} characters.',
    recoveryCodeTooLong: 'The recovery code is too long.',
    malformedText:
      'The text holds a broken character (half of a Unicode character, usually from a faulty paste); type or paste that part again.',
  },
  documentNumber: {
    empty: 'The document number must not be empty.',
    tooLong: 'The document number is too long (at most {{max}} characters).',
    hasSpace:
      '“{{input}}” is not a document number (no spaces inside; e.g. 15-NQ/TW, 1374-QC/QUTW-TUHN or 03/2019/NĐ-CP).',
    noNumber:
      '“{{input}}” is not a document number: a number comes first, then the symbol, e.g. 15-NQ/TW, 1374-QC/QUTW-TUHN or 03/2019/NĐ-CP.',
    badYear: 'The year {{year}} in the document number “{{input}}” is not valid.',
    badSymbol:
      '“{{input}}” is not a document number: a symbol holds only letters and digits, e.g. 15-NQ/TW, 1374-QC/QUTW-TUHN or 03/2019/NĐ-CP.',
  },
  zod: {
    missing: '{{field}}: value missing.',
    wrongType: '{{field}}: wrong type of value.',
    notInteger: '{{field}} must be a whole number.',
    stringTooLong: '{{field}} is too long (at most {{max}} characters).',
    stringTooShort: '{{field}} is too short (at least {{min}} characters).',
    empty: '{{field}} must not be empty.',
    numberTooBig: '{{field}} must be at most {{max}}.',
    numberTooSmall: '{{field}} must be at least {{min}}.',
    tooManyItems: '{{field}}: at most {{max}} items.',
    tooFewItems: '{{field}}: at least {{min}} items.',
    badFormat: '{{field}} is not in the expected format.',
    notAllowed: '{{field}}: not one of the allowed values.',
    unknownFields: 'Fields not supported: {{keys}}.',
    invalid: '{{field}} is not valid.',
  },
};
