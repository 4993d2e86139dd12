import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import type { ChecklistItem } from '@xinxue/domain/pipeline/gate';
import { Alert, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DeferralFacts } from './api/get-deferral';
import { evidenceText } from './labels';
import type { GateFinding } from './live-judgement';

const severityTag: Record<string, { color: string; label: string }> = {
  BLOCK: { color: 'red', label: '不能办理' },
  WARN: { color: 'orange', label: '警示' },
  INFO: { color: 'blue', label: '提示' },
};

const rowStyle = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0' } as const;

/** A bordered stack of rows (antd's List is deprecated in v6). */
function Rows({ testId, children }: { testId?: string; children: ReactNode }) {
  return <div data-testid={testId} style={{ border: '1px solid #f0f0f0', borderRadius: 8, overflow: 'hidden' }}>{children}</div>;
}

/** Findings with their rule id, Chinese message and article: red for BLOCK, orange for WARN. */
export function FindingList({ findings, testId }: { findings: readonly GateFinding[]; testId: string }) {
  if (findings.length === 0) return null;
  return (
    <Rows testId={testId}>
      {findings.map((f) => (
        <div key={`${f.rule}|${f.step}|${f.message}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} style={{ ...rowStyle, borderInlineStart: `3px solid ${f.severity === 'BLOCK' ? '#ff4d4f' : f.severity === 'WARN' ? '#fa8c16' : '#1677ff'}` }}>
          <Flex vertical gap={2}>
            <Flex gap={6} wrap align="center">
              <Tag color={severityTag[f.severity]?.color}>{severityTag[f.severity]?.label}</Tag>
              <Typography.Text code>{f.rule}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>第{f.step}步 · {f.version}</Typography.Text>
            </Flex>
            <Typography.Text>{f.message}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{f.source}</Typography.Text>
          </Flex>
        </div>
      ))}
    </Rows>
  );
}

const statusIcon = {
  passed: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  failed: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  unknown: <QuestionCircleFilled style={{ color: '#faad14' }} />,
};
const statusText = { passed: '符合', failed: '不符合', unknown: '无法判断' };


/** 六个不批: each item, its status and the evidence behind it. */
export function SixRefusals({ items }: { items: readonly ChecklistItem[] }) {
  return (
    <div data-testid="six-refusals">
      <Typography.Title level={5} style={{ marginTop: 0 }}>六个不批</Typography.Title>
      <Rows>
        {items.map((item) => (
          <div key={item.item} data-testid="refusal-item" data-status={item.status} style={rowStyle}>
            <Flex vertical gap={2}>
              <Flex gap={6} align="center" wrap>
                {statusIcon[item.status]}
                <Typography.Text strong>{item.item}. {item.text}</Typography.Text>
                <Tag color={item.status === 'failed' ? 'red' : item.status === 'passed' ? 'green' : 'gold'}>{statusText[item.status]}</Tag>
              </Flex>
              {item.evidence.map((e) => (
                <Typography.Text key={e.field} type="secondary" style={{ fontSize: 12 }}>{e.label}：{evidenceText(e.field, e.value)}</Typography.Text>
              ))}
              {item.findings.map((f) => (
                <Typography.Text key={`${f.rule}${f.message}`} type="danger" style={{ fontSize: 12 }}>{f.rule}：{f.message}</Typography.Text>
              ))}
              {item.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.note}</Typography.Text>}
            </Flex>
          </div>
        ))}
      </Rows>
    </div>
  );
}

const performanceLabels = { good: '好', fair: '一般', poor: '差' } as const;

/** 三个暂不发展: the ledger's facts (months away, a fixed employer, recorded performance) with where each comes from; the R-DEFER-* findings judge them. */
export function DeferralPanel({ facts }: { facts: DeferralFacts }) {
  const rows = [
    { label: '上一年外出时间', value: facts.monthsAwayLastYear === null ? '无法判断' : `${facts.monthsAwayLastYear} 个月`, evidence: facts.evidence.monthsAwayLastYear },
    { label: '有无固定工作单位', value: facts.hasFixedEmployer === null ? '无法判断' : facts.hasFixedEmployer ? '有' : '无', evidence: facts.evidence.hasFixedEmployer },
    { label: '现实表现', value: facts.performance === null ? '无记录' : performanceLabels[facts.performance], evidence: facts.evidence.performance },
  ];
  return (
    <div data-testid="deferral-facts">
      <Typography.Title level={5} style={{ marginTop: 0 }}>三个暂不发展（台帐事实，截至 {facts.asOf}）</Typography.Title>
      <Rows>
        {rows.map((r) => (
          <div key={r.label} style={rowStyle}>
            <Flex vertical gap={2}>
              <Typography.Text>{r.label}：<Typography.Text strong>{r.value}</Typography.Text></Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.evidence}</Typography.Text>
            </Flex>
          </div>
        ))}
      </Rows>
    </div>
  );
}

/** The live verdict in one line above the lists. */
export function Verdict({ blocks, warnings }: { blocks: number; warnings: number }) {
  if (blocks > 0) return <Alert type="error" showIcon title={`规则检查：${blocks} 项不能办理（BLOCK），须先纠正`} data-testid="live-verdict" />;
  if (warnings > 0) return <Alert type="warning" showIcon title={`规则检查：${warnings} 项警示（WARN），提交时须写明理由`} data-testid="live-verdict" />;
  return <Alert type="success" showIcon title="规则检查：未发现问题" data-testid="live-verdict" />;
}
