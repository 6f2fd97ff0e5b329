/**
 * Texts of moving the archive to another folder (Cài đặt → Nơi lưu kho hồ sơ, and the first-run setup's
 * Nơi lưu step; namespace archiveMove), spread into vi.ts and en.ts.
 */
export const archiveMoveVi = {
  archiveMove: {
    sectionTitle: 'Nơi lưu kho hồ sơ',
    current: 'Kho đang ở',
    intro:
      'Muốn để kho ở ổ đĩa khác (ví dụ D:), chọn thư mục mới. Chương trình chép kho và ảnh sang đó, kiểm tra bản chép, rồi dùng nơi mới từ lần mở sau. Bản ở chỗ cũ được giữ nguyên, không tự xóa.',
    folder: 'Thư mục mới cho kho',
    folderPlaceholder: 'VD: D:\\Hồ sơ hội nghị',
    check: 'Kiểm tra và chuyển kho…',
    confirmTitle: 'Chuyển kho hồ sơ sang thư mục mới?',
    confirmBody:
      'Chép kho ({{size}}, cả ảnh) sang {{target}}, rồi kiểm tra bản chép. Trong lúc chép không thao tác được; xong thì cần đóng rồi mở lại chương trình. Bản ở chỗ cũ được giữ nguyên.',
    confirm: 'Chép và chuyển kho',
    cancel: 'Huỷ',
    failed: 'Chưa chuyển được kho',
    done: 'Đã chép kho sang {{file}} và kiểm tra tốt ({{photos}} ảnh). Hãy đóng rồi mở lại chương trình để làm việc với kho ở nơi mới.',
    oldKept:
      'Bản cũ vẫn ở {{old}}: chương trình không tự xóa. Khi đã chắc kho ở nơi mới dùng tốt, có thể xóa bản cũ (cùng thư mục photos bên cạnh).',
    overridden:
      'Chương trình đang được khởi động với biến HOSO_DB (hoặc --db) chỉ tới kho cũ, nên lần mở sau vẫn dùng kho cũ: nhờ cán bộ tin học đổi biến đó thành {{file}}.',
    movedBefore:
      'Kho đã được chép sang {{file}}. Hãy đóng rồi mở lại chương trình để làm việc với kho ở nơi mới.',
  },
};

export type ArchiveMoveMessages = typeof archiveMoveVi;

export const archiveMoveEn: ArchiveMoveMessages = {
  archiveMove: {
    sectionTitle: 'Where the archive is kept',
    current: 'The archive is at',
    intro:
      'To keep the archive on another disk (e.g. D:), choose the new folder. The program copies the archive and its photos there, checks the copy, and uses the new place from the next start. The copy in the old place is kept, never deleted by the program.',
    folder: 'New folder for the archive',
    folderPlaceholder: 'e.g. D:\\Meeting records',
    check: 'Check and move the archive…',
    confirmTitle: 'Move the archive to the new folder?',
    confirmBody:
      'The archive ({{size}}, with its photos) is copied to {{target}}, then the copy is checked. Nothing else can be done meanwhile; afterwards close and reopen the program. The copy in the old place is kept.',
    confirm: 'Copy and move the archive',
    cancel: 'Cancel',
    failed: 'The archive was not moved',
    done: 'The archive was copied to {{file}} and checked ({{photos}} photos). Close and reopen the program to work with it in its new place.',
    oldKept:
      'The old copy is still at {{old}}: the program never deletes it. Once you are sure the new place works, you may delete it (with the photos folder beside it).',
    overridden:
      'The program is started with HOSO_DB (or --db) naming the old archive, so the next start still uses it: ask your IT officer to change it to {{file}}.',
    movedBefore:
      'The archive was copied to {{file}}. Close and reopen the program to work with it in its new place.',
  },
};
