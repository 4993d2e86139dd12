import { queryClient } from '../../app/query-client';
import { ApiError } from '../../lib/api-client';
import { sessionQueryKey, type Session } from '../auth/api/get-session';

/**
 * Uploads and downloads that the JSON client cannot make (multipart bodies, file answers). They
 * follow its rules: same-origin cookie, the CSRF header on every non-GET, errors as ApiError with
 * the server's Chinese message, and a lost session sends the user to the login page.
 */
function csrfHeader(): Record<string, string> {
  const token = queryClient.getQueryData<Session>(sessionQueryKey)?.csrfToken;
  return token ? { 'x-csrf-token': token } : {};
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;
  let payload: { code?: string; message?: string; field?: string } = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    // A body that is not JSON: the status says enough.
  }
  const error = new ApiError(response.status, payload.code ?? `HTTP_${response.status}`, payload.message ?? `请求失败（${response.status}），请稍后再试`, payload.field);
  // Asking for the session again goes through the JSON client, whose handler leads to the login page.
  if (response.status === 401) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  throw error;
}

/** POSTs a multipart form (a file upload) and reads the JSON answer. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await send(path, { method: 'POST', headers: { accept: 'application/json', ...csrfHeader() }, body: form });
  return (await response.json()) as T;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
  headers: Headers;
}

/** Fetches a file: a GET, or a POST with a JSON body (the CSRF header goes with it). */
export async function fetchFile(path: string, options: { body?: unknown; fallbackName: string; signal?: AbortSignal }): Promise<DownloadedFile> {
  const init: RequestInit =
    options.body === undefined
      ? { method: 'GET' }
      : { method: 'POST', headers: { 'content-type': 'application/json', ...csrfHeader() }, body: JSON.stringify(options.body) };
  if (options.signal) init.signal = options.signal;
  const response = await send(path, init);
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition'), options.fallbackName), headers: response.headers };
}

/** The file name the server chose: RFC 5987 `filename*=UTF-8''…` first, then a plain `filename=`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Hands a blob to the browser as a download. */
export function saveFile({ blob, fileName }: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
