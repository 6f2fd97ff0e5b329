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
