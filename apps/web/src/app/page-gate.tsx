import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useCan } from '../lib/authorization';
import type { PageEntry } from './navigation';

/** A typed-in address for a page the role may not use gets a plain refusal, not a broken page. */
export function PageGate({ entry }: { entry: PageEntry }) {
  const allowed = useCan(entry.requires);
  if (!allowed) {
    return (
      <Result
        status="403"
        title="没有访问权限"
        subTitle={`您的角色不能使用“${entry.label}”页面。`}
        extra={<Link to="/"><Button type="primary">返回首页</Button></Link>}
      />
    );
  }
  const Page = entry.page;
  return <Page />;
}

export function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Link to="/"><Button type="primary">返回首页</Button></Link>}
    />
  );
}
