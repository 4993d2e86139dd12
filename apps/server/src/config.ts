import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration comes only from the environment and is validated once at start; a bad value stops
 * the process with a Chinese message naming the variable.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '须为 postgres:// 开头的连接串')
    .optional(),
  XINXUE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, '须为 Base64 编码的 32 字节密钥')
    .optional(),
  XINXUE_KEY_FILE: z.string().min(1).optional(),
  CITY_CODE: z.string().regex(/^\d{4}$|^\d{6}$/, '须为4位或6位行政区划代码，如 420500').default('420500'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  keyBase64: string | undefined;
  keyFile: string;
  cityCode: string;
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  logLevel: string;
  trustProxy: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误，请检查环境变量：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    keyBase64: e.XINXUE_KEY,
    keyFile: path.resolve(e.XINXUE_KEY_FILE ?? path.join(dataDir, 'xinxue.key')),
    cityCode: e.CITY_CODE.length === 6 ? e.CITY_CODE.slice(0, 4) : e.CITY_CODE,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    cookieSecure: e.COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
  };
}
