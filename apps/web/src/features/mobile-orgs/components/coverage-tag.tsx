import type { MobileCoverage } from '@xinxue/domain';
import { Tag } from 'antd';

const colors: Record<MobileCoverage, string> = { noOrg: 'red', partial: 'orange', served: 'green' };

export function CoverageTag({ coverage, label }: { coverage: MobileCoverage; label: string }) {
  return (
    <Tag color={colors[coverage]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
