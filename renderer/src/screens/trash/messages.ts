/**
 * Texts of the Thùng rác screen and of moving a meeting there (namespace trash), spread into vi.ts and en.ts.
 */
export const trashVi = {
  trash: {
    title: 'Thùng rác',
    intro:
      'Các cuộc họp và người trong Danh bạ đã chuyển vào thùng rác. Khôi phục để đưa trở lại danh sách.',
    meetingsTitle: 'Cuộc họp',
    empty: 'Không có cuộc họp nào trong thùng rác.',
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
    people: {
      title: 'Danh bạ',
      empty: 'Không có người nào trong thùng rác.',
      merged: 'Đã gộp vào {{name}}',
      mergedNote: 'Khi khôi phục, các cuộc họp đã gộp vẫn thuộc {{name}}.',
      restored: 'Đã khôi phục {{name}} vào Danh bạ.',
      restoredMerged:
        'Đã khôi phục {{name}} thành một người riêng trong Danh bạ. Các cuộc họp đã gộp vẫn thuộc {{kept}}; nếu cần, sửa từng cuộc họp.',
      column: { name: 'Họ và tên', rank: 'Cấp bậc, chức vụ' },
    },
  },
};

export type TrashMessages = typeof trashVi;

export const trashEn: TrashMessages = {
  trash: {
    title: 'Trash',
    intro: 'Meetings and Directory entries moved to the trash. Restore one to bring it back to its list.',
    meetingsTitle: 'Meetings',
    empty: 'No meeting in the trash.',
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
    people: {
      title: 'Directory',
      empty: 'No one in the trash.',
      merged: 'Merged into {{name}}',
      mergedNote: 'If restored, the merged meetings stay with {{name}}.',
      restored: '{{name}} restored to the Directory.',
      restoredMerged:
        '{{name}} restored as a separate Directory entry. The merged meetings stay with {{kept}}; correct a meeting by hand if needed.',
      column: { name: 'Full name', rank: 'Rank, title' },
    },
  },
};
