import { AppstoreOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Pagination, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { OrgPicker } from '../../orgs/components/org-picker';
import { auditExportUrl } from '../api/export-audit';
import { type AuditFinding, type Severity, useAudit } from '../api/get-audit';
import { dossierUrl } from './links';

const severityTag: Record<Severity, { color: string; label: string }> = {
  BLOCK: { color: 'red', label: '阻断' },
  WARN: { color: 'orange', label: '警示' },
  INFO: { color: 'blue', label: '提示' },
};

function SeverityTag({ severity }: { severity: Severity }) {
  const t = severityTag[severity];
  return <Tag color={t.color}>{t.label}</Tag>;
}

/** 档案批量审核: the rule engine over every dossier in scope, by rule and by organization, with the findings and an .xlsx export. */
export function AuditPage() {
  const [orgId, setOrgId] = useState<number | undefined>();
  const [rule, setRule] = useState<string | undefined>();
  const [severity, setSeverity] = useState<Severity | undefined>();
  const [findingOrg, setFindingOrg] = useState<number | undefined>();
  const audit = useAudit(orgId);
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const data = audit.data;

  const [phonePage, setPhonePage] = useState(1);
  // Two findings may read alike (two opinion rounds on one date): the list position is the key.
  const numbered = useMemo(() => (data?.findings ?? []).map((f, key) => ({ ...f, key })), [data]);
  const findings = useMemo(
    () => numbered.filter((f) => (!rule || f.rule === rule) && (!severity || f.severity === severity) && (!findingOrg || f.orgId === findingOrg)),
    [numbered, rule, severity, findingOrg],
  );
  const shownPage = Math.min(phonePage, Math.max(1, Math.ceil(findings.length / 20)));
  const topRules = (data?.byRule ?? []).slice(0, 20);
  const topOrgs = (data?.byOrg ?? []).filter((o) => o.withBlock + o.withWarn > 0).slice(0, 20);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          档案批量审核
        </Typography.Title>
        <Space wrap>
          <Link to="/pipeline"><Button icon={<AppstoreOutlined />}>发展党员看板</Button></Link>
          <Button type="primary" icon={<DownloadOutlined />} href={auditExportUrl(orgId)} download data-testid="audit-export">导出（.xlsx）</Button>
        </Space>
      </Flex>
      <div style={{ width: phone ? '100%' : 320 }}>
        <OrgPicker
          value={orgId ?? null}
          onChange={(id) => {
            setOrgId(id ?? undefined);
            setFindingOrg(undefined);
          }}
          placeholder="全部管辖范围（可选党组织，含下级）"
        />
      </div>
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {`按${data.city}的规则设置，以 ${data.asOf} 为基准审核范围内全部档案（办理中的按今天，已转正、已撤回的按最后一次记录的日期）；只列阻断和警示问题。`}
          </Typography.Text>
          <Row gutter={[12, 12]} data-testid="audit-totals">
            <Col xs={12} md={6}><Card size="small"><Statistic title="审核档案" value={data.totals.dossiers} suffix="份" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="有阻断问题" value={data.totals.withBlock} suffix="份" styles={{ content: { color: '#c8161d' } }} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="有警示问题" value={data.totals.withWarn} suffix="份" styles={{ content: { color: '#e6a23c' } }} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="问题总数" value={data.totals.findings} suffix="个" /></Card></Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="按规则（涉及档案数，点击筛选明细）">
                {topRules.length === 0 ? (
                  <Empty description="没有发现问题" />
                ) : (
                  <BarChart
                    testId="audit-by-rule"
                    categories={topRules.map((r) => r.rule)}
                    series={[{ name: '涉及档案', data: topRules.map((r) => r.dossiers) }]}
                    onCategoryClick={(i) => setRule(topRules[i]!.rule)}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="按党组织（点击筛选明细）">
                {topOrgs.length === 0 ? (
                  <Empty description="没有发现问题" />
                ) : (
                  <BarChart
                    testId="audit-by-org"
                    categories={topOrgs.map((o) => o.orgName)}
                    series={[{ name: '有阻断问题', data: topOrgs.map((o) => o.withBlock) }, { name: '有警示问题', data: topOrgs.map((o) => o.withWarn) }]}
                    onCategoryClick={(i) => setFindingOrg(topOrgs[i]!.orgId)}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={`问题明细（${findings.length} 条）`}
            extra={data.findings.length < data.totals.findings ? <Typography.Text type="secondary">{`页面显示前 ${data.findings.length} 条，全部见导出文件`}</Typography.Text> : null}
          >
            <Flex vertical gap={12}>
              <Flex gap={8} wrap>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="规则"
                  value={rule}
                  onChange={(v: string | undefined) => setRule(v)}
                  options={data.byRule.map((r) => ({ value: r.rule, label: `${r.rule} ${r.name}（${r.dossiers}）` }))}
                  style={{ width: phone ? '100%' : 320 }}
                />
                <Select allowClear placeholder="严重程度" value={severity} onChange={(v: Severity | undefined) => setSeverity(v)} options={[{ value: 'BLOCK', label: '阻断' }, { value: 'WARN', label: '警示' }]} style={{ width: 120 }} />
                <Select
                  allowClear
                  placeholder="党组织"
                  value={findingOrg}
                  onChange={(v: number | undefined) => setFindingOrg(v)}
                  options={data.byOrg.map((o) => ({ value: o.orgId, label: o.orgName }))}
                  style={{ width: phone ? '100%' : 260 }}
                />
              </Flex>
              {data.totals.findings === 0 && <Alert type="success" showIcon title="范围内档案均未发现阻断或警示问题" />}
              {phone ? (
                <Flex vertical gap={8}>
                  {findings.slice((shownPage - 1) * 20, shownPage * 20).map((f) => (
                    <Link key={f.key} to={dossierUrl(f.dossierId)}>
                      <Card size="small" hoverable>
                        <Flex vertical gap={2}>
                          <Flex justify="space-between" gap={8}>
                            <Typography.Text strong>{f.personName}</Typography.Text>
                            <SeverityTag severity={f.severity} />
                          </Flex>
                          <Typography.Text>{f.message}</Typography.Text>
                          <Typography.Text type="secondary">{`${f.rule} · 第${f.step}步 · ${f.orgName}`}</Typography.Text>
                        </Flex>
                      </Card>
                    </Link>
                  ))}
                  {findings.length > 20 && <Pagination size="small" align="center" current={shownPage} pageSize={20} total={findings.length} onChange={setPhonePage} />}
                </Flex>
              ) : (
                <Table<AuditFinding & { key: number }>
                  size="small"
                  rowKey="key"
                  dataSource={findings}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  scroll={{ x: 1100 }}
                  columns={[
                    { title: '姓名', dataIndex: 'personName', width: 100, render: (name: string, f) => <Link to={dossierUrl(f.dossierId)}>{name}</Link> },
                    { title: '党组织', dataIndex: 'orgName', width: 200 },
                    { title: '步骤', key: 'step', width: 160, render: (_: unknown, f) => `第${f.step}步 ${f.stepName}` },
                    { title: '程度', dataIndex: 'severity', width: 70, render: (s: Severity) => <SeverityTag severity={s} /> },
                    { title: '规则', dataIndex: 'rule', width: 190, render: (id: string, f) => <span title={f.ruleName}><Typography.Text code>{id}</Typography.Text></span> },
                    { title: '问题', dataIndex: 'message' },
                  ]}
                />
              )}
            </Flex>
          </Card>
        </>
      )}
    </Flex>
  );
}
