import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { allows } from '../../../lib/authorization';
import { pages, links } from '../../../app/navigation';
import { useSession } from '../../auth/session-context';

/** Administrators hold no business permissions (三权分立); their home page is a list of their tools. */
export function AdminHome() {
  const { permissions } = useSession();
  const tools = pages.filter((entry) => entry.summary && allows(permissions, entry.requires));
  const external = links.filter((link) => allows(permissions, link.requires));
  return (
    <Row gutter={[16, 16]}>
      {tools.map((entry) => (
        <Col xs={24} md={12} lg={8} key={entry.path}>
          <Link to={entry.path}>
            <Card hoverable>
              <Card.Meta avatar={<span style={{ fontSize: 24, color: '#c8161d' }}>{entry.icon}</span>} title={entry.label} description={entry.summary} />
            </Card>
          </Link>
        </Col>
      ))}
      {external.map((link) => (
        <Col xs={24} md={12} lg={8} key={link.href}>
          <a href={link.href} target="_blank" rel="noopener noreferrer">
            <Card hoverable>
              <Card.Meta
                avatar={<span style={{ fontSize: 24, color: '#c8161d' }}>{link.icon}</span>}
                title={link.label}
                description={<Typography.Text type="secondary">OpenAPI 接口说明（新窗口打开） <ArrowRightOutlined /></Typography.Text>}
              />
            </Card>
          </a>
        </Col>
      ))}
    </Row>
  );
}
