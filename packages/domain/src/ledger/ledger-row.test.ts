import { describe, expect, it } from 'vitest';
import { readLedgerRow } from './ledger-row.ts';

const TODAY = '2026-11-27';

describe('reading a ledger row', () => {
  it('normalises a police row', () => {
    const r = readLedgerRow(
      { name: ' 张 三 ', idNumber: '42050619900307123x', ethnicity: '土家', movedOn: '2023.5.1', employer: '宜昌某某物流有限公司', occupation: '快递员', phone: '138 1234 5678/0717-6234567', hukouAddress: '湖北省宜昌市夷陵区小溪塔街道平湖路18号' },
      'police',
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      record: expect.objectContaining({
        name: '张三', idNumber: '42050619900307123X', gender: '1', birthDate: '1990-03-07', ethnicity: '15', direction: 'inbound', movedOn: '2023-05-01',
        occupationGroup: '4', phones: ['13812345678', '0717-6234567'],
      }),
    });
  });

  it('uses the source preset for the direction unless the row says', () => {
    expect(readLedgerRow({ name: '李四' }, 'civilAffairs', TODAY)).toMatchObject({ ok: true, record: { direction: 'outbound' } });
    expect(readLedgerRow({ name: '李四', direction: '流入' }, 'civilAffairs', TODAY)).toMatchObject({ ok: true, record: { direction: 'inbound' } });
  });

  it('reports every problem with its field, in Chinese', () => {
    const r = readLedgerRow({ name: '', idNumber: '420506199003071230', gender: '女', movedOn: '2023-02-30', phone: '12345', ethnicity: '火星族', qq: 'abc' }, 'police', TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: 'name', message: '姓名为空' },
      { field: 'idNumber', message: '公民身份号码校验码错误' },
      { field: 'ethnicity', message: '民族“火星族”不在国家标准代码表中' },
      { field: 'movedOn', message: expect.stringContaining('流动时间无法识别') },
      { field: 'phone', message: expect.stringContaining('电话号码格式不正确') },
      { field: 'qq', message: 'QQ号应为5至12位数字' },
    ]);
  });

  it('refuses a gender or birth date contradicting the ID number', () => {
    const r = readLedgerRow({ name: '王五', idNumber: '42050619900307123X', gender: '女', birthDate: '1990-03-08' }, 'police', TODAY);
    expect(r).toEqual({ ok: false, problems: [{ field: 'gender', message: '性别与公民身份号码不一致' }, { field: 'birthDate', message: '出生日期与公民身份号码不一致' }] });
  });
});
