import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openServices } from './runtime.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await openServices(config);
  const app = await buildApp(services, { logLevel: config.logLevel, cookieSecure: config.cookieSecure, trustProxy: config.trustProxy });
  const close = async () => {
    await app.close();
    await services.database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\n新血已启动：${url}  （数据库：${services.database.location}；接口文档：${url}/api/docs）`);
  if ((await services.users.repo.count()) === 0) {
    console.log('系统中还没有账号。载入宜昌演示数据（每个角色一个演示账号）：npx xinxue demo');
    console.log('或新建正式账号：npx xinxue user add --username 名 --role 角色 --scope 区划代码\n');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
