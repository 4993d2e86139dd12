import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, cityCode: '4205', sessionIdleMinutes: 30, databaseUrl: undefined });
    expect(config.keyFile).toMatch(/data\/xinxue\.key$/);
  });

  it('refuses bad values with a Chinese message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', XINXUE_KEY: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', XINXUE_KEY: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^配置错误/);
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: 须为 postgres:\/\/ 开头的连接串/);
      expect(message).toMatch(/XINXUE_KEY: 须为 Base64 编码的 32 字节密钥/);
    }
  });
});
