import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';
import { hasPermission, requiresTotp, roles } from './roles.ts';

describe('password policy', () => {
  it('accepts a strong password', () => {
    expect(passwordProblems('Yichang#2026', 'zhangsan')).toEqual([]);
  });
  it('names every problem in Chinese', () => {
    expect(passwordProblems('abc', 'x')).toEqual(['密码至少8位', '密码须包含大写字母、小写字母、数字、符号中的至少三类']);
    expect(passwordProblems('Zhangsan#1', 'zhangsan')).toEqual(['密码不能包含登录名']);
  });
});

describe('roles', () => {
  it('separates the three administrators from business data', () => {
    expect(hasPermission('auditAdmin', 'auditLog:read')).toBe(true);
    expect(hasPermission('sysAdmin', 'auditLog:read')).toBe(false);
    for (const role of ['sysAdmin', 'securityAdmin', 'auditAdmin'] as const) {
      expect(hasPermission(role, 'people:read')).toBe(false);
      expect(requiresTotp(role)).toBe(true);
    }
    expect(roles.filter((r) => requiresTotp(r))).toHaveLength(3);
  });
});
