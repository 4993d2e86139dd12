import { CheckCircleOutlined } from '@ant-design/icons';
import { fiveItemLabels, fiveItems } from '@xinxue/domain';
import { Space, Tag, Tooltip } from 'antd';
import type { FiveItemsState } from '../api/get-people';

/** 五个清楚 at a glance: one green tag when all are clear, otherwise what is missing (red) or out of date (orange). */
export function FiveItemsTags({ state }: { state: FiveItemsState }) {
  if (state.complete) {
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        五项清楚
      </Tag>
    );
  }
  const detail = fiveItems.map((item) => `${fiveItemLabels[item]}：${state.missing.includes(item) ? '缺失' : state.stale.includes(item) ? '已过期' : '清楚'}`).join('；');
  return (
    <Tooltip title={detail}>
      <Space size={[2, 4]} wrap>
        {state.missing.map((item) => (
          <Tag key={item} color="red" style={{ marginInlineEnd: 0 }}>
            缺{fiveItemLabels[item]}
          </Tag>
        ))}
        {state.stale.map((item) => (
          <Tag key={item} color="orange" style={{ marginInlineEnd: 0 }}>
            {fiveItemLabels[item]}过期
          </Tag>
        ))}
      </Space>
    </Tooltip>
  );
}
