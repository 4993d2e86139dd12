import { describe, expect, it } from 'vitest';
import { fieldForHeader, guessMapping, looksLikeHeader, mappingProblems } from './columns.ts';

describe('import columns', () => {
  it('matches the header names of the three departments', () => {
    for (const h of ['公民身份号码', '身份证号', '身份证号码', '证件号码']) expect(fieldForHeader(h)).toBe('idNumber');
    for (const h of ['户籍地址', '户籍地', '户口所在地']) expect(fieldForHeader(h)).toBe('hukouAddress');
    for (const h of ['流入时间', '来本地时间', '登记日期']) expect(fieldForHeader(h)).toBe('movedOn');
    for (const h of ['服务处所', '工作单位']) expect(fieldForHeader(h)).toBe('employer');
    for (const h of ['职业', '从事职业']) expect(fieldForHeader(h)).toBe('occupation');
    for (const h of ['联系电话', '联系方式', '手机号码']) expect(fieldForHeader(h)).toBe('phone');
    expect(fieldForHeader(' 村（居）委会 ')).toBe('community');
    expect(fieldForHeader('QQ号')).toBe('qq');
    expect(fieldForHeader('备注')).toBeNull();
  });

  it('finds the header row under a title and maps its columns', () => {
    expect(looksLikeHeader(['宜昌市流动人口登记表', '', ''])).toBe(false);
    const headers = ['序号', '姓名', '性别', '公民身份号码', '户籍地址', '流入时间', '服务处所', '联系电话', '备注'];
    expect(looksLikeHeader(headers)).toBe(true);
    expect(guessMapping(headers)).toEqual({ 1: 'name', 2: 'gender', 3: 'idNumber', 4: 'hukouAddress', 5: 'movedOn', 6: 'employer', 7: 'phone' });
  });

  it('says in Chinese what is wrong with a mapping', () => {
    expect(mappingProblems({ 0: 'gender' })).toEqual(['没有“姓名”列']);
    expect(mappingProblems({ 0: 'name', 1: 'phone', 2: 'phone' })).toEqual(['“联系电话”对应了2列']);
  });
});
