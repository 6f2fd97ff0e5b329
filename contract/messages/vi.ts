/**
 * Vietnamese: the first language of every message below the UI, and the shape the other catalogs
 * must match (en.ts is typed against it, and test/unit/messages.test.ts checks keys and placeholders).
 * `{{name}}` is a parameter (message.ts); numbers are grouped the Vietnamese way (1.000) when worded.
 */
import { archiveVi } from './archiveMessages';
import { recordVi } from './recordMessages';
import { searchVi } from './searchMessages';
import { historyLogVi } from './historyMessages';

export const vi = {
  ...recordVi,
  ...archiveVi,
  ...searchVi,
  ...historyLogVi,
  /** One text per error code: what happened and what to do next. */
  errors: {
    ARCHIVE_NOT_SQLITE:
      'Tệp này không phải là kho hồ sơ hợp lệ (không phải cơ sở dữ liệu SQLite). Tệp được giữ nguyên; hãy chọn đúng tệp kho hồ sơ hoặc khôi phục từ bản sao lưu gần nhất.',
    ARCHIVE_NOT_FOUND:
      'Không tìm thấy tệp kho hồ sơ. Hãy kiểm tra lại đường dẫn (tuỳ chọn --db hoặc biến HOSO_DB).',
    ARCHIVE_NOT_HOSO:
      'Tệp này là cơ sở dữ liệu của phần mềm khác, không phải kho Hồ sơ Hội nghị. Tệp được giữ nguyên.',
    ARCHIVE_CORRUPT:
      'Kho hồ sơ bị hỏng và không thể mở an toàn. Tệp được giữ nguyên, không có gì bị ghi đè; hãy khôi phục từ bản sao lưu gần nhất.',
    ARCHIVE_TOO_NEW:
      'Kho hồ sơ này được tạo bởi phiên bản Hồ sơ Hội nghị mới hơn. Hãy cập nhật phần mềm trước khi mở; tệp được giữ nguyên.',
    ARCHIVE_LOCKED:
      'Kho hồ sơ đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
    ARCHIVE_UNWRITABLE:
      'Không thể ghi vào thư mục chứa kho hồ sơ (chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác.',
    DISK_FULL:
      'Ổ đĩa chứa kho hồ sơ đã hết chỗ trống nên thay đổi này chưa được lưu. Mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn; hãy giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần, dọn thùng rác của máy) rồi lưu lại.',
    ARCHIVE_DISK_FULL:
      'Ổ đĩa chứa kho hồ sơ đã hết chỗ trống nên chưa mở được kho. Tệp kho không bị hỏng và được giữ nguyên; hãy giải phóng dung lượng ổ đĩa (xóa bớt tệp không cần) rồi mở lại.',
    MIGRATION_FAILED:
      'Không thể nâng cấp kho hồ sơ lên phiên bản mới. Kho cũ được giữ nguyên và đã có bản sao lưu trước khi nâng cấp.',
    BACKUP_FAILED:
      'Sao lưu không thành công: bản sao không kiểm tra được. Hãy kiểm tra dung lượng ổ đĩa và thử lại.',
    INVALID_INPUT: 'Dữ liệu nhập chưa hợp lệ.',
    UNKNOWN_CHANNEL: 'Yêu cầu không được hỗ trợ.',
    NOT_FOUND: 'Không tìm thấy hồ sơ này (có thể đã bị xóa hoặc chuyển vào thùng rác).',
    VERSION_CONFLICT:
      'Hồ sơ này vừa được sửa ở một cửa sổ khác. Hãy tải lại để xem bản mới nhất trước khi lưu, để không ghi đè lên thay đổi của người khác.',
    MEETING_FINALIZED:
      'Hồ sơ đã khóa (đã hoàn tất) nên không sửa trực tiếp được. Hãy dùng chức năng đính chính.',
    MEETING_NOT_FINALIZED: 'Hồ sơ chưa khóa nên không cần đính chính: hãy sửa trực tiếp.',
    NOT_IN_TRASH: 'Hồ sơ này không có trong thùng rác (có thể đã được khôi phục ở cửa sổ khác).',
    PERSON_IN_USE:
      'Không xóa được: người này còn có trong hồ sơ cuộc họp (thành phần dự họp, người trong ảnh hoặc người được giao nhiệm vụ). Chỉ xóa được người chưa dùng ở cuộc họp nào.',
    PERSON_MERGE_TRASHED:
      'Chưa gộp được: bản trùng còn có trong hồ sơ đang ở thùng rác. Hãy khôi phục các hồ sơ đó (hoặc sửa chúng) rồi gộp lại; không có gì thay đổi.',
    PERSON_MERGE_TOO_MANY:
      'Chưa gộp được: bản trùng có trong quá nhiều cuộc họp (tối đa 5.000 cuộc họp một lần gộp). Không có gì thay đổi.',
    DUPLICATE_ATTENDEE: 'Người này đã có trong danh sách dự họp của cuộc họp này; không thêm lần nữa.',
    ATTENDANCE_TOO_MANY:
      'Danh sách quá dài: mỗi lần thêm tối đa 1.000 người. Không có gì được lưu; hãy chia danh sách thành nhiều lần.',
    ORDER_MISMATCH:
      'Thứ tự gửi lên không khớp với danh sách hiện có (danh sách có thể vừa được sửa ở cửa sổ khác). Hãy tải lại rồi sắp xếp lại.',
    DUPLICATE_DOCUMENT: 'Văn bản có số và ký hiệu này đã có trong danh sách văn bản của cuộc họp.',
    VERSION_NOT_RESTORABLE:
      'Mục lịch sử này không chứa thông tin cuộc họp để khôi phục (chỉ khôi phục được từ lần tạo hoặc sửa thông tin chung của cuộc họp).',
    FORBIDDEN: 'Yêu cầu bị từ chối vì không đến từ chính ứng dụng.',
    PAYLOAD_TOO_LARGE:
      'Dữ liệu gửi lên quá lớn cho thao tác này (giới hạn ở cuối thông báo). Không có gì được lưu; hãy chia nhỏ nội dung rồi thử lại.',
    PHOTO_NOT_IMAGE:
      'Tệp này không phải là ảnh, hoặc ảnh bị hỏng nên không đọc được. Không có gì được lưu; hãy chọn tệp ảnh JPEG, PNG hoặc WebP.',
    PHOTO_TOO_LARGE:
      'Ảnh quá lớn (tối đa 40 MB một ảnh). Không có gì được lưu; hãy giảm dung lượng ảnh (ví dụ xuất lại ở chất lượng thấp hơn hoặc kích thước nhỏ hơn) rồi thêm lại.',
    PHOTO_FORMAT_UNSUPPORTED:
      'Định dạng ảnh này chưa được hỗ trợ. Không có gì được lưu; hãy lưu ảnh thành JPEG, PNG hoặc WebP (ví dụ mở bằng Paint hoặc Photos rồi chọn Lưu thành JPEG) và thêm lại.',
    PHOTO_HEIC_UNSUPPORTED:
      'Ảnh định dạng HEIC (ảnh chụp từ iPhone, iPad) chưa đọc được trên máy này. Không có gì được lưu; hãy chuyển ảnh sang JPEG: trên iPhone vào Cài đặt > Camera > Định dạng > chọn "Tương thích nhất" rồi chụp lại, hoặc khi chép ảnh sang máy tính chọn chuyển sang JPEG (Cài đặt > Ảnh > Chuyển sang Mac hoặc PC > Tự động), hoặc mở ảnh bằng ứng dụng Photos trên máy tính và xuất (Lưu thành) JPEG.',
    PHOTO_DUPLICATE: 'Ảnh này đã có trong hồ sơ cuộc họp, nên không thêm lần nữa.',
    PHOTO_HAS_FILE:
      'Thẻ ảnh này đã có ảnh, nên không đính kèm thêm. Muốn thay ảnh, hãy xóa thẻ ảnh đó rồi thêm ảnh mới.',
    PHOTO_PERSON_NOT_ATTENDEE:
      'Chỉ gắn tên được những người có trong danh sách dự họp của cuộc họp này. Hãy thêm người đó vào danh sách dự họp trước.',
    MEETING_JSON_INVALID:
      'Tệp hồ sơ cuộc họp (JSON) trong gói lưu trữ không đọc được hoặc thiếu thông tin bắt buộc. Không có gì được nhập; hãy xuất lại gói từ máy gốc.',
    MEETING_JSON_UNSUPPORTED:
      'Gói lưu trữ này dùng định dạng hồ sơ của phiên bản Hồ sơ Hội nghị mới hơn. Không có gì được nhập; hãy cập nhật phần mềm rồi nhập lại.',
    MERGE_BAG_INVALID:
      'Gói lưu trữ không hợp lệ hoặc đã bị thay đổi (kiểm tra tổng mã SHA-256 không khớp). Không có gì được nhập; hãy chép lại gói từ USB hoặc xuất lại từ máy gốc.',
    MERGE_PREVIEW_STALE:
      'Kho hồ sơ hoặc gói lưu trữ đã thay đổi từ lúc xem trước. Không có gì được nhập; hãy xem trước lại rồi chọn lại.',
    RESTORE_REFUSED:
      'Bản sao lưu này không dùng để khôi phục được (hỏng, không phải kho Hồ sơ Hội nghị, hoặc của phiên bản mới hơn). Kho hiện tại được giữ nguyên.',
    SCRATCH_NO_SPACE:
      'Không đủ chỗ trống trên ổ đĩa để chép tạm tệp cần kiểm tra (tệp trên USB chống ghi, đĩa CD hay ổ thứ hai được chép về máy rồi mới kiểm tra). Không có gì bị thay đổi; hãy giải phóng dung lượng ổ đĩa rồi thử lại.',
    BACKUP_DIR_UNWRITABLE:
      'Không ghi được vào thư mục sao lưu (chỉ đọc hoặc không có quyền: USB đang gạt khóa chống ghi, đĩa CD, thư mục dùng chung không cho ghi). Chưa có bản sao lưu nào được ghi và kho hiện tại được giữ nguyên; hãy mở khóa chống ghi hoặc chọn thư mục khác trong Nhập từ USB → Sao lưu kho hồ sơ. Các bản sao lưu ở đó vẫn kiểm tra và khôi phục được.',
    BACKUP_DIR_NOT_ANSWERING:
      'Ổ đĩa hoặc thư mục sao lưu không trả lời (USB bị rút ra hay hỏng, ổ mạng không kết nối). Chưa có gì được ghi; hãy cắm lại hoặc chọn thư mục khác.',
    BACKUP_DIR_IS_ARCHIVE_FOLDER:
      'Không đặt bản sao lưu ngay trong thư mục chứa kho hồ sơ: hỏng ổ đĩa hay xóa nhầm thư mục đó là mất cả kho lẫn bản sao lưu. Hãy chọn một thư mục khác, tốt nhất trên ổ đĩa khác hoặc USB (ví dụ D:\\Sao lưu), hoặc để trống để dùng thư mục “backups” mặc định.',
    BACKUP_DIR_NO_SPACE:
      'Thư mục sao lưu không đủ chỗ trống cho một bản sao lưu của kho hiện tại. Chưa có gì được ghi; hãy giải phóng dung lượng hoặc chọn thư mục trên ổ đĩa khác, USB khác.',
    ARCHIVE_MOVE_SAME_PLACE:
      'Kho hồ sơ đã ở thư mục này. Hãy chọn một thư mục khác (ví dụ trên ổ D: hoặc ổ đĩa khác).',
    ARCHIVE_MOVE_TARGET_EXISTS:
      'Thư mục này đã có một kho hồ sơ (hoặc thư mục ảnh photos) nên không chép đè lên. Không có gì bị thay đổi; hãy chọn một thư mục trống khác.',
    ARCHIVE_MOVE_NO_SPACE:
      'Thư mục này không đủ chỗ trống cho kho hồ sơ và ảnh của nó. Không có gì được ghi; hãy giải phóng dung lượng hoặc chọn ổ đĩa khác.',
    ARCHIVE_MOVE_UNWRITABLE:
      'Không ghi được vào thư mục này (chỉ đọc, không có quyền, USB gạt khóa chống ghi, đĩa CD). Không có gì bị thay đổi; hãy chọn thư mục khác.',
    ARCHIVE_MOVE_FAILED:
      'Chưa chuyển được kho hồ sơ: việc chép hoặc kiểm tra bản chép không thành (ổ đĩa đầy, USB bị rút ra…). Bản chép dở đã được xóa; kho hiện tại vẫn nguyên vẹn và vẫn dùng như cũ.',
    ARCHIVE_MOVE_UNAVAILABLE:
      'Cách chạy chương trình này không ghi được nơi lưu kho cho lần mở sau. Hãy chuyển kho từ ứng dụng trên máy tính, hoặc nhờ cán bộ tin học đặt biến HOSO_DB.',
    ARCHIVE_MOVE_RELATIVE:
      'Nơi lưu kho phải là đường dẫn đầy đủ (ví dụ D:\\HoSo trên Windows, /media/usb/ho-so trên Linux). Không có gì bị thay đổi.',
    ARCHIVE_MOVING: 'Đang chuyển kho hồ sơ sang nơi mới. Hãy đợi việc chép và kiểm tra xong rồi thao tác tiếp.',
    ARCHIVE_MOVED:
      'Kho hồ sơ đã được chép sang nơi mới. Hãy đóng rồi mở lại chương trình để làm việc tiếp với kho ở nơi mới; bản ở chỗ cũ không được ghi thêm nữa.',
    ARCHIVE_LOCATION_MISSING:
      'Không tìm thấy kho hồ sơ ở nơi đã chuyển tới (ổ đĩa hoặc USB chưa cắm, hay thư mục đã đổi tên). Không có kho mới nào được tạo. Hãy cắm lại ổ đĩa rồi mở lại chương trình; muốn quay về kho ở chỗ cũ, nhờ cán bộ tin học xóa tệp location.json trong thư mục dữ liệu của ứng dụng.',
    BACKUP_DIR_RELATIVE:
      'Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ D:\\Sao lưu trên Windows, /media/usb/sao-luu trên Linux), không phải một tên thư mục đơn lẻ. Chưa có gì được ghi; hãy chọn lại thư mục trong Nhập từ USB → Sao lưu kho hồ sơ.',
    REGISTER_NO_AGENCY_CODE:
      'Chưa có chữ viết tắt tên cơ quan để ghi số văn bản (ví dụ UBND, TU). Hãy nhập trong Cài đặt rồi lấy số lại; chưa có số nào được cấp.',
    REPORT_NOTHING_TO_PRINT: 'Không có nội dung để in.',
    PDF_UNAVAILABLE:
      'Không tạo được tệp PDF vì máy này chưa có trình duyệt Chromium để dựng trang in. Hãy dùng nút In (chọn máy in "Lưu thành PDF"), hoặc lưu HTML/DOCX.',
    PDF_BUSY:
      'Đang có nhiều tệp PDF chờ tạo. Hãy đợi các tệp trước xong rồi bấm lại; chưa có tệp nào bị bỏ dở.',
    REPORT_OUTPUT_FAILED:
      'Không ghi được tệp kết quả (ổ đĩa đầy, thư mục chỉ đọc hoặc không có quyền). Không có tệp dở dang nào được để lại; hãy chọn nơi lưu khác.',
    IMPORT_DOC_UNSUPPORTED:
      'Tệp .doc (Word 97–2003) chưa đọc được trực tiếp. Hãy mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) → "Word Document (*.docx)", rồi nhập tệp .docx đó.',
    IMPORT_PDF_NO_TEXT:
      'Tệp PDF này là ảnh chụp hoặc bản quét (scan): các trang chỉ có hình ảnh, không có chữ để đọc. Hồ sơ Hội nghị chưa có chức năng nhận dạng chữ (OCR). Hãy nhập tệp Word gốc (.docx) nếu có, hoặc gõ lại văn bản rồi dán vào ô "Dán văn bản".',
    IMPORT_PDF_ENCRYPTED:
      'Tệp PDF được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng trình đọc PDF với mật khẩu, in ra bản PDF không đặt mật khẩu (Lưu thành PDF) rồi nhập bản đó, hoặc dùng tệp Word gốc.',
    IMPORT_PDF_BROKEN:
      'Tệp PDF bị hỏng hoặc không đúng định dạng PDF nên không đọc được (có thể tải về hay sao chép chưa trọn). Hãy lấy lại tệp gốc, hoặc mở bằng trình đọc PDF, chọn toàn bộ chữ (Ctrl+A), sao chép rồi dán vào ô "Dán văn bản".',
    IMPORT_PDF_TOO_LONG:
      'Tệp PDF quá dài để nhập một lần (tối đa 300 trang). Hãy tách riêng phần văn bản của từng cuộc họp thành tệp nhỏ hơn rồi nhập.',
    IMPORT_FORMAT_UNSUPPORTED:
      'Loại tệp này chưa nhập được. Hồ sơ Hội nghị nhận tệp .txt, .md, .html, .docx và .pdf có chữ; hãy lưu văn bản thành một trong các dạng đó.',
    IMPORT_DOCX_BROKEN:
      'Tệp .docx bị hỏng hoặc không đúng định dạng Word nên không đọc được. Hãy mở lại bằng Word, lưu thành tệp mới rồi thử lại.',
    IMPORT_NOT_TEXT:
      'Tệp này không phải là văn bản (có thể là ảnh hoặc tệp chương trình). Hãy chọn đúng tệp báo cáo, biên bản.',
    IMPORT_EMPTY: 'Không có nội dung để nhập: văn bản trống.',
    IMPORT_TOO_LARGE:
      'Văn bản quá lớn để nhập một lần (tối đa 2 triệu ký tự, tệp tối đa 50 MB). Hãy tách thành nhiều tệp, mỗi tệp một cuộc họp.',
    EXPORT_DEST_INVALID:
      'Không ghi được vào thư mục đích (không tồn tại, không phải thư mục, chỉ đọc hoặc không có quyền). Hãy cắm USB và chọn đúng thư mục.',
    EXPORT_DEST_FULL:
      'USB (thư mục đích) không đủ chỗ trống. Không có bản lưu trữ dở dang nào được để lại; hãy xóa bớt tệp trên USB, dùng USB khác, hoặc xuất ít cuộc họp hơn.',
    EXPORT_DEST_GONE:
      'Mất kết nối với USB trong khi ghi (USB bị rút ra hoặc bị lỗi). Bản lưu trữ chưa hoàn tất và KHÔNG dùng được; kho hồ sơ trên máy không bị ảnh hưởng. Hãy cắm lại USB và xuất lại; có thể xóa thư mục có đuôi .partial còn sót trên USB.',
    EXPORT_SOURCE_DAMAGED:
      'Kho hồ sơ trên máy có chỗ bị hỏng nên không xuất được. Không có bản lưu trữ nào được ghi lên USB. Hãy mở Cài đặt → Tình trạng kho, bấm Kiểm tra đầy đủ, rồi khôi phục bản sao lưu gần nhất nếu cần.',
    EXPORT_FILE_TOO_LARGE:
      'Có tệp lớn hơn 4 GB mà USB định dạng FAT32 không chứa được. Không có gì được ghi; hãy định dạng USB sang exFAT hoặc NTFS, hoặc xuất ít cuộc họp hơn (không mã hóa thì mỗi ảnh là một tệp riêng).',
    EXPORT_NEEDS_ENCRYPTION:
      'Có hồ sơ độ mật từ Mật trở lên trong phạm vi xuất: bản lưu trữ phải được mã hóa bằng mật khẩu. Không có gì được ghi; hãy chọn Mã hóa và nhập mật khẩu.',
    EXPORT_EMPTY:
      'Không có cuộc họp nào trong phạm vi đã chọn nên không có gì để xuất. Hãy kiểm tra khoảng ngày hoặc thẻ.',
    EXPORT_CANCELLED:
      'Đã hủy xuất lưu trữ. Phần đã ghi dở trên USB đã được xóa; không có bản lưu trữ dở dang nào mang tên hoàn tất.',
    EXPORT_VERIFY_FAILED:
      'Đọc lại từ USB thấy dữ liệu không khớp với bản vừa ghi: USB có thể bị lỗi. Bản lưu trữ này KHÔNG dùng được và đã được xóa; hãy thử USB khác.',
    PASSPHRASE_REQUIRED: 'Cần mật khẩu để mã hóa hoặc mở bản lưu trữ mã hóa (tệp .tar.age).',
    PASSPHRASE_WRONG:
      'Sai mật khẩu: không mở được bản lưu trữ mã hóa này. Hãy kiểm tra lại mật khẩu (phân biệt chữ hoa, chữ thường và dấu).',
    ENCRYPTED_NOT_AGE: 'Tệp này không phải là bản lưu trữ mã hóa của Hồ sơ Hội nghị (định dạng age).',
    BAG_NOT_FOUND:
      'Không tìm thấy bản lưu trữ ở đường dẫn này. Hãy kiểm tra USB đã được cắm và đường dẫn đúng.',
    BAG_INVALID: 'Bản lưu trữ không hợp lệ hoặc đã bị thay đổi, nên không dùng được.',
    MERGE_CANCELLED:
      'Đã hủy nhập gói lưu trữ. Kho hồ sơ được giữ nguyên như trước khi nhập: không có hồ sơ, ảnh hay dòng nhật ký nào được ghi dở.',
    ARCHIVE_BUSY:
      'Kho hồ sơ đang bận ghi một việc dài (nhập gói lưu trữ từ USB, hoặc đang nhập hồ sơ, sao lưu) nên tạm thời chưa ghi được thay đổi này. Chưa có gì được lưu; hãy đợi việc đó xong (việc nhập từ USB có thể bấm Hủy ở màn hình Nhập từ USB) rồi thử lại. Trong lúc đó vẫn xem và tìm kiếm hồ sơ như bình thường.',
    JOB_NOT_FOUND: 'Không tìm thấy công việc này (có thể ứng dụng vừa được mở lại).',
    APP_LOCKED: 'Ứng dụng đang khóa. Hãy nhập mật khẩu để mở khóa.',
    LOCK_WRONG_PASSWORD: 'Mật khẩu không đúng. Hãy nhập lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).',
    LOCK_WAIT: 'Đã nhập sai nhiều lần nên phải chờ trước khi thử lại.',
    LOCK_WRONG_RECOVERY_CODE:
      'Mã khôi phục không đúng. Hãy kiểm tra lại mã đã ghi khi đặt mật khẩu (mỗi mã chỉ dùng được một lần).',
    LOCK_NOT_SET: 'Ứng dụng chưa đặt mật khẩu khóa.',
    COMPRESSED_ABNORMALLY:
      'Tệp bị nén bất thường: giải nén ra lớn hơn nhiều so với một văn bản, ảnh hay gói lưu trữ thật nên hoso dừng đọc để bảo vệ máy. Không có gì được lưu; nếu tệp là của cơ quan gửi, hãy mở bằng Word hoặc chương trình gốc, lưu thành tệp mới rồi thử lại.',
    PHOTO_TOO_MANY_PIXELS:
      'Ảnh có quá nhiều điểm ảnh để đọc an toàn (tối đa 100 triệu điểm ảnh, khoảng 12 000 × 8 000). Không có gì được lưu; hãy thu nhỏ ảnh rồi thêm lại.',
    SEARCH_QUERY_TOO_COMPLEX:
      'Câu tìm kiếm quá dài hoặc quá phức tạp (quá nhiều từ, nhiều OR hoặc cụm từ quá dài). Hãy rút gọn: chọn vài từ đặc trưng nhất, hoặc dùng bộ lọc ngày, loại, thẻ.',
    MERGE_RECORD_INVALID:
      'Gói lưu trữ có hồ sơ không hợp lệ (thiếu hoặc sai thông tin, quá dài, hoặc niêm phong không khớp nội dung). Không có gì được nhập; hãy xuất lại gói từ máy gốc.',
    FILE_NOT_FOUND:
      'Không tìm thấy tệp hoặc thư mục này (có thể đã bị xóa, đổi tên, hoặc USB đã được rút ra). Hãy kiểm tra lại rồi chọn lại.',
    PORT_IN_USE:
      'Cổng mạng nội bộ này đang được chương trình khác dùng. Hãy chọn cổng khác (tùy chọn --port) hoặc bỏ tùy chọn để hoso tự chọn cổng trống.',
    INTERNAL:
      'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại, nếu còn lỗi hãy báo cho bộ phận kỹ thuật.',
  },
  /** What follows an error's text: specifics of this failure. */
  detail: {
    literal: '({{text}})',
    text: '{{text}}',
    /** An error as one message (a line of a report, a parameter of another): its code's text, then a detail. */
    withDetail: '{{error}} {{detail}}',
  },
  /** What the clerk should know about how a PDF (or text copied out of one) was read. */
  importPdf: {
    pagesWithoutText:
      '{{n}} trang của tệp PDF chỉ có hình ảnh (bản quét), không có chữ nên không được đọc; hãy đối chiếu với bản gốc và bổ sung nội dung các trang đó.',
    textRepaired:
      'Văn bản có dấu hiệu được sao chép từ PDF (chữ giãn cách, số trang, dòng bị ngắt giữa câu, chữ dính liền); đã được nối và tách lại, hãy đối chiếu với bản gốc.',
  },
  /** Names of the fields a clerk fills in, as messages about them name them. */
  field: {
    input: 'Dữ liệu',
    meetingTitle: 'Tên cuộc họp',
    kind: 'Loại cuộc họp',
    meetingDate: 'Ngày họp',
    startTime: 'Giờ bắt đầu',
    endTime: 'Giờ kết thúc',
    location: 'Địa điểm',
    organizer: 'Cơ quan tổ chức',
    minutes: 'Nội dung',
    secrecy: 'Độ mật',
    fullName: 'Họ và tên',
    rank: 'Cấp bậc',
    personTitle: 'Chức vụ',
    titles: 'Chức vụ',
    unit: 'Đơn vị',
    notes: 'Ghi chú',
    absenceReason: 'Lý do vắng',
    role: 'Vai trò',
    status: 'Tình trạng',
    parentAgency: 'Cơ quan chủ quản',
    issuingAgency: 'Cơ quan ban hành',
    agencyCode: 'Chữ viết tắt cơ quan',
    placeName: 'Địa danh',
    signerAuthority: 'Quyền hạn ký',
    signerTitle: 'Chức vụ người ký',
    signerName: 'Họ tên người ký',
    clerkName: 'Tên người dùng',
    abbreviation: 'Chữ viết tắt',
    abbreviationMeaning: 'Nghĩa đầy đủ của chữ viết tắt',
    backupDir: 'Thư mục sao lưu',
    query: 'Câu tìm kiếm',
    savedSearchName: 'Tên tìm kiếm đã lưu',
    dialogTitle: 'Tiêu đề hộp chọn thư mục',
    conclusionText: 'Nội dung kết luận',
    assignee: 'Người thực hiện',
    assigneeUnit: 'Đơn vị thực hiện',
    deadline: 'Thời hạn',
    docType: 'Loại văn bản',
    issuer: 'Cơ quan ban hành',
    summary: 'Trích yếu',
    issuedOn: 'Ngày ban hành',
    number: 'Số và ký hiệu',
    tagName: 'Tên thẻ',
    correctionReason: 'Lý do đính chính',
    caption: 'Chú thích ảnh',
    credit: 'Tác giả ảnh',
    fileName: 'Tên tệp ảnh',
    takenAt: 'Thời điểm chụp',
    subject: 'Trích yếu',
    paragraphs: 'Nội dung',
    recipients: 'Nơi nhận',
    from: 'Từ ngày',
    to: 'Đến ngày',
    id: 'Mã hồ sơ',
    meetingId: 'Cuộc họp',
    personId: 'Người',
    version: 'Phiên bản hồ sơ',
    passphrase: 'Mật khẩu',
    password: 'Mật khẩu',
    dest: 'Thư mục đích',
    path: 'Đường dẫn',
  },
  /** The contract's own checks of what a clerk (or a USB bag) sends. */
  input: {
    tooLong: '{{field}} quá dài (tối đa {{max}} ký tự).',
    required: '{{field}} không được để trống.',
    tooManyItems: '{{field}}: tối đa {{max}} mục.',
    dateFormat: 'Ngày phải có dạng năm-tháng-ngày.',
    dateNotReal: 'Ngày không tồn tại trên lịch.',
    timeFormat: 'Giờ phải có dạng giờ:phút (ví dụ 14:00).',
    idInvalid: 'Mã hồ sơ không hợp lệ.',
    versionInvalid: 'Phiên bản hồ sơ không hợp lệ.',
    mergeSamePerson: 'Hãy chọn hai người khác nhau để gộp (người được giữ và bản trùng).',
    minutesTooLong: 'Nội dung quá dài (tối đa {{max}} ký tự); hãy tách thành nhiều phần.',
    minutesTooLongCount: 'Nội dung quá dài ({{count}} ký tự, tối đa {{max}}); hãy tách thành nhiều phần.',
    abbreviationsTooMany: 'Tối đa {{max}} từ viết tắt.',
    backupDirRelative: 'Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ D:\\SaoLuu hoặc /media/usb/sao-luu).',
    backupKeepMin: 'Giữ ít nhất {{min}} bản sao lưu.',
    backupKeepMax: 'Giữ tối đa {{max}} bản sao lưu.',
    meetingKindsRequired: 'Cần ít nhất một loại cuộc họp.',
    exportTooManyMeetings: 'Tối đa {{max}} cuộc họp một lần.',
    dateRangeOrder: '“Đến ngày” phải sau hoặc bằng “từ ngày”.',
    destRequired: 'Hãy chọn thư mục đích (USB).',
    bagRequired: 'Hãy chọn thư mục gói lưu trữ.',
    pathTooLong: 'Đường dẫn quá dài.',
    roleInvalid: 'Vai trò không hợp lệ.',
    attendanceStatusInvalid: 'Tình trạng dự họp không hợp lệ.',
    taskStatusInvalid: 'Tình trạng nhiệm vụ không hợp lệ.',
    listTooLong: 'Danh sách quá dài (tối đa {{max}} mục).',
    absenceReasonRequired: 'Hãy ghi lý do vắng (vắng có lý do).',
    attendanceListEmpty: 'Danh sách cần thêm đang trống.',
    attendanceListTooLong: 'Danh sách quá dài: mỗi lần thêm tối đa {{max}} người; hãy chia thành nhiều lần.',
    attendanceStatusesEmpty: 'Chưa có người nào được đổi tình trạng dự họp để lưu.',
    attendanceStatusesTooMany:
      'Mỗi lần lưu điểm danh tối đa {{max}} người được đổi tình trạng. Không có gì được lưu; hãy lưu thành nhiều lần.',
    attendanceStatusesTwice: 'Một người có hai tình trạng trong cùng một lần lưu điểm danh. Không có gì được lưu.',
    taskFieldsWithoutTask: 'Người thực hiện, thời hạn và tình trạng chỉ dùng khi kết luận là một nhiệm vụ.',
    tooManyTags: 'Mỗi cuộc họp tối đa {{max}} thẻ.',
    meetingFieldsMissing: 'Thiếu thông tin cuộc họp.',
    pasteTooLong: 'Văn bản dán vào quá dài (tối đa {{max}} ký tự); hãy chia thành nhiều lần.',
    reportKindInvalid: 'Loại báo cáo không hợp lệ.',
    reportVariantInvalid: 'Thể thức phải là "state" (Nhà nước) hoặc "party" (Đảng).',
    periodNeedsRange: 'Báo cáo tổng hợp cần khoảng thời gian: từ ngày và đến ngày.',
    secretLogNeedsRange: 'Sổ theo dõi in, xuất tài liệu mật cần khoảng thời gian: từ ngày và đến ngày.',
    reportNeedsMeeting: 'Hãy chọn cuộc họp cần in.',
    tooManyLines: '{{field}}: tối đa {{max}} dòng.',
    photoIdInvalid: 'Mã ảnh không hợp lệ.',
    personIdInvalid: 'Mã người không hợp lệ.',
    takenAtInvalid: 'Thời điểm chụp không hợp lệ.',
    photoTooLarge: 'Ảnh quá lớn (tối đa 40 MB một ảnh).',
    lockIdleChoice: 'Thời gian tự khóa phải là một trong {{choices}} phút.',
    passwordTooShort: 'Mật khẩu quá ngắn: cần ít nhất {{min}} ký tự.',
    recoveryCodeTooLong: 'Mã khôi phục quá dài.',
    malformedText:
      'Văn bản có ký tự bị hỏng (một nửa ký tự Unicode, thường do dán từ nguồn lỗi); hãy gõ hoặc dán lại đoạn đó.',
  },
  /** Số và ký hiệu of a document (documentNumber.ts). */
  documentNumber: {
    empty: 'Số và ký hiệu văn bản không được để trống.',
    tooLong: 'Số và ký hiệu văn bản quá dài (tối đa {{max}} ký tự).',
    hasSpace:
      '“{{input}}” không phải là số và ký hiệu văn bản (không có khoảng trắng ở giữa; ví dụ 15-NQ/TW, 1374-QC/QUTW-TUHN hoặc 03/2019/NĐ-CP).',
    noNumber:
      '“{{input}}” không phải là số và ký hiệu văn bản: cần có số rồi đến ký hiệu, ví dụ 15-NQ/TW, 1374-QC/QUTW-TUHN hoặc 03/2019/NĐ-CP.',
    badYear: 'Năm ban hành {{year}} trong số ký hiệu “{{input}}” không hợp lệ.',
    badSymbol:
      '“{{input}}” không phải là số và ký hiệu văn bản: ký hiệu chỉ gồm chữ và số, ví dụ 15-NQ/TW, 1374-QC/QUTW-TUHN hoặc 03/2019/NĐ-CP.',
  },
  /** Issues zod raises with its own (English) default text, worded from their code. */
  zod: {
    missing: '{{field}}: thiếu giá trị.',
    wrongType: '{{field}}: sai kiểu dữ liệu.',
    notInteger: '{{field}} phải là số nguyên.',
    stringTooLong: '{{field}} quá dài (tối đa {{max}} ký tự).',
    stringTooShort: '{{field}} quá ngắn (ít nhất {{min}} ký tự).',
    empty: '{{field}} không được để trống.',
    numberTooBig: '{{field}} phải nhỏ hơn hoặc bằng {{max}}.',
    numberTooSmall: '{{field}} phải lớn hơn hoặc bằng {{min}}.',
    tooManyItems: '{{field}}: tối đa {{max}} mục.',
    tooFewItems: '{{field}}: cần ít nhất {{min}} mục.',
    badFormat: '{{field}} không đúng định dạng.',
    notAllowed: '{{field}}: giá trị không nằm trong danh sách cho phép.',
    unknownFields: 'Có trường không được hỗ trợ: {{keys}}.',
    invalid: '{{field}} không hợp lệ.',
  },
} as const;
