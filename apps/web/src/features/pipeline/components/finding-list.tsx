import { Descriptions, Flex, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import type { GateFinding, Severity } from '../api/dossier';
import { useRules } from '../api/rules';

export const severityColors: Record<Severity, string> = { BLOCK: 'red', WARN: 'orange', INFO: 'blue' };
export const severityLabels: Record<Severity, string> = { BLOCK: '否决', WARN: '警示', INFO: '提示' };
const versionLabels: Record<string, string> = { V2014: '2014年版细则', V2026: '2026年版细则', LEAGUE: '共青团规定', LOCAL: '本地规定' };

/** What a rule says, from `GET /api/audit/rules` (loaded once, when first asked). */
function RuleExplanation({ ruleId, onClose }: { ruleId: string; onClose: () => void }) {
  const rules = useRules();
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  return (
    <Modal open title={rule ? `${rule.id} ${rule.name}` : ruleId} footer={null} onCancel={onClose} destroyOnHidden>
      {rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !rules.data ? (
        <Skeleton active />
      ) : !rule ? (
        <Typography.Text type="secondary">没有找到规则 {ruleId} 的说明</Typography.Text>
      ) : (
        <Descriptions column={1} size="small" data-testid="rule-explanation">
          <Descriptions.Item label="规定">{rule.text}</Descriptions.Item>
          <Descriptions.Item label="依据">{rule.source}</Descriptions.Item>
          <Descriptions.Item label="适用">{rule.versions.map((v) => versionLabels[v] ?? v).join('、')}</Descriptions.Item>
          <Descriptions.Item label="本市设置">
            {rule.severities.map((s) => severityLabels[s]).join(' / ')}
            {rule.enabled ? '' : '（未启用）'}
          </Descriptions.Item>
          <Descriptions.Item label="所属步骤">第{rule.step}步 {rule.stepName}</Descriptions.Item>
          {Object.values(rule.params).map((p) => (
            <Descriptions.Item key={p.label} label={p.label}>{Array.isArray(p.value) ? p.value.join('、') : String(p.value)}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Modal>
  );
}

/** Findings inline: severity colour, rule id (click for the rule), message, article. */
export function FindingList({ findings }: { findings: readonly GateFinding[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (findings.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="findings">
      {findings.map((f, i) => (
        <div key={`${f.rule}-${i}`} data-testid="finding" data-rule={f.rule} style={{ fontSize: 13, lineHeight: 1.6 }}>
          <Tag color={severityColors[f.severity]} style={{ cursor: 'pointer' }} onClick={() => setOpen(f.rule)} title="点击查看规则说明">
            {severityLabels[f.severity]} {f.rule}
          </Tag>
          <Typography.Text style={{ fontSize: 13 }}>{f.message}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}> （{f.source}）</Typography.Text>
        </div>
      ))}
      {open && <RuleExplanation ruleId={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
