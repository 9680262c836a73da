/** The user pool's password policy (infra/constructs/identity.ts): 12+ characters, upper, lower, digit, symbol. */
export const meetsPasswordPolicy = (pw: string): boolean =>
  pw.length >= 12 && /[a-z]/.test(pw) && /[A-Z]/.test(pw) && /\d/.test(pw) && /[^A-Za-z0-9]/.test(pw);
