export * from './idnumber/idnumber.ts';
export * from './phone/phone.ts';
export * from './masking/masking.ts';
export * from './auth/roles.ts';
export * from './auth/password-policy.ts';
export * from './divisions/codes.ts';
export * from './codes/code-lists.ts';
export * from './ledger/index.ts';
