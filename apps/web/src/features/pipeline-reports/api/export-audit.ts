/** The batch audit as an .xlsx download address (a GET: the browser sends the session cookie; the server logs it). */
export function auditExportUrl(orgId: number | undefined): string {
  return `/api/pipeline/audit/export${orgId ? `?orgId=${orgId}` : ''}`;
}
