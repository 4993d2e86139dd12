import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { formatCount } from '../../../lib/format';
import type { CoverageSummary, Tally } from '../api/get-coverage';

function Gauge({ title, tally }: { title: string; tally: Tally }) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, marginTop: 8, flexWrap: 'wrap' }}>
        <Progress type="dashboard" percent={Math.round(tally.rate * 1000) / 10} size={110} strokeColor="#c8161d" format={(p) => `${p}%`} aria-label={`${title}覆盖率`} />
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Statistic title="已建立党组织 / 在册" value={`${formatCount(tally.covered)} / ${formatCount(tally.total)}`} styles={{ content: { fontSize: 18 } }} />
          <Typography.Text type="secondary">{`空白点 ${formatCount(tally.blank)} 个，其中有党员 ${formatCount(tally.blankPartyMembers)} 名`}</Typography.Text>
        </div>
      </div>
    </Card>
  );
}

/** The coverage rate of enterprises, social organizations and both, as gauges. */
export function RateGauges({ summary }: { summary: CoverageSummary }) {
  return (
    <Row gutter={[12, 12]} data-testid="coverage-gauges">
      {summary.byKind.map((k) => (
        <Col key={k.kind} xs={24} md={8}>
          <Gauge title={k.label} tally={k} />
        </Col>
      ))}
      <Col xs={24} md={8}>
        <Gauge title="两新组织合计" tally={summary.totals} />
      </Col>
    </Row>
  );
}
