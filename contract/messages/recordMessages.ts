/**
 * Messages of the record side below the UI, Vietnamese and English, spread into the catalogs vi.ts and
 * en.ts (a part of its own so the catalogs stay readable; test/unit/messages.test.ts checks both agree).
 *
 * The Vietnamese texts are the ones the app and `hoso import`, `hoso search` have always shown: scripts
 * and clerks read them, so a change here is a change of the command line's output.
 */
import type { CatalogShape } from './keys';

export const recordVi = {
  /** What follows an error of the record side (db/, photoStore.ts): which thing was not found, and why. */
  recordDetail: {
    historyEntry: '(mục lịch sử)',
    conclusion: '(kết luận)',
    assigneeInDirectory: '(người thực hiện trong danh bạ)',
    notATask: 'Kết luận này không phải là nhiệm vụ; hãy đánh dấu là nhiệm vụ trước.',
    attendee: '(người dự họp)',
    personInDirectory: '(người trong danh bạ)',
    photoNumber: '(ảnh số {{n}})',
    taggedPerson: '(người được gắn tên trong ảnh)',
    registerNumber: '(số văn bản)',
    notice: '(thông báo)',
    documentRef: '(văn bản liên quan)',
    photoDataBroken: '(dữ liệu ảnh gửi lên bị hỏng; hãy chọn lại ảnh)',
    photoHashInvalid: '(mã ảnh không hợp lệ)',
    photoTypeInvalid: '(loại tệp ảnh không hợp lệ)',
    noAttendees: '(Cuộc họp chưa có danh sách người dự.)',
    noPhotos: '(Cuộc họp chưa có ảnh.)',
  },
  /** Wrong passwords or recovery codes in a row (services/lockState.ts), after LOCK_WAIT or LOCK_WRONG_*. */
  lockTries: {
    waitSeconds: 'Hãy thử lại sau {{n}} giây.',
    waitMinutes: 'Hãy thử lại sau khoảng {{n}} phút.',
    failedWait: 'Đã sai {{n}} lần. {{wait}}',
    failed: 'Đã sai {{n}} lần; sai {{free}} lần sẽ phải chờ.',
  },
  /** What a search says about its query (db/search/): nothing to look for, or a part it ignored. */
  searchNote: {
    emptyQuery:
      'Hãy nhập ít nhất một từ cần tìm (ví dụ: dai tuong, "quốc phòng toàn dân", nguoi:"Phan Văn Giang", tu:01/2024).',
    onlyExcluded: 'Hãy nhập ít nhất một từ cần tìm ngoài các từ loại trừ (bắt đầu bằng dấu trừ).',
    badDate: 'Bỏ qua "{{filter}}:{{text}}": ngày cần có dạng dd/mm/yyyy, mm/yyyy hoặc yyyy.',
    reversedRange: 'Khoảng ngày "tu:" sau "den:" nên không có kết quả nào; hãy kiểm tra lại hai ngày.',
  },
  /** The check of a finalized record against its seal (db/seal.ts). */
  seal: {
    notFinalized: 'Hồ sơ chưa khóa nên chưa có niêm phong để kiểm tra.',
    intact: 'Hồ sơ còn nguyên vẹn như khi khóa.',
    changed: 'Hồ sơ đã bị thay đổi ngoài ứng dụng sau khi khóa: {{problems}}. Hãy đối chiếu với bản sao lưu.',
    /** What changed, when no part can be named. */
    content: 'nội dung',
    badPhotoFiles: '{{n}} tệp ảnh bị thiếu hoặc hỏng',
    part: {
      meeting: 'thông tin chung',
      attendance: 'thành phần dự họp',
      conclusions: 'kết luận',
      documents: 'văn bản liên quan',
      tags: 'thẻ',
      photos: 'ảnh',
      seal: 'mã niêm phong',
    },
    /** The changed parts, one after the other: one key per count, so the message stays flat. */
    list: {
      of2: '{{a}}, {{b}}',
      of3: '{{a}}, {{b}}, {{c}}',
      of4: '{{a}}, {{b}}, {{c}}, {{d}}',
      of5: '{{a}}, {{b}}, {{c}}, {{d}}, {{e}}',
      of6: '{{a}}, {{b}}, {{c}}, {{d}}, {{e}}, {{f}}',
      of7: '{{a}}, {{b}}, {{c}}, {{d}}, {{e}}, {{f}}, {{g}}',
      of8: '{{a}}, {{b}}, {{c}}, {{d}}, {{e}}, {{f}}, {{g}}, {{h}}',
    },
  },
  /** A pasted attendance list: why an entry was not taken (contract/attendanceParse.ts, db/attendancePaste.ts). */
  attendancePaste: {
    noName:
      'Không nhận ra họ tên trong mục này (cần có họ và tên, ví dụ “Đại tá Nguyễn Văn An, Chỉ huy trưởng”).',
    nameTooShort: 'Họ tên phải có ít nhất họ và tên (hai chữ trở lên).',
    nameNotSeparated: 'Không tách được họ tên khỏi chức vụ; hãy đặt dấu phẩy sau họ tên.',
    sameAsLine: 'Người này đã có ở dòng {{line}} của danh sách dán vào.',
  },
  /** What an import tells about a document (services/import/): what to look at, what was left out. */
  importNote: {
    noTitle: 'Chưa tìm thấy tên cuộc họp: hãy nhập tên.',
    titleFromFirstSentence: 'Văn bản không có tên cuộc họp: tạm lấy câu đầu làm tên, hãy sửa lại.',
    noDate: 'Chưa tìm thấy ngày họp: hãy nhập ngày.',
    noYear: 'Ngày {{day}}/{{month}} chưa rõ năm: hãy nhập năm.',
    yearInferred:
      'Văn bản chỉ ghi ngày {{day}}/{{month}}, không ghi năm: năm {{year}} được suy ra, hãy kiểm tra.',
    noChair: 'Chưa tìm thấy người chủ trì.',
    chairFromOpening:
      'Văn bản không ghi ai chủ trì: {{name}} được coi là người chủ trì vì phát biểu khai mạc hoặc kết luận, hãy kiểm tra.',
    photoOf: '({{source}} — ảnh {{n}})',
    photoNotSaved: 'Ảnh {{n}} không lưu được: {{error}}',
    firstPeopleOnly: 'Chỉ nhập {{max}} người đầu danh sách.',
    captionsAsCards:
      '{{n}} chú thích ảnh chưa có tệp ảnh kèm theo được giữ thành thẻ ảnh chờ ảnh; đính kèm ảnh cho từng thẻ ở thẻ Ảnh.',
    /** A file of a batch (import/batch, `hoso import`): how it went. */
    imported: 'Đã nhập.',
    failedNoTitle: 'Không tìm thấy tên cuộc họp; hãy nhập tệp này trên màn hình Nhập hồ sơ để điền tên.',
    duplicateContent: 'Bỏ qua: cùng nội dung với hồ sơ “{{title}}” đã có.',
    duplicateTitleDate: 'Bỏ qua: trùng tên và ngày với hồ sơ “{{title}}” đã có.',
    /** A UTF-8 file with bytes that are not UTF-8: kept as UTF-8, those places shown as �. */
    badBytesReplaced:
      'Tệp có {{n}} chỗ không đọc được theo bảng mã UTF-8 (tệp có thể bị lỗi khi sao chép); các chỗ đó hiện thành dấu �. Hãy đối chiếu với bản gốc và sửa trước khi lưu.',
  },
} as const;

