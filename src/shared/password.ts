/** 等保 level 3 password rules (STANDARDS.md §6): ≥ 8 characters from at least 3 of 4 classes. */
export interface PasswordProblem {
  code: string;
  message: string;
  messageEn: string;
}

export const PASSWORD_MIN_LENGTH = 8;

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > 128) {
    return { code: 'PASSWORD_LENGTH', message: '密码长度应为8至128位', messageEn: 'Password must be 8–128 characters long' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) {
    return {
      code: 'PASSWORD_WEAK',
      message: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
      messageEn: 'Password must contain at least three of: upper case, lower case, digits, symbols',
    };
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return { code: 'PASSWORD_CONTAINS_USERNAME', message: '密码不能包含用户名', messageEn: 'Password must not contain the username' };
  }
  return null;
}
