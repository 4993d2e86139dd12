import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built web app; unknown non-API paths get index.html so client routes reload. */
export async function registerWeb(app: FastifyInstance, dist = WEB_DIST): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) {
    app.log.warn(`未找到前端构建产物 ${dist}，仅提供 API（运行 npm run build:web）`);
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
