import { z } from 'zod';

/**
 * `xinxue-audit/1`, the audit result (dossier-format.md "Audit result"). The zod schema is the
 * API's response schema; the `explain` block is an opt-in addition (CLI `--explain`, API
 * `?explain=true`) and absent by default, so the default output is exactly the documented shape.
 */
export const AUDIT_FORMAT = 'xinxue-audit/1';

const factValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const auditFindingSchema = z.object({
  rule: z.string().describe('规则编号（rules.md）'),
  severity: z.enum(['BLOCK', 'WARN', 'INFO']),
  version: z.enum(['V2014', 'V2026', 'LEAGUE', 'LOCAL']).describe('判断所依据的规则版本'),
  step: z.number().int().min(1).max(25).describe('所涉步骤（1–25）'),
  message: z.string(),
  source: z.string().describe('依据的文件和条款'),
  explain: z
    .object({ name: z.string(), text: z.string(), facts: z.record(z.string(), factValue) })
    .optional()
    .describe('规则原文、所用事实（仅在请求说明时提供）'),
});

export const auditResultSchema = z.object({
  format: z.literal(AUDIT_FORMAT),
  asOf: z.string().describe('审核基准日'),
  results: z.array(z.object({ dossier: z.string(), findings: z.array(auditFindingSchema) })),
  summary: z.object({
    dossiers: z.number().int(),
    withBlock: z.number().int().describe('有否决项（BLOCK）的档案数'),
    withWarn: z.number().int().describe('有警示项（WARN）的档案数'),
    byRule: z.record(z.string(), z.number().int()).describe('各规则的问题条数'),
  }),
});

export type AuditFinding = z.infer<typeof auditFindingSchema>;
export type AuditResult = z.infer<typeof auditResultSchema>;
