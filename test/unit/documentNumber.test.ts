import { describe, expect, it } from 'vitest';
import { normalizeDocumentNumber } from '../../contract/documentNumber';
import { DocumentRefFields } from '../../contract/recordContract';
import { translate } from '../../contract/messages/translate';
import { issueMessages } from '../../contract/messages/zodIssues';

const ok = (input: string) => {
  const r = normalizeDocumentNumber(input);
  if (!r.ok) throw new Error(`${input}: ${translate('vi', r.message)}`);
  return r;
};
const message = (input: string) => {
  const r = normalizeDocumentNumber(input);
  if (r.ok) throw new Error(`${input} was accepted as ${r.number}`);
  return translate('vi', r.message);
};

describe('số và ký hiệu văn bản', () => {
  it('keeps well-formed party and state numbers as they are, naming the type', () => {
    expect(ok('1374-QC/QUTW-TUHN')).toEqual({ ok: true, number: '1374-QC/QUTW-TUHN', docType: 'Quy chế' });
    expect(ok('1445-TB/QUTW-TUHN')).toMatchObject({ number: '1445-TB/QUTW-TUHN', docType: 'Thông báo' });
    expect(ok('03/2019/NĐ-CP')).toMatchObject({ number: '03/2019/NĐ-CP', docType: 'Nghị định' });
    expect(ok('15-NQ/TW')).toMatchObject({ number: '15-NQ/TW', docType: 'Nghị quyết' });
    expect(ok('09-CTr/TU')).toMatchObject({ number: '09-CTr/TU', docType: 'Chương trình' });
    expect(ok('05/TB-UBND')).toMatchObject({ number: '05/TB-UBND', docType: 'Thông báo' });
    expect(ok('1234/QĐ-TTg')).toMatchObject({ number: '1234/QĐ-TTg', docType: 'Quyết định' });
    expect(ok('08-QĐi/TW')).toMatchObject({ docType: 'Quy định' });
    expect(ok('126/2020/QH14')).toMatchObject({ number: '126/2020/QH14', docType: null });
    expect(ok('2345/UBND-VX')).toMatchObject({ docType: null });
  });

  it('repairs spacing, dashes, a leading "Số" and trailing punctuation', () => {
    expect(ok('2927 -TB/TU').number).toBe('2927-TB/TU');
    expect(ok('15 – NQ / TW').number).toBe('15-NQ/TW');
    expect(ok('Số: 05/TB-UBND').number).toBe('05/TB-UBND');
    expect(ok('số 1445-TB/QUTW-TUHN,').number).toBe('1445-TB/QUTW-TUHN');
    expect(ok('  03 / 2019 / NĐ - CP. ').number).toBe('03/2019/NĐ-CP');
    expect(ok('15－NQ／TW').number).toBe('15-NQ/TW');
    expect(ok('15‐NQ/TW').number).toBe('15-NQ/TW');
  });

  it('upper-cases a symbol typed in lower case, restoring official mixed-case codes', () => {
    expect(ok('15-nq/tw').number).toBe('15-NQ/TW');
    expect(ok('09-ctr/tu').number).toBe('09-CTr/TU');
    expect(ok('03/2019/nđ-cp').number).toBe('03/2019/NĐ-CP');
    expect(ok('1234/qđ-ttg').number).toBe('1234/QĐ-TTg');
    // Written mixed case on purpose: kept as written.
    expect(ok('09-CTr/TU').number).toBe('09-CTr/TU');
  });

  it('refuses what is not a document number, in Vietnamese', () => {
    expect(message('')).toBe('Số và ký hiệu văn bản không được để trống.');
    expect(message('Nghị quyết Trung ương 8')).toMatch(/không phải là số và ký hiệu văn bản/);
    expect(message('15')).toMatch(/cần có số rồi đến ký hiệu/);
    expect(message('NQ/TW')).toMatch(/cần có số rồi đến ký hiệu/);
    expect(message('15-NQ//TW')).toMatch(/ký hiệu chỉ gồm chữ và số/);
    expect(message('15-NQ/T W')).toMatch(/không có khoảng trắng/);
    expect(message('03/1890/NĐ-CP')).toMatch(/Năm ban hành 1890/);
    expect(message(`1-${'A'.repeat(120)}`)).toMatch(/quá dài/);
  });

  it('is what the contract stores: normalized on parse, the message as the issue', () => {
    expect(DocumentRefFields.parse({ number: '2927 -TB/TU' })).toMatchObject({
      number: '2927-TB/TU',
      docType: '',
      issuedOn: null,
    });
    const bad = DocumentRefFields.safeParse({ number: 'xem phụ lục' });
    expect(bad.success).toBe(false);
    const [issue] = issueMessages(bad.error!.issues);
    expect(translate('vi', issue!)).toMatch(/không phải là số và ký hiệu văn bản/);
    expect(translate('en', issue!)).toMatch(/is not a document number/);
  });
});
