import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Field encryption at rest. One 32-byte master key, kept outside the database (a 0600 file created
 * on first start, or XINXUE_KEY); separate subkeys are derived for encryption, lookup hashes and the
 * audit chain so no key serves two purposes. AES-256-GCM is authenticated: a changed ciphertext
 * fails to decrypt instead of yielding garbage (docs/decisions/0003).
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Keyed hash for exact lookup of an encrypted value; normalise the value before hashing. */
  lookupHash(value: string): string;
  /** HMAC for the audit log's hash chain. */
  chainMac(data: string): string;
}

const VERSION = 'v1';

export function loadOrCreateMasterKey(options: { keyBase64?: string | undefined; keyFile: string }): Buffer {
  if (options.keyBase64) return Buffer.from(options.keyBase64, 'base64');
  if (existsSync(options.keyFile)) {
    const key = Buffer.from(readFileSync(options.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`密钥文件 ${options.keyFile} 内容无效：应为 Base64 编码的 32 字节`);
    return key;
  }
  mkdirSync(path.dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(options.keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(options.keyFile, 0o600);
  return key;
}

function subkey(master: Buffer, purpose: string): KeyObject {
  // KeyObjects, not Buffers: each cipher or HMAC would otherwise import the key again (a bulk import does it ~10 times a row).
  return createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `xinxue:${purpose}`, 32)));
}

/**
 * Random 12-byte IVs, drawn from the CSPRNG a few thousand at a time: one randomBytes call per
 * encryption cost more than the encryption itself. Each IV is used once.
 */
function ivSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + 12 > pool.length) {
      pool = randomBytes(12 * 4096);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + 12);
    offset += 12;
    return iv;
  };
}

export function createFieldCrypto(master: Buffer): FieldCrypto {
  const encKey = subkey(master, 'field-encryption');
  const hashKey = subkey(master, 'lookup-hash');
  const chainKey = subkey(master, 'audit-chain');
  const nextIv = ivSource();
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, payload] = stored.split(':');
      if (version !== VERSION || !payload) throw new Error('无法识别的密文格式');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('base64url');
    },
    chainMac(data) {
      return createHmac('sha256', chainKey).update(data, 'utf8').digest('hex');
    },
  };
}
