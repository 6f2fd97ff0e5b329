/**
 * Texts of the Nhiệm vụ screen and of a task's status (namespace tasks), spread into vi.ts and en.ts.
 */
export const tasksVi = {
  tasks: {
    title: 'Nhiệm vụ',
    total_one: '{{n}} nhiệm vụ',
    total_other: '{{n}} nhiệm vụ',
    overdueCount_one: '{{n}} quá hạn',
    overdueCount_other: '{{n}} quá hạn',
    overdue: 'Quá hạn',
    empty: 'Không có nhiệm vụ nào.',
    more: 'Đang hiện {{shown}} trên {{total}} nhiệm vụ; hãy lọc để thu hẹp.',
    markDone: 'Hoàn thành',
    status: {
      chua_lam: 'Chưa làm',
      dang_lam: 'Đang làm',
      hoan_thanh: 'Hoàn thành',
      huy: 'Hủy',
    },
    filter: {
      status: 'Tình trạng',
      overdue: 'Chỉ nhiệm vụ quá hạn',
      assignee: 'Người / đơn vị thực hiện',
      assigneePlaceholder: 'Gõ có dấu hoặc không dấu',
    },
    column: {
      task: 'Nhiệm vụ',
      assignee: 'Thực hiện',
      deadline: 'Thời hạn',
      status: 'Tình trạng',
    },
  },
};

export type TasksMessages = typeof tasksVi;

export const tasksEn: TasksMessages = {
  tasks: {
    title: 'Tasks',
    total_one: '{{n}} task',
    total_other: '{{n}} tasks',
    overdueCount_one: '{{n}} overdue',
    overdueCount_other: '{{n}} overdue',
    overdue: 'Overdue',
    empty: 'No tasks.',
    more: 'Showing {{shown}} of {{total}} tasks; filter to narrow them down.',
    markDone: 'Done',
    status: {
      chua_lam: 'Not started',
      dang_lam: 'In progress',
      hoan_thanh: 'Done',
      huy: 'Cancelled',
    },
    filter: {
      status: 'Status',
      overdue: 'Overdue only',
      assignee: 'Assignee or unit',
      assigneePlaceholder: 'With or without diacritics',
    },
    column: {
      task: 'Task',
      assignee: 'Assigned to',
      deadline: 'Deadline',
      status: 'Status',
    },
  },
};
