import { Tag } from 'antd';

/** 逾期 N 天 / 今天到期 / 还有 N 天. */
export function DueTag({ overdue, daysLeft }: { overdue: boolean; daysLeft: number }) {
  if (overdue) return <Tag color="red">{`逾期 ${-daysLeft} 天`}</Tag>;
  if (daysLeft === 0) return <Tag color="orange">今天到期</Tag>;
  return <Tag color={daysLeft <= 7 ? 'orange' : 'blue'}>{`还有 ${daysLeft} 天`}</Tag>;
}
