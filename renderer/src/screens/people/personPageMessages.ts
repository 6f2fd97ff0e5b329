/** Texts of a person's page (namespace personPage), spread into vi.ts and en.ts. */
export const personPageVi = {
  personPage: {
    back: 'Danh bạ',
    open: 'Mở trang của {{name}}',
    edit: 'Sửa',
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
