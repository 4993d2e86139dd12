import { passwordProblems } from '@xinxue/domain';
import type { FormRule } from 'antd';

/**
 * The server's password policy, checked as the user types, with the same Chinese wording the
 * server would answer with. `usernameField` names the form field holding the login name, or the
 * login name itself is passed when the form has no such field.
 */
export function passwordPolicyRule(username: { field: string } | { value: string }): FormRule {
  return ({ getFieldValue }) => ({
    validator(_, value: string | undefined) {
      if (!value) return Promise.resolve();
      const name = 'field' in username ? String(getFieldValue(username.field) ?? '') : username.value;
      const problems = passwordProblems(value, name);
      return problems.length ? Promise.reject(new Error(problems.join('；'))) : Promise.resolve();
    },
  });
}
