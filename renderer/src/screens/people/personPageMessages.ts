/** Texts of a person's page (namespace personPage), spread into vi.ts and en.ts. */
export const personPageVi = {
  personPage: {
    back: 'Danh bạ',
    open: 'Mở trang của {{name}}',
    edit: 'Sửa',
    delete: 'Xóa khỏi danh bạ',
    deleteTitle: 'Xóa người này khỏi danh bạ?',
    deleteText:
      '{{name}} sẽ bị xóa khỏi danh bạ. Người này chưa dự cuộc họp nào; bản ghi vẫn được giữ (đánh dấu đã xóa) và nhật ký thay đổi ghi lại thông tin đã xóa.',
    deleteConfirm: 'Xóa',
    deleteClose: 'Đóng',
    deleteUsed_one: 'Không xóa được: người này có trong {{count}} cuộc họp. Chỉ xóa được người chưa dự cuộc họp nào.',
    deleteUsed_other: 'Không xóa được: người này có trong {{count}} cuộc họp. Chỉ xóa được người chưa dự cuộc họp nào.',
    meetings: 'Các cuộc họp đã dự',
    count_one: '{{n}} cuộc họp',
    count_other: '{{n}} cuộc họp',
    empty: 'Người này chưa dự cuộc họp nào.',
    more: 'Xem thêm',
    atTheTime: 'khi đó: {{value}}',
    noDate: 'Chưa có ngày',
    column: {
      date: 'Ngày',
      title: 'Cuộc họp',
      role: 'Vai trò',
      rankTitles: 'Cấp bậc, chức vụ khi đó',
      status: 'Trạng thái',
    },
  },
};

export const personPageEn: typeof personPageVi = {
  personPage: {
    back: 'Directory',
    open: "Open {{name}}'s page",
    edit: 'Edit',
    delete: 'Delete from the directory',
    deleteTitle: 'Delete this person from the directory?',
    deleteText:
      '{{name}} will be deleted from the directory. This person has attended no meeting; the entry is kept, marked deleted, and the change log records what was deleted.',
    deleteConfirm: 'Delete',
    deleteClose: 'Close',
    deleteUsed_one: 'Cannot be deleted: this person is in {{count}} meeting. Only a person who attended no meeting can be deleted.',
    deleteUsed_other: 'Cannot be deleted: this person is in {{count}} meetings. Only a person who attended no meeting can be deleted.',
    meetings: 'Meetings attended',
    count_one: '{{n}} meeting',
    count_other: '{{n}} meetings',
    empty: 'This person has not attended any meeting yet.',
    more: 'Show more',
    atTheTime: 'then: {{value}}',
    noDate: 'No date',
    column: {
      date: 'Date',
      title: 'Meeting',
      role: 'Role',
      rankTitles: 'Rank and titles at the time',
      status: 'Status',
    },
  },
};
