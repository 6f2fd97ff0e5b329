/**
 * Texts of the Thùng rác screen and of moving a meeting there (namespace trash), spread into vi.ts and en.ts.
 */
export const trashVi = {
  trash: {
    title: 'Thùng rác',
    intro: 'Các cuộc họp đã chuyển vào thùng rác. Khôi phục để đưa cuộc họp trở lại danh sách.',
    empty: 'Thùng rác trống.',
    restore: 'Khôi phục',
    restoreFailed: 'Không khôi phục được',
    moveTo: 'Chuyển vào thùng rác',
    moveTitle: 'Chuyển cuộc họp vào thùng rác?',
    moveConfirm:
      'Cuộc họp sẽ không còn trong danh sách và kết quả tìm kiếm. Có thể khôi phục lại từ mục Thùng rác.',
    moveFailed: 'Không chuyển được vào thùng rác',
    column: {
      title: 'Tên cuộc họp',
      date: 'Ngày họp',
      deletedAt: 'Chuyển vào lúc',
    },
  },
};

export type TrashMessages = typeof trashVi;

export const trashEn: TrashMessages = {
  trash: {
    title: 'Trash',
    intro: 'Meetings moved to the trash. Restore one to bring it back to the list.',
    empty: 'The trash is empty.',
    restore: 'Restore',
    restoreFailed: 'Could not restore',
    moveTo: 'Move to trash',
    moveTitle: 'Move this meeting to the trash?',
    moveConfirm: 'The meeting will leave the list and the search results. It can be restored from the Trash.',
    moveFailed: 'Could not move to the trash',
    column: {
      title: 'Meeting',
      date: 'Date',
      deletedAt: 'Moved at',
    },
  },
};
