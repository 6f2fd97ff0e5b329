/**
 * Messages of the archive side below the UI, Vietnamese and English, spread into the catalogs vi.ts and
 * en.ts (a part of its own so the catalogs stay readable; test/unit/messages.test.ts checks both agree).
 *
 * The Vietnamese texts are the ones `hoso verify`, `hoso check` and `hoso export` have always printed:
 * scripts and clerks read them, so a change here is a change of the command line's output.
 */
import type { CatalogShape } from './keys';

export const archiveVi = {
  /** What follows ARCHIVE_UNWRITABLE when opening an archive (db/open.ts). */
  archive: {
    folderUnwritable:
      'Thư mục: {{dir}}. Tệp kho được giữ nguyên; có thể chép cả thư mục kho (cùng thư mục photos) sang nơi ghi được, ví dụ thư mục Tài liệu, rồi mở từ đó.',
    fileReadOnly:
      'Tệp {{file}} đang ở chế độ chỉ đọc (thuộc tính Read-only): hãy bỏ thuộc tính đó (chuột phải vào tệp → Properties) rồi mở lại. Tệp kho được giữ nguyên.',
  },
  /** A bag checked against RFC 8493 (bagVerify.ts, encrypt.ts): one line per problem. */
  bag: {
    noDeclaration: 'Thiếu tệp bagit.txt: đây không phải là túi lưu trữ BagIt.',
    wrongVersion: 'bagit.txt không khai báo BagIt-Version 1.0 (thấy: {{version}}).',
    noVersion: 'bagit.txt không khai báo BagIt-Version 1.0 (thấy: không có).',
    noEncoding: 'bagit.txt thiếu dòng Tag-File-Character-Encoding.',
    noManifest: 'Thiếu tệp manifest-sha256.txt (danh sách mã kiểm tra của dữ liệu).',
    unsupportedAlgorithm: '{{manifest}}: thuật toán {{algorithm}} không được hỗ trợ (chỉ sha256, sha512).',
    badManifestLine: '{{manifest}}, dòng {{line}}: không đúng dạng "<mã kiểm tra> <đường dẫn>".',
    unsafePath: '{{manifest}} ghi đường dẫn không an toàn "{{path}}" ({{reason}}).',
    notTagFile: '{{manifest}} ghi "{{path}}", tệp không thuộc phần tệp thẻ.',
    notPayloadFile: '{{manifest}} ghi "{{path}}", tệp không thuộc phần dữ liệu (data/).',
    listedTwice: '{{manifest}} ghi "{{path}}" hai lần.',
    missing: 'Thiếu tệp: {{path}}',
    noChecksum: 'Không tính được mã {{algorithm}} của {{path}}.',
    changed: 'Tệp đã bị thay đổi (mã {{algorithm}} không khớp): {{path}}',
    extra: 'Tệp thừa, không có trong {{manifest}}: {{path}}',
    badInfoLine: 'bag-info.txt, dòng {{line}}: không đúng dạng "Nhãn: giá trị".',
    badOxum: 'Payload-Oxum "{{oxum}}" không đúng dạng <số byte>.<số tệp>.',
    oxumMismatch:
      'Payload-Oxum ghi {{bytes}} byte trong {{files}} tệp, nhưng thư mục data/ có {{actualBytes}} byte trong {{actualFiles}} tệp.',
    unreadableFolder: 'Không đọc được thư mục {{path}} ({{code}}).',
    unreadableFile: 'Không đọc được tệp {{path}} ({{code}}).',
    notAFile: 'Không phải tệp thường (liên kết hoặc thiết bị): {{path}}',
    tarUnsafePath: 'Gói tar có đường dẫn không an toàn "{{path}}" ({{reason}}).',
    tarDamaged: 'Tệp mã hóa bị hỏng, không giải mã hết được ({{error}}).',
    tarManyRoots: 'Gói tar chứa nhiều thư mục gốc ({{roots}}), một túi chỉ có một.',
    /** An errno code was missing where one is shown. */
    noErrorCode: 'lỗi',
    /** Why a path inside a bag is not safe (bagFormat.ts). */
    path: {
      empty: 'đường dẫn rỗng',
      absolute: 'đường dẫn tuyệt đối',
      backslash: 'có dấu \\',
      control: 'có ký tự điều khiển',
      parent: 'có thành phần ".." (trỏ ra ngoài túi)',
      emptySegment: 'có thành phần rỗng hoặc "."',
    },
    /** Why a file name is refused by Windows or a FAT32/exFAT stick (safeNames.ts). */
    name: {
      empty: 'tên rỗng',
      tooLong: 'tên dài quá 255 ký tự',
      forbidden: 'có ký tự Windows không cho phép (< > : " / \\ | ? * hoặc ký tự điều khiển)',
      reserved: 'trùng tên thiết bị dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, LPT1…)',
      trailing: 'kết thúc bằng dấu chấm hoặc khoảng trắng',
    },
    /** What follows BAG_INVALID when an encrypted bag is unpacked for a merge. */
    unsafeEntry: '(đường dẫn không an toàn trong gói: {{path}})',
    manyRootsEntry: '(gói có nhiều thư mục gốc)',
    notAFileEntry: '(gói có mục không phải tệp thường: {{path}})',
    damagedEntry: '(tệp mã hóa bị hỏng: {{error}})',
    emptyEntry: '(gói rỗng)',
    /**
     * The first problems of a bag after an error's text, as one parenthesis: "(a; b; c; và 2 lỗi khác)".
     * Each is a detail of the error, worded in turn and joined with spaces.
     */
    list: {
      only: '({{problem}})',
      first: '({{problem}};',
      next: '{{problem}};',
      last: '{{problem}})',
      more: 'và {{n}} lỗi khác)',
    },
  },
  /** Export to a USB stick (exportArchive.ts, exportDestination.ts). */
  export: {
    secretMeetings: '({{n}} hồ sơ mật)',
    /** Why a search chosen as the export's scope found nothing (the search's own explanation). */
    searchSaid: '({{reason}})',
    needsSpace: '(cần khoảng {{needed}}, còn trống {{free}})',
    fileSize: '({{size}})',
    fileTooLarge: '({{path}}: {{size}})',
    destRelative: '({{dest}}: hãy nhập đường dẫn đầy đủ, ví dụ E:\\ hoặc /media/usb)',
    destNotFolder: '({{dest}} không phải là thư mục)',
    destError: '({{dest}}: {{code}})',
    missingPhotos:
      '{{n}} ảnh không có tệp trong kho trên máy này (đã mất hoặc chưa được chép vào), nên không có trong bản lưu trữ.',
  },
  /** A size as a clerk reads it: 1,5 MB, 3,1 GB (the number is grouped the language's way). */
  size: {
    mb: '{{n}} MB',
    gb: '{{n}} GB',
  },
  /** Why a passphrase that encrypts a bag is weak (passphraseWarning in archiveContract.ts). */
  passphrase: {
    empty: 'Mật khẩu trống.',
    guessable: 'Mật khẩu quá dễ đoán (lặp một ký tự, dãy số hoặc từ thông dụng).',
    weak: 'Mật khẩu yếu: nên dài ít nhất 12 ký tự, hoặc một câu nhiều từ (ví dụ "hồ sen mùa thu năm ấy"), để người nhặt được USB không đoán ra.',
    fileEmpty: '(dòng đầu của tệp mật khẩu đang trống)',
  },
  /** What follows an error while a bag is merged (mergeBag.ts, mergePhotos.ts, mergePlan.ts, mergeApply.ts). */
  merge: {
    sealedChoice:
      '(“{{title}}”: không thể chọn “{{choice}}” cho hồ sơ này — hồ sơ đã khóa ở máy này chỉ được giữ nguyên hoặc giữ cả hai)',
    meetingTwice: '({{file}}: mã cuộc họp {{id}} xuất hiện hai lần)',
    fileChanged: '({{file}} đã bị thay đổi trong khi nhập: hãy cắm lại thẻ nhớ và xem trước lại)',
    noBagHere: '(không có gói lưu trữ nào trong {{path}} và hai cấp thư mục bên dưới: hãy chọn đúng thẻ nhớ hoặc thư mục chứa gói)',
    severalBags: '(có {{n}} gói lưu trữ ở đây: {{names}}; hãy chọn một gói)',
    tooManyPeople: '(gói có hơn {{max}} người khác nhau trong một lần nhập: hãy xuất thành nhiều gói nhỏ hơn)',
    tooManyRowsInBag: '(gói có hơn {{max}} dòng (đại biểu, ảnh, kết luận, văn bản) trong một lần nhập: hãy xuất thành nhiều gói nhỏ hơn)',
    personMissing: '({{file}}: người có mã {{id}} không có trong gói)',
    unsafePhotoPath: '(đường dẫn ảnh không an toàn: {{path}})',
    notFound: '(không tìm thấy: {{path}})',
    notAnswering: '({{path}} không trả lời: thẻ nhớ có thể đã bị rút ra hoặc bị hỏng; hãy cắm lại rồi thử lại)',
    notABag: '({{name}}: hãy chọn thư mục của gói, hoặc tệp .tar.age đã mã hóa)',
    photoMissing: '(thiếu ảnh: data/{{file}})',
    photoTooLarge: '(ảnh quá lớn: data/{{file}}, {{size}})',
    photoMismatch: '(ảnh không khớp mã của nó: data/{{file}})',
    photoType: '(loại ảnh không hỗ trợ: {{mime}})',
    photoUnchecked: '(ảnh chép vào kho không kiểm tra được: {{hash}})',
    /** A row of the bag whose id this archive already holds for something else (a forged or damaged bag). */
    rowTaken: '(bảng {{table}}: một dòng trong gói trùng mã với dữ liệu khác đã có ở máy này)',
    /** MERGE_RECORD_INVALID: one line per problem, the first few of the bag (mergeValidate.ts). */
    recordProblem: '({{file}}, {{field}}: {{problem}})',
    idInvalid: 'mã không đúng dạng UUID',
    duplicateId: 'mã {{id}} xuất hiện hai lần',
    duplicateAttendee: 'người {{id}} có hai dòng trong danh sách dự họp',
    duplicateTag: 'thẻ “{{name}}” xuất hiện hai lần',
    sealMismatch: 'niêm phong không khớp nội dung hồ sơ',
    sealMissing: 'hồ sơ đã khóa nhưng không có niêm phong',
    sealOnDraft: 'hồ sơ chưa khóa nhưng mang niêm phong',
    tooManyRows: 'có {{n}} dòng, tối đa {{max}}',
    fileTooLarge: 'tệp {{size}}, tối đa {{max}} cho một hồ sơ',
    tooManyMeetings: '(gói có {{n}} cuộc họp, tối đa {{max}} trong một lần nhập: hãy xuất thành nhiều gói nhỏ hơn)',
    /** COMPRESSED_ABNORMALLY / BAG_INVALID while an encrypted bag is unpacked (encrypt.ts). */
    memberTooLarge: '(mục {{path}} khai {{size}} byte, lớn hơn cả tệp mã hóa: {{fileSize}} byte)',
    tooManyMembers: '(gói có hơn {{max}} mục)',
    beyondOxum: '(gói chứa nhiều hơn Payload-Oxum khai báo: {{files}} tệp, {{bytes}} byte)',
  },
  /** A backup checked before a restore, and what a failed restore adds (backups.ts). */
  backup: {
    isTheArchive: 'Đây là chính kho hồ sơ đang dùng, không phải một bản sao lưu.',
    notFound: 'Không tìm thấy tệp sao lưu.',
    unreadable: 'Không đọc được bản sao lưu ({{error}}).',
    damaged: 'Bản sao lưu bị hỏng (integrity_check: {{result}}).',
    good: 'Bản sao lưu tốt: {{meetings}} cuộc họp, kiểm tra toàn vẹn đạt.',
    refusedBecause: '({{reason}})',
    damagedAfterRestore: '(sau khôi phục: {{result}}; bản trước khi khôi phục: {{safety}})',
  },
  /** A local copy of a file to check (scratchCopy.ts): a backup to restore, an archive on read-only media. */
  scratch: {
    noSpace: '(cần khoảng {{needed}}, còn {{free}} trống ở {{dir}})',
  },
  /** `hoso check` and Cài đặt → Tình trạng kho: what a check of the archive found (check.ts, health.ts). */
  check: {
    notFound: 'Không tìm thấy tệp kho hồ sơ: {{file}}',
    readOnlyFolder:
      'Thư mục chứa kho chỉ đọc ({{dir}}): đã kiểm tra trên một bản chép tạm, tệp kho được giữ nguyên. Mở kho ở đây sẽ không lưu được thay đổi; muốn làm việc tiếp, hãy chép cả thư mục kho (cùng thư mục photos) sang nơi ghi được.',
    readOnlyFile:
      'Tệp kho đang ở chế độ chỉ đọc (thuộc tính Read-only): đã kiểm tra trên một bản chép tạm, tệp được giữ nguyên. Muốn lưu thay đổi, hãy bỏ thuộc tính đó (chuột phải vào tệp → Properties).',
    olderSchema: 'Kho ở phiên bản cấu trúc {{version}}; sẽ được sao lưu rồi nâng cấp lên {{latest}} khi mở.',
    integrity: 'Lỗi toàn vẹn dữ liệu: {{line}}',
    brokenLink: 'Liên kết hỏng: bảng {{table}}, dòng {{row}} trỏ tới {{parent}} không tồn tại.',
    moreBrokenLinks: '… và {{n}} liên kết hỏng khác.',
    auditBroken: 'Nhật ký thay đổi bị sửa hoặc xóa từ mục số {{seq}} (chuỗi mã băm không khớp).',
    indexOutOfStep:
      'Chỉ mục tìm kiếm lệch với nội dung ở {{n}} cuộc họp (thiếu {{missing}}, thừa {{orphaned}}, cũ {{stale}}); hãy chạy "hoso rebuild-index".',
    indexBroken: 'Chỉ mục tìm kiếm bị hỏng cấu trúc ({{error}}); hãy chạy "hoso rebuild-index".',
    indexWordsOutOfStep:
      'Chỉ mục xếp hạng lệch với nội dung ở {{n}} từ (ví dụ: {{examples}}) và {{lengths}} cuộc họp; hãy chạy "hoso rebuild-index".',
    sealBroken: 'Hồ sơ đã khóa “{{title}}”: {{reason}}',
    moreSealsBroken: '… và {{n}} hồ sơ đã khóa khác không khớp niêm phong.',
    sealsChecked: 'Đã kiểm tra niêm phong {{n}} hồ sơ đã khóa.',
    unreadable: 'Không đọc được kho hồ sơ: {{error}}',
  },
} as const;