export const recordEn: CatalogShape<typeof recordVi> = {
  recordDetail: {
    historyEntry: '(history entry)',
    conclusion: '(conclusion)',
    assigneeInDirectory: '(assignee in the directory)',
    notATask: 'This conclusion is not a task; mark it as a task first.',
    attendee: '(attendee)',
    personInDirectory: '(person in the directory)',
    photoNumber: '(photo no. {{n}})',
    taggedPerson: '(person tagged in the photo)',
    registerNumber: '(document number)',
    notice: '(notice)',
    documentRef: '(related document)',
    photoDataBroken: '(the photo data sent is damaged; choose the photo again)',
    photoHashInvalid: '(invalid photo code)',
    photoTypeInvalid: '(invalid photo file type)',
    noAttendees: '(The meeting has no attendance list yet.)',
    noPhotos: '(The meeting has no photos yet.)',
  },
  lockTries: {
    waitSeconds: 'Try again in {{n}} seconds.',
    waitMinutes: 'Try again in about {{n}} minutes.',
    failedWait: '{{n}} wrong tries. {{wait}}',
    failed: '{{n}} wrong tries; after {{free}} you will have to wait.',
  },
  searchNote: {
    emptyQuery:
      'Type at least one word to look for (e.g. dai tuong, "quốc phòng toàn dân", nguoi:"Phan Văn Giang", tu:01/2024).',
    onlyExcluded:
      'Type at least one word to look for besides the excluded words (those starting with a minus).',
    badDate: 'Ignored "{{filter}}:{{text}}": a date must be dd/mm/yyyy, mm/yyyy or yyyy.',
    reversedRange: 'The "tu:" date is after the "den:" date, so nothing can match; check the two dates.',
  },
  seal: {
    notFinalized: 'This record is not finalized, so it has no seal to check.',
    intact: 'The record is intact, as it was when finalized.',
    changed:
      'The record was changed outside the application after it was finalized: {{problems}}. Compare it with a backup.',
    content: 'content',
    badPhotoFiles: '{{n}} photo files missing or damaged',
    part: {
      meeting: 'general information',
      attendance: 'attendance',
      conclusions: 'conclusions',
      documents: 'related documents',
      tags: 'tags',
      photos: 'photos',
      seal: 'seal code',
    },
    // Commas between the items, as in Vietnamese.
    list: recordVi.seal.list,
  },
  attendancePaste: {
    noName:
      'No full name found in this entry (it needs a family and a given name, e.g. “Đại tá Nguyễn Văn An, Chỉ huy trưởng”).',
    nameTooShort: 'A full name needs a family and a given name (two words or more).',
    nameNotSeparated: 'The name could not be told from the titles; put a comma after the name.',
    sameAsLine: 'This person is already on line {{line}} of the pasted list.',
  },
  importNote: {
    noTitle: 'No meeting title found: type the title.',
    titleFromFirstSentence: 'The text has no meeting title: its first sentence stands in, correct it.',
    noDate: 'No meeting date found: type the date.',
    noYear: 'The date {{day}}/{{month}} has no year: type the year.',
    yearInferred:
      'The text gives only the day {{day}}/{{month}}, without a year: {{year}} was inferred, check it.',
    noChair: 'No chair found.',
    chairFromOpening:
      'The text does not say who chaired: {{name}} is taken as the chair for opening or concluding the meeting; please check.',
    photoOf: '({{source}} — photo {{n}})',
    photoNotSaved: 'Photo {{n}} could not be saved: {{error}}',
    firstPeopleOnly: 'Only the first {{max}} people of the list were imported.',
    captionsAsCards:
      '{{n}} photo captions without their picture file are kept as photo cards waiting for the picture; attach each one in the Photos tab.',
    imported: 'Imported.',
    failedNoTitle: 'No meeting title found; import this file on the Import screen to fill in the title.',
    duplicateContent: 'Skipped: same content as the existing record “{{title}}”.',
    duplicateTitleDate: 'Skipped: same title and date as the existing record “{{title}}”.',
    badBytesReplaced:
      'Places in the file that are not valid UTF-8: {{n}} (it may have been damaged when copied); they show as �. Compare with the original and correct them before saving.',
  },
};
