import { createHash, randomBytes } from 'node:crypto';

/** Session tokens are random; only their SHA-256 is stored, so a database copy cannot log anyone in. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