export const archiveEn: CatalogShape<typeof archiveVi> = {
  archive: {
    folderUnwritable:
      'Folder: {{dir}}. The archive file is left as it is; you can copy the whole archive folder (with its photos folder) somewhere writable, such as Documents, and open it from there.',
    fileReadOnly:
      'The file {{file}} is read-only (the Read-only attribute): clear it (right-click the file → Properties) and open it again. The archive file is left as it is.',
  },
  bag: {
    noDeclaration: 'bagit.txt is missing: this is not a BagIt bag.',
    wrongVersion: 'bagit.txt does not declare BagIt-Version 1.0 (found: {{version}}).',
    noVersion: 'bagit.txt does not declare BagIt-Version 1.0 (found: none).',
    noEncoding: 'bagit.txt lacks the Tag-File-Character-Encoding line.',
    noManifest: 'manifest-sha256.txt (the checksums of the data) is missing.',
    unsupportedAlgorithm: '{{manifest}}: algorithm {{algorithm}} is not supported (only sha256, sha512).',
    badManifestLine: '{{manifest}}, line {{line}}: not of the form "<checksum> <path>".',
    unsafePath: '{{manifest}} lists an unsafe path "{{path}}" ({{reason}}).',
    notTagFile: '{{manifest}} lists "{{path}}", which is not a tag file.',
    notPayloadFile: '{{manifest}} lists "{{path}}", which is not in the data (data/).',
    listedTwice: '{{manifest}} lists "{{path}}" twice.',
    missing: 'Missing file: {{path}}',
    noChecksum: 'Could not compute the {{algorithm}} checksum of {{path}}.',
    changed: 'File changed ({{algorithm}} checksum does not match): {{path}}',
    extra: 'Extra file, not listed in {{manifest}}: {{path}}',
    badInfoLine: 'bag-info.txt, line {{line}}: not of the form "Label: value".',
    badOxum: 'Payload-Oxum "{{oxum}}" is not of the form <bytes>.<files>.',
    oxumMismatch:
      'Payload-Oxum says {{bytes}} bytes in {{files}} files, but the data/ folder holds {{actualBytes}} bytes in {{actualFiles}} files.',
    unreadableFolder: 'Could not read the folder {{path}} ({{code}}).',
    unreadableFile: 'Could not read the file {{path}} ({{code}}).',
    notAFile: 'Not a regular file (a link or a device): {{path}}',
    tarUnsafePath: 'The tar holds an unsafe path "{{path}}" ({{reason}}).',
    tarDamaged: 'The encrypted file is damaged and could not be decrypted to the end ({{error}}).',
    tarManyRoots: 'The tar holds several top folders ({{roots}}); a bag has only one.',
    noErrorCode: 'error',
    path: {
      empty: 'empty path',
      absolute: 'absolute path',
      backslash: 'contains \\',
      control: 'contains control characters',
      parent: 'contains ".." (points outside the bag)',
      emptySegment: 'contains an empty or "." part',
    },
    name: {
      empty: 'empty name',
      tooLong: 'name longer than 255 characters',
      forbidden: 'contains characters Windows refuses (< > : " / \\ | ? * or control characters)',
      reserved: 'is a device name Windows reserves (CON, PRN, AUX, NUL, COM1…, LPT1…)',
      trailing: 'ends with a dot or a space',
    },
    unsafeEntry: '(unsafe path in the bag: {{path}})',
    manyRootsEntry: '(the bag has several top folders)',
    notAFileEntry: '(the bag holds an entry that is not a regular file: {{path}})',
    damagedEntry: '(the encrypted file is damaged: {{error}})',
    emptyEntry: '(the bag is empty)',
    list: {
      only: '({{problem}})',
      first: '({{problem}};',
      next: '{{problem}};',
      last: '{{problem}})',
      more: 'and {{n}} more)',
    },
  },
  export: {
    secretMeetings: '({{n}} classified records)',
    searchSaid: '({{reason}})',
    needsSpace: '(about {{needed}} needed, {{free}} free)',
    fileSize: '({{size}})',
    fileTooLarge: '({{path}}: {{size}})',
    destRelative: '({{dest}}: enter a full path, for example E:\\ or /media/usb)',
    destNotFolder: '({{dest}} is not a folder)',
    destError: '({{dest}}: {{code}})',
    missingPhotos:
      '{{n}} photos have no file in the archive on this PC (lost, or never copied in), so they are not in the export.',
  },
  size: {
    mb: '{{n}} MB',
    gb: '{{n}} GB',
  },
  passphrase: {
    empty: 'The passphrase is empty.',
    guessable: 'The passphrase is too easy to guess (one character repeated, a run of digits or a common word).',
    weak: 'Weak passphrase: use at least 12 characters, or a sentence of several words (for example "hồ sen mùa thu năm ấy"), so that whoever finds the USB stick cannot guess it.',
    fileEmpty: '(the first line of the passphrase file is empty)',
  },
  merge: {
    sealedChoice:
      '(“{{title}}”: “{{choice}}” cannot be chosen for this record — a record sealed on this PC can only be kept as it is or kept alongside)',
    meetingTwice: '({{file}}: meeting id {{id}} appears twice)',
    fileChanged: '({{file}} changed during the merge: plug the stick in again and preview again)',
    noBagHere: '(no archive bag in {{path}} or two folder levels below it: choose the right stick or the folder holding the bag)',
    severalBags: '(there are {{n}} archive bags here: {{names}}; choose one)',
    tooManyPeople: '(the bag holds more than {{max}} different people in one merge: export it as several smaller bags)',
    tooManyRowsInBag: '(the bag holds more than {{max}} rows (attendees, photos, conclusions, documents) in one merge: export it as several smaller bags)',
    personMissing: '({{file}}: the person with id {{id}} is not in the bag)',
    unsafePhotoPath: '(unsafe photo path: {{path}})',
    notFound: '(not found: {{path}})',
    notAnswering: '({{path}} does not answer: the stick may have been pulled out or be faulty; plug it in again and try again)',
    notABag: '({{name}}: choose the bag’s folder, or an encrypted .tar.age file)',
    photoMissing: '(photo missing: data/{{file}})',
    photoTooLarge: '(photo too large: data/{{file}}, {{size}})',
    photoMismatch: '(photo does not match its checksum: data/{{file}})',
    photoType: '(unsupported photo type: {{mime}})',
    photoUnchecked: '(the photo copied into the archive does not check: {{hash}})',
    rowTaken: '(table {{table}}: a row in the bag has the id of other data already on this computer)',
    recordProblem: '({{file}}, {{field}}: {{problem}})',
    idInvalid: 'the id is not a UUID',
    duplicateId: 'id {{id}} appears twice',
    duplicateAttendee: 'person {{id}} has two rows in the attendance list',
    duplicateTag: 'tag “{{name}}” appears twice',
    sealMismatch: 'the seal does not match the record’s content',
    sealMissing: 'the record is finalized but has no seal',
    sealOnDraft: 'the record is a draft but carries a seal',
    tooManyRows: '{{n}} rows, at most {{max}}',
    fileTooLarge: 'the file is {{size}}, at most {{max}} for one record',
    tooManyMeetings: '(the bag holds {{n}} meetings, at most {{max}} in one merge: export it as several smaller bags)',
    memberTooLarge: '(entry {{path}} declares {{size}} bytes, more than the whole encrypted file: {{fileSize}} bytes)',
    tooManyMembers: '(the bag has more than {{max}} entries)',
    beyondOxum: '(the bag holds more than its Payload-Oxum declares: {{files}} files, {{bytes}} bytes)',
  },
  backup: {
    isTheArchive: 'This is the archive in use itself, not a backup.',
    notFound: 'The backup file was not found.',
    unreadable: 'The backup could not be read ({{error}}).',
    damaged: 'The backup is damaged (integrity_check: {{result}}).',
    good: 'The backup is good: {{meetings}} meetings, integrity check passed.',
    refusedBecause: '({{reason}})',
    damagedAfterRestore: '(after the restore: {{result}}; the copy from before the restore: {{safety}})',
  },
  scratch: {
    noSpace: '(about {{needed}} needed, {{free}} free in {{dir}})',
  },
  check: {
    notFound: 'Archive file not found: {{file}}',
    readOnlyFolder:
      'The archive’s folder is read-only ({{dir}}): the check ran on a temporary copy and the archive file was left untouched. Changes made to the archive here cannot be saved; to keep working, copy the whole archive folder (with its photos folder) somewhere writable.',
    readOnlyFile:
      'The archive file is read-only (the Read-only attribute): the check ran on a temporary copy and the file was left untouched. To save changes, clear that attribute (right-click the file → Properties).',
    olderSchema: 'The archive has structure version {{version}}; it will be backed up and upgraded to {{latest}} when opened.',
    integrity: 'Data integrity error: {{line}}',
    brokenLink: 'Broken link: table {{table}}, row {{row}} points to a missing {{parent}}.',
    moreBrokenLinks: '… and {{n}} more broken links.',
    auditBroken: 'The change log was edited or deleted from entry {{seq}} on (the hash chain does not match).',
    indexOutOfStep:
      'The search index is out of step with the content for {{n}} meetings ({{missing}} missing, {{orphaned}} extra, {{stale}} out of date); run "hoso rebuild-index".',
    indexBroken: 'The search index is structurally damaged ({{error}}); run "hoso rebuild-index".',
    indexWordsOutOfStep: 'The ranking index disagrees with the content for {{n}} words (e.g. {{examples}}) and {{lengths}} meetings; run "hoso rebuild-index".',
    sealBroken: 'Sealed record “{{title}}”: {{reason}}',
    moreSealsBroken: '… and {{n}} more sealed records that do not match their seal.',
    sealsChecked: 'Seals of {{n}} sealed records checked.',
    unreadable: 'Could not read the archive: {{error}}',
  },
};
