import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from './api-client';

/**
 * Puts a server error where the user is looking: on the field the server named when this form
 * has that field, otherwise returns the message for a form-level alert (null when placed).
 */
export function applyServerError(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (error instanceof ApiError && error.field && fields.includes(error.field)) {
    form.setFields([{ name: error.field, errors: [error.message] }]);
    return null;
  }
  return errorMessage(error);
}
