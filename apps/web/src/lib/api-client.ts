/**
 * The one way the web app talks to the server: same-origin JSON, the session cookie travels by
 * itself, and every non-GET request carries the CSRF token the server handed out at login.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** The server's `details` (e.g. the findings of a refused dossier step). */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

/** 401 codes that mean "this browser has no usable session"; other 401s (wrong password, wrong code) are form errors. */
const sessionLostCodes = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'SECOND_FACTOR_REQUIRED']);

export function isSessionLost(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && sessionLostCodes.has(error.code);
}

let csrfToken: string | null = null;
let onSessionLost: ((error: ApiError) => void) | null = null;
const requestListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The router registers this once, so any call anywhere can send the user to the login page. */
export function setSessionLostHandler(handler: (error: ApiError) => void): void {
  onSessionLost = handler;
}

/** Lets the idle watcher restart its clock whenever the server has seen us. */
export function onApiRequest(listener: () => void): () => void {
  requestListeners.add(listener);
  return () => requestListeners.delete(listener);
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal | undefined;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  for (const listener of requestListeners) listener();

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;

  const payload = (data ?? {}) as { code?: string; message?: string; field?: string; details?: Record<string, unknown> };
  const error = new ApiError(
    response.status,
    payload.code ?? `HTTP_${response.status}`,
    payload.message ?? `请求失败（${response.status}），请稍后再试`,
    payload.field,
    payload.details,
  );
  if (isSessionLost(error)) {
    csrfToken = null;
    onSessionLost?.(error);
  }
  throw error;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
