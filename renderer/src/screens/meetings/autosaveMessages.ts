/** Texts of the meeting form's autosave indicator (namespace autosave), spread into vi.ts and en.ts. */
export const autosaveVi = {
  autosave: {
    saving: 'Đang lưu…',
    unsaved: 'Chưa lưu',
    invalid: 'Chưa lưu: {{reason}}',
    stopped: 'Chưa lưu: đã ngừng tự động lưu vì hồ sơ vừa được sửa ở nơi khác.',
  },
};

export const autosaveEn: typeof autosaveVi = {
  autosave: {
    saving: 'Saving…',
    unsaved: 'Not saved',
    invalid: 'Not saved: {{reason}}',
    stopped: 'Not saved: autosave stopped because this record was just changed elsewhere.',
  },
};
