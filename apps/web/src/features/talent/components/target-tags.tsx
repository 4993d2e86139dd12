import { Tag } from 'antd';

/** 村级后备干部 / 外出青年 / 逾期 as tags, the same everywhere a target is shown. */
export function TargetTags({ reserveCadre, outboundYouth, overdueDays }: { reserveCadre: boolean; outboundYouth: boolean; overdueDays?: number | undefined }) {
  return (
    <>
      {overdueDays !== undefined && overdueDays > 0 && <Tag color="red">逾期 {overdueDays} 天</Tag>}
      {reserveCadre && <Tag color="gold">村级后备干部</Tag>}
      {outboundYouth && <Tag color="purple">外出青年</Tag>}
    </>
  );
}
