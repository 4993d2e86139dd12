/**
 * Password complexity (reference-data SEC-02): at least 8 characters, 3 of the 4 classes, and not
 * containing the login name. Shared by the server and the forms so both say the same thing.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_HISTORY = 5;

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) problems.push(`密码至少${PASSWORD_MIN_LENGTH}位`);
  if (password.length > 128) problems.push('密码不能超过128位');
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含登录名');
  return problems;
}
