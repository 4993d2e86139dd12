import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { typed } from './lib/http.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { auditLogRoutes } from './modules/audit-log/audit-log.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { divisionsRoutes } from './modules/divisions/divisions.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { talentRoutes } from './modules/talent/talent.routes.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { dossierAuditRoutes } from './modules/dossier-audit/dossier-audit.routes.ts';
import { newOrgsRoutes } from './modules/new-orgs/new-orgs.routes.ts';
import { mobileOrgsRoutes } from './modules/mobile-orgs/mobile-orgs.routes.ts';
import { microOrgsRoutes } from './modules/micro-orgs/micro-orgs.routes.ts';
import { pipelineRoutes } from './modules/pipeline/index.ts';
import { papersRoutes } from './modules/pipeline-papers/index.ts';
import { pipelineReportsRoutes } from './modules/pipeline-reports/index.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { registerWebAndNotFound } from './plugins/web.ts';
import type { Services } from './services.ts';

z.config(z.locales.zhCN());

export const VERSION = '0.1.0';

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
  scoped: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

export interface AppOptions {
  logLevel?: string;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  /** Logins per minute per client address. */
  loginRateLimit?: number;
  serveWeb?: boolean;
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 300 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '新血 Xinxue API', description: '流动人员发展党员工作系统接口', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xinxue_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuth(app, services.auth);
  // A catalogue of routes and their access marks: the scope matrix test walks it.
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') catalogue.push({ method, url: route.url, access: route.config?.access, scoped: route.config?.scoped === true });
  });

  typed(app).get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['sqlite', 'postgres']), version: z.string() }) } },
  }, async () => {
    await services.database.db.selectFrom('divisions').select('code').limit(1).execute();
    return { status: 'ok' as const, engine: services.database.engine, version: VERSION };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, services, { cookieSecure: options.cookieSecure ?? false, loginRateLimit: options.loginRateLimit ?? 10 });
  usersRoutes(app, services);
  divisionsRoutes(app, services);
  orgsRoutes(app, services);
  auditLogRoutes(app, services);
  homeRoutes(app, services);
  ledgerRoutes(app, services);
  talentRoutes(app, services);
  dossierAuditRoutes(app, services);
  surveysRoutes(app, services);
  newOrgsRoutes(app, services);
  mobileOrgsRoutes(app, services);
  microOrgsRoutes(app, services);
  pipelineRoutes(app, services);
  papersRoutes(app, services);
  pipelineReportsRoutes(app, services);

  await registerWebAndNotFound(app, options.serveWeb ?? true);
  return app;
}
