/**
 * Error codes of the contract. The code is what logs and tests look at; the message is what the clerk
 * reads: Vietnamese first, English when the UI is switched to English. Every message says what happened
 * and what to do next.
 */
export const ERROR_MESSAGES = {
  ARCHIVE_NOT_SQLITE: {
    vi: 'Tệp này không phải là kho hồ sơ hợp lệ (không phải cơ sở dữ liệu SQLite). Tệp được giữ nguyên; hãy chọn đúng tệp kho hồ sơ hoặc khôi phục từ bản sao lưu gần nhất.',
    en: 'This file is not a valid archive (not an SQLite database). It was left untouched; pick the right archive file or restore the latest backup.',
  },
  ARCHIVE_NOT_FOUND: {
    vi: 'Không tìm thấy tệp kho hồ sơ. Hãy kiểm tra lại đường dẫn (tuỳ chọn --db hoặc biến HOSO_DB).',
    en: 'The archive file was not found. Check the path (--db option or HOSO_DB variable).',
  },
  ARCHIVE_NOT_HOSO: {
    vi: 'Tệp này là cơ sở dữ liệu của phần mềm khác, không phải kho Hồ sơ Hội nghị. Tệp được giữ nguyên.',
    en: 'This database belongs to another program, not to Hồ sơ Hội nghị. It was left untouched.',
  },
  ARCHIVE_CORRUPT: {
    vi: 'Kho hồ sơ bị hỏng và không thể mở an toàn. Tệp được giữ nguyên, không có gì bị ghi đè; hãy khôi phục từ bản sao lưu gần nhất.',
    en: 'The archive is damaged and cannot be opened safely. Nothing was overwritten; restore the latest backup.',
  },
  ARCHIVE_TOO_NEW: {
    vi: 'Kho hồ sơ này được tạo bởi phiên bản Hồ sơ Hội nghị mới hơn. Hãy cập nhật phần mềm trước khi mở; tệp được giữ nguyên.',
    en: 'This archive was written by a newer version of Hồ sơ Hội nghị. Update the program before opening it; the file was left untouched.',
  },
  ARCHIVE_LOCKED: {
    vi: 'Kho hồ sơ đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
    en: 'The archive is in use by another program. Close it and try again.',
  },
  ARCHIVE_UNWRITABLE: {
    vi: 'Không thể ghi vào thư mục chứa kho hồ sơ (chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác.',
    en: 'The archive folder cannot be written (read-only or no permission). Choose another folder.',
  },
  DISK_FULL: {
    vi: 'Ổ đĩa chứa kho hồ sơ đã hết chỗ trống nên thay đổi này chưa được lưu. Mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn; hãy giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần, dọn thùng rác của máy) rồi lưu lại.',
    en: 'The disk holding the archive is full, so this change was not saved. Everything saved before is intact; free some disk space and save again.',
  },
  ARCHIVE_DISK_FULL: {
    vi: 'Ổ đĩa chứa kho hồ sơ đã hết chỗ trống nên chưa mở được kho. Tệp kho không bị hỏng và được giữ nguyên; hãy giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần) rồi mở lại.',
    en: 'The disk holding the archive is full, so the archive cannot be opened. The archive is not damaged and was left untouched; free some disk space and open it again.',
  },
  MIGRATION_FAILED: {
    vi: 'Không thể nâng cấp kho hồ sơ lên phiên bản mới. Kho cũ được giữ nguyên và đã có bản sao lưu trước khi nâng cấp.',
    en: 'The archive could not be upgraded. The old archive is unchanged and was backed up before the upgrade.',
  },
  BACKUP_FAILED: {
    vi: 'Sao lưu không thành công: bản sao không kiểm tra được. Hãy kiểm tra dung lượng ổ đĩa và thử lại.',
    en: 'The backup failed its check. Check the free disk space and try again.',
  },
  INVALID_INPUT: {
    vi: 'Dữ liệu nhập chưa hợp lệ.',
    en: 'The input is not valid.',
  },
  UNKNOWN_CHANNEL: {
    vi: 'Yêu cầu không được hỗ trợ.',
    en: 'This request is not supported.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy hồ sơ này (có thể đã bị xóa hoặc chuyển vào thùng rác).',
    en: 'This record was not found (it may have been deleted or moved to the trash).',
  },
  VERSION_CONFLICT: {
    vi: 'Hồ sơ này vừa được sửa ở một cửa sổ khác. Hãy tải lại để xem bản mới nhất trước khi lưu, để không ghi đè lên thay đổi của người khác.',
    en: 'This record was just changed in another window. Reload to see the latest version before saving, so no change is overwritten.',
  },
  MEETING_FINALIZED: {
    vi: 'Hồ sơ đã khóa (đã hoàn tất) nên không sửa trực tiếp được. Hãy dùng chức năng đính chính.',
    en: 'This record is finalized and cannot be edited directly. Use a correction instead.',
  },
  MEETING_NOT_FINALIZED: {
    vi: 'Hồ sơ chưa khóa nên không cần đính chính: hãy sửa trực tiếp.',
    en: 'This record is not finalized, so no correction is needed: edit it directly.',
  },
  NOT_IN_TRASH: {
    vi: 'Hồ sơ này không có trong thùng rác (có thể đã được khôi phục ở cửa sổ khác).',
    en: 'This record is not in the trash (it may have been restored in another window).',
  },
  DUPLICATE_ATTENDEE: {
    vi: 'Người này đã có trong danh sách dự họp của cuộc họp này; không thêm lần nữa.',
    en: 'This person is already on the attendance list of this meeting; not added again.',
  },
  ATTENDANCE_TOO_MANY: {
    vi: 'Danh sách quá dài: mỗi lần thêm tối đa 1.000 người. Không có gì được lưu; hãy chia danh sách thành nhiều lần.',
    en: 'The list is too long: at most 1,000 people at a time. Nothing was saved; split the list into several parts.',
  },
  ORDER_MISMATCH: {
    vi: 'Thứ tự gửi lên không khớp với danh sách hiện có (danh sách có thể vừa được sửa ở cửa sổ khác). Hãy tải lại rồi sắp xếp lại.',
    en: 'The order sent does not match the current list (it may have just been changed in another window). Reload and reorder again.',
  },
  DUPLICATE_DOCUMENT: {
    vi: 'Văn bản có số và ký hiệu này đã có trong danh sách văn bản của cuộc họp.',
    en: 'A document with this number is already listed for this meeting.',
  },
  VERSION_NOT_RESTORABLE: {
    vi: 'Mục lịch sử này không chứa thông tin cuộc họp để khôi phục (chỉ khôi phục được từ lần tạo hoặc sửa thông tin chung của cuộc họp).',
    en: 'This history entry holds no meeting details to restore (only the creation or an edit of the meeting details can be restored).',
  },
  FORBIDDEN: {
    vi: 'Yêu cầu bị từ chối vì không đến từ chính ứng dụng.',
    en: 'The request was refused because it did not come from the application itself.',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Dữ liệu gửi lên quá lớn (tối đa 16 MB một lần). Hãy chia nhỏ nội dung rồi lưu lại.',
    en: 'The data sent is too large (16 MB at most per request). Split the content and save again.',
  },
  PHOTO_NOT_IMAGE: {
    vi: 'Tệp này không phải là ảnh, hoặc ảnh bị hỏng nên không đọc được. Không có gì được lưu; hãy chọn tệp ảnh JPEG, PNG hoặc WebP.',
    en: 'This file is not an image, or the image is damaged and cannot be read. Nothing was saved; choose a JPEG, PNG or WebP image.',
  },
  PHOTO_TOO_LARGE: {
    vi: 'Ảnh quá lớn (tối đa 40 MB một ảnh). Không có gì được lưu; hãy giảm dung lượng ảnh (ví dụ xuất lại ở chất lượng thấp hơn hoặc kích thước nhỏ hơn) rồi thêm lại.',
    en: 'The photo is too large (40 MB at most per photo). Nothing was saved; make the file smaller (export it at a lower quality or size) and add it again.',
  },
  PHOTO_FORMAT_UNSUPPORTED: {
    vi: 'Định dạng ảnh này chưa được hỗ trợ. Không có gì được lưu; hãy lưu ảnh thành JPEG, PNG hoặc WebP (ví dụ mở bằng Paint hoặc Photos rồi chọn Lưu thành JPEG) và thêm lại.',
    en: 'This image format is not supported. Nothing was saved; save the picture as JPEG, PNG or WebP (e.g. open it in Paint or Photos and save as JPEG) and add it again.',
  },
  PHOTO_HEIC_UNSUPPORTED: {
    vi: 'Ảnh định dạng HEIC (ảnh chụp từ iPhone, iPad) chưa đọc được trên máy này. Không có gì được lưu; hãy chuyển ảnh sang JPEG: trên iPhone vào Cài đặt > Camera > Định dạng > chọn "Tương thích nhất" rồi chụp lại, hoặc khi chép ảnh sang máy tính chọn chuyển sang JPEG (Cài đặt > Ảnh > Chuyển sang Mac hoặc PC > Tự động), hoặc mở ảnh bằng ứng dụng Photos trên máy tính và xuất (Lưu thành) JPEG.',
    en: 'HEIC photos (taken on an iPhone or iPad) cannot be read on this PC. Nothing was saved; convert the photo to JPEG: on the iPhone, Settings > Camera > Formats > "Most Compatible", or Settings > Photos > Transfer to Mac or PC > Automatic when copying, or open it in the Photos app on the PC and export (save as) JPEG.',
  },
  PHOTO_DUPLICATE: {
    vi: 'Ảnh này đã có trong hồ sơ cuộc họp, nên không thêm lần nữa.',
    en: 'This photo is already in the meeting record, so it was not added again.',
  },
  PHOTO_PERSON_NOT_ATTENDEE: {
    vi: 'Chỉ gắn tên được những người có trong danh sách dự họp của cuộc họp này. Hãy thêm người đó vào danh sách dự họp trước.',
    en: 'Only people on this meeting’s attendance list can be tagged in its photos. Add the person to the attendance list first.',
  },
  MEETING_JSON_INVALID: {
    vi: 'Tệp hồ sơ cuộc họp (JSON) trong gói lưu trữ không đọc được hoặc thiếu thông tin bắt buộc. Không có gì được nhập; hãy xuất lại gói từ máy gốc.',
    en: 'A meeting file (JSON) in the archive bag cannot be read or lacks required fields. Nothing was imported; export the bag again on the source PC.',
  },
  MEETING_JSON_UNSUPPORTED: {
    vi: 'Gói lưu trữ này dùng định dạng hồ sơ của phiên bản Hồ sơ Hội nghị mới hơn. Không có gì được nhập; hãy cập nhật phần mềm rồi nhập lại.',
    en: 'This archive bag uses the meeting format of a newer version of Hồ sơ Hội nghị. Nothing was imported; update the program and merge again.',
  },
  MERGE_BAG_INVALID: {
    vi: 'Gói lưu trữ không hợp lệ hoặc đã bị thay đổi (kiểm tra tổng mã SHA-256 không khớp). Không có gì được nhập; hãy chép lại gói từ USB hoặc xuất lại từ máy gốc.',
    en: 'The archive bag is invalid or was altered (SHA-256 check failed). Nothing was imported; copy the bag again or export it again on the source PC.',
  },
  MERGE_PREVIEW_STALE: {
    vi: 'Kho hồ sơ hoặc gói lưu trữ đã thay đổi từ lúc xem trước. Không có gì được nhập; hãy xem trước lại rồi chọn lại.',
    en: 'The archive or the bag changed since the preview. Nothing was imported; preview again and choose again.',
  },
  RESTORE_REFUSED: {
    vi: 'Bản sao lưu này không dùng để khôi phục được (hỏng, không phải kho Hồ sơ Hội nghị, hoặc của phiên bản mới hơn). Kho hiện tại được giữ nguyên.',
    en: 'This backup cannot be restored (damaged, not a Hồ sơ Hội nghị archive, or from a newer version). The current archive was left untouched.',
  },
  SCRATCH_NO_SPACE: {
    vi: 'Không đủ chỗ trống trên ổ đĩa để chép tạm tệp cần kiểm tra (tệp trên USB chống ghi, đĩa CD hay ổ thứ hai được chép về máy rồi mới kiểm tra). Không có gì bị thay đổi; hãy giải phóng dung lượng ổ đĩa rồi thử lại.',
    en: 'There is not enough free disk space to copy the file locally for checking (a file on a write-protected stick, a CD or a second disk is copied to this PC first). Nothing was changed; free some disk space and try again.',
  },
  BACKUP_DIR_UNWRITABLE: {
    vi: 'Không ghi được vào thư mục sao lưu (chỉ đọc hoặc không có quyền: USB đang gạt khóa chống ghi, đĩa CD, thư mục dùng chung không cho ghi). Chưa có bản sao lưu nào được ghi và kho hiện tại được giữ nguyên; hãy mở khóa chống ghi hoặc chọn thư mục khác trong Lưu trữ USB → Sao lưu. Các bản sao lưu ở đó vẫn kiểm tra và khôi phục được.',
    en: 'The backup folder cannot be written (read-only or no permission: a write-protected stick, a CD, a share without rights). No backup was written and the archive is untouched; unlock the stick or choose another folder in USB archive → Backups. Backups there can still be checked and restored.',
  },
  BACKUP_DIR_RELATIVE: {
    vi: 'Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ D:\\Sao lưu trên Windows, /media/usb/sao-luu trên Linux), không phải một tên thư mục đơn lẻ. Chưa có gì được ghi; hãy chọn lại thư mục trong Lưu trữ USB → Sao lưu.',
    en: 'The backup folder must be a full path (e.g. D:\\Backups on Windows, /media/usb/backups on Linux), not a bare folder name. Nothing was written; choose the folder again in USB archive → Backups.',
  },
  REGISTER_NO_AGENCY_CODE: {
    vi: 'Chưa có chữ viết tắt tên cơ quan để ghi số văn bản (ví dụ UBND, TU). Hãy nhập trong Cài đặt rồi lấy số lại; chưa có số nào được cấp.',
    en: 'No agency abbreviation for document numbers yet (e.g. UBND, TU). Enter it in Settings and take the number again; no number was issued.',
  },
  REPORT_NOTHING_TO_PRINT: {
    vi: 'Không có nội dung để in.',
    en: 'There is nothing to print.',
  },
  PDF_UNAVAILABLE: {
    vi: 'Không tạo được tệp PDF vì máy này chưa có trình duyệt Chromium để dựng trang in. Hãy dùng nút In (chọn máy in "Lưu thành PDF"), hoặc lưu HTML/DOCX.',
    en: 'The PDF cannot be made because Chromium is not installed on this PC. Use Print (choose "Save as PDF"), or save as HTML/DOCX.',
  },
  REPORT_OUTPUT_FAILED: {
    vi: 'Không ghi được tệp kết quả (ổ đĩa đầy, thư mục chỉ đọc hoặc không có quyền). Không có tệp dở dang nào được để lại; hãy chọn nơi lưu khác.',
    en: 'The output file could not be written (disk full, read-only folder or no permission). No partial file was left; choose another place.',
  },
  IMPORT_DOC_UNSUPPORTED: {
    vi: 'Tệp .doc (Word 97–2003) chưa đọc được trực tiếp. Hãy mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) → "Word Document (*.docx)", rồi nhập tệp .docx đó.',
    en: 'A .doc file (Word 97–2003) cannot be read directly. Open it in Word or LibreOffice, Save As "Word Document (*.docx)", then import the .docx.',
  },
  IMPORT_PDF_UNSUPPORTED: {
    vi: 'Tệp PDF chưa nhập được. Hãy mở tệp gốc (Word) và lưu thành .docx, hoặc mở PDF, chọn toàn bộ chữ (Ctrl+A), sao chép rồi dán vào ô "Dán văn bản".',
    en: 'PDF files cannot be imported. Save the original Word file as .docx, or open the PDF, select all text (Ctrl+A), copy it and paste it into the paste box.',
  },
  IMPORT_FORMAT_UNSUPPORTED: {
    vi: 'Loại tệp này chưa nhập được. Hồ sơ Hội nghị nhận tệp .txt, .md, .html và .docx; hãy lưu văn bản thành một trong các dạng đó.',
    en: 'This kind of file cannot be imported. Hồ sơ Hội nghị reads .txt, .md, .html and .docx; save the document in one of those formats.',
  },
  IMPORT_DOCX_BROKEN: {
    vi: 'Tệp .docx bị hỏng hoặc không đúng định dạng Word nên không đọc được. Hãy mở lại bằng Word, lưu thành tệp mới rồi thử lại.',
    en: 'The .docx file is damaged or not a Word document. Open it in Word, save it as a new file and try again.',
  },
  IMPORT_NOT_TEXT: {
    vi: 'Tệp này không phải là văn bản (có thể là ảnh hoặc tệp chương trình). Hãy chọn đúng tệp báo cáo, biên bản.',
    en: 'This file is not text (maybe a picture or a program). Choose the report or minutes file.',
  },
  IMPORT_EMPTY: {
    vi: 'Không có nội dung để nhập: văn bản trống.',
    en: 'Nothing to import: the text is empty.',
  },
  IMPORT_TOO_LARGE: {
    vi: 'Văn bản quá lớn để nhập một lần (tối đa 2 triệu ký tự, tệp tối đa 50 MB). Hãy tách thành nhiều tệp, mỗi tệp một cuộc họp.',
    en: 'The text is too large to import at once (at most 2 million characters, files up to 50 MB). Split it into several files, one meeting each.',
  },
  EXPORT_DEST_INVALID: {
    vi: 'Không ghi được vào thư mục đích (không tồn tại, không phải thư mục, chỉ đọc hoặc không có quyền). Hãy cắm USB và chọn đúng thư mục.',
    en: 'The destination folder cannot be written (missing, not a folder, read-only or no permission). Plug in the USB stick and choose the right folder.',
  },
  EXPORT_DEST_FULL: {
    vi: 'USB (thư mục đích) không đủ chỗ trống. Không có bản lưu trữ dở dang nào được để lại; hãy xóa bớt tệp trên USB, dùng USB khác, hoặc xuất ít cuộc họp hơn.',
    en: 'The USB stick (destination) does not have enough free space. No partial archive was left; free some space, use another stick, or export fewer meetings.',
  },
  EXPORT_DEST_GONE: {
    vi: 'Mất kết nối với USB trong khi ghi (USB bị rút ra hoặc bị lỗi). Bản lưu trữ chưa hoàn tất và KHÔNG dùng được; kho hồ sơ trên máy không bị ảnh hưởng. Hãy cắm lại USB và xuất lại; có thể xóa thư mục có đuôi .partial còn sót trên USB.',
    en: 'The USB stick was lost while writing (pulled out or failing). The archive is incomplete and NOT usable; the archive on this PC is unaffected. Plug the stick back in and export again; any leftover folder ending in .partial can be deleted.',
  },
  EXPORT_SOURCE_DAMAGED: {
    vi: 'Kho hồ sơ trên máy có chỗ bị hỏng nên không xuất được. Không có bản lưu trữ nào được ghi lên USB. Hãy mở Cài đặt → Tình trạng kho, bấm Kiểm tra đầy đủ, rồi khôi phục bản sao lưu gần nhất nếu cần.',
    en: 'The archive on this PC is damaged in places, so it cannot be exported. No archive was written to the stick. Open Settings → Archive health, run the full check, and restore the latest backup if needed.',
  },
  EXPORT_FILE_TOO_LARGE: {
    vi: 'Có tệp lớn hơn 4 GB mà USB định dạng FAT32 không chứa được. Không có gì được ghi; hãy định dạng USB sang exFAT hoặc NTFS, hoặc xuất ít cuộc họp hơn (không mã hóa thì mỗi ảnh là một tệp riêng).',
    en: 'A file is larger than 4 GB, which a FAT32 USB stick cannot hold. Nothing was written; format the stick as exFAT or NTFS, or export fewer meetings (unencrypted, each photo is its own file).',
  },
  EXPORT_NEEDS_ENCRYPTION: {
    vi: 'Có hồ sơ độ mật từ Mật trở lên trong phạm vi xuất: bản lưu trữ phải được mã hóa bằng mật khẩu. Không có gì được ghi; hãy chọn Mã hóa và nhập mật khẩu.',
    en: 'The selection contains records classified Mật (secret) or above: the archive must be encrypted with a passphrase. Nothing was written; choose Encrypt and enter a passphrase.',
  },
  EXPORT_EMPTY: {
    vi: 'Không có cuộc họp nào trong phạm vi đã chọn nên không có gì để xuất. Hãy kiểm tra khoảng ngày hoặc thẻ.',
    en: 'No meeting matches the selection, so there is nothing to export. Check the date range or tag.',
  },
  EXPORT_CANCELLED: {
    vi: 'Đã hủy xuất lưu trữ. Phần đã ghi dở trên USB đã được xóa; không có bản lưu trữ dở dang nào mang tên hoàn tất.',
    en: 'The export was cancelled. What was partly written on the USB stick was removed; no incomplete archive carries a finished name.',
  },
  EXPORT_VERIFY_FAILED: {
    vi: 'Đọc lại từ USB thấy dữ liệu không khớp với bản vừa ghi: USB có thể bị lỗi. Bản lưu trữ này KHÔNG dùng được và đã được xóa; hãy thử USB khác.',
    en: 'Reading back from the USB stick found data that does not match what was written: the stick may be failing. This archive is NOT usable and was removed; try another stick.',
  },
  PASSPHRASE_REQUIRED: {
    vi: 'Cần mật khẩu để mã hóa hoặc mở bản lưu trữ mã hóa (tệp .tar.age).',
    en: 'A passphrase is needed to encrypt, or to open an encrypted archive (.tar.age file).',
  },
  PASSPHRASE_WRONG: {
    vi: 'Sai mật khẩu: không mở được bản lưu trữ mã hóa này. Hãy kiểm tra lại mật khẩu (phân biệt chữ hoa, chữ thường và dấu).',
    en: 'Wrong passphrase: this encrypted archive cannot be opened. Check the passphrase (upper/lower case and accents matter).',
  },
  ENCRYPTED_NOT_AGE: {
    vi: 'Tệp này không phải là bản lưu trữ mã hóa của Hồ sơ Hội nghị (định dạng age).',
    en: 'This file is not an encrypted Hồ sơ Hội nghị archive (age format).',
  },
  BAG_NOT_FOUND: {
    vi: 'Không tìm thấy bản lưu trữ ở đường dẫn này. Hãy kiểm tra USB đã được cắm và đường dẫn đúng.',
    en: 'No archive was found at this path. Check that the USB stick is plugged in and the path is right.',
  },
  BAG_INVALID: {
    vi: 'Bản lưu trữ không hợp lệ hoặc đã bị thay đổi, nên không dùng được.',
    en: 'The archive is invalid or has been altered, so it cannot be used.',
  },
  JOB_NOT_FOUND: {
    vi: 'Không tìm thấy công việc này (có thể ứng dụng vừa được mở lại).',
    en: 'This job was not found (the application may have been restarted).',
  },
  APP_LOCKED: {
    vi: 'Ứng dụng đang khóa. Hãy nhập mật khẩu để mở khóa.',
    en: 'The application is locked. Enter the password to unlock it.',
  },
  LOCK_WRONG_PASSWORD: {
    vi: 'Mật khẩu không đúng. Hãy nhập lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).',
    en: 'Wrong password. Type it again (mind upper/lower case and the Vietnamese keyboard).',
  },
  LOCK_WAIT: {
    vi: 'Đã nhập sai nhiều lần nên phải chờ trước khi thử lại.',
    en: 'Too many wrong attempts: wait before trying again.',
  },
  LOCK_WRONG_RECOVERY_CODE: {
    vi: 'Mã khôi phục không đúng. Hãy kiểm tra lại mã đã ghi khi đặt mật khẩu (mỗi mã chỉ dùng được một lần).',
    en: 'Wrong recovery code. Check the code written down when the password was set (each code works only once).',
  },
  LOCK_NOT_SET: {
    vi: 'Ứng dụng chưa đặt mật khẩu khóa.',
    en: 'No application lock password is set.',
  },
  INTERNAL: {
    vi: 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại, nếu còn lỗi hãy báo cho bộ phận kỹ thuật.',
    en: 'An unexpected error occurred. Saved data is not affected; try again and report it if it persists.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** An error a clerk can act on. `detail` adds specifics (a field, a file) to the standard message. */
export class HosoError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERROR_MESSAGES[code].vi} ${detail}` : ERROR_MESSAGES[code].vi, options);
    this.name = 'HosoError';
    this.code = code;
    this.detail = detail;
  }
}

export function isHosoError(e: unknown): e is HosoError {
  return e instanceof HosoError;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isHosoError(e)) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.vi };
}
