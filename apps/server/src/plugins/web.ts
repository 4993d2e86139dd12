import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The web app's build, found through its package (the `xinxue` command runs this file from a bundle elsewhere). */
export const WEB_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('@xinxue/web/package.json')), 'dist');

/**
 * Serves the built web app (when `serveWeb` and a build exists) and sets the one not-found
 * handler: API paths get a JSON 404; other GETs get index.html so client routes survive a reload.
 */
export async function registerWebAndNotFound(app: FastifyInstance, serveWeb: boolean, dist = WEB_DIST): Promise<void> {
  const hasBuild = serveWeb && existsSync(path.join(dist, 'index.html'));
  if (serveWeb && !hasBuild) app.log.warn(`未找到前端构建产物 ${dist}，仅提供 API（运行 npm run build:web）`);
  if (hasBuild) await app.register(fastifyStatic, { root: dist, wildcard: false, index: 'index.html', maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (!hasBuild || request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
