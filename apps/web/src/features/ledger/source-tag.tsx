import { Tag } from 'antd';

const sourceColors: Record<string, string> = { police: 'blue', familyPlanning: 'magenta', civilAffairs: 'cyan', gridWorker: 'green', self: 'gold' };

/** 公安 / 计生 / 民政 / 网格员 / 本人, always in the same colour. */
export function SourceTag({ source, label }: { source: string; label: string }) {
  return (
    <Tag color={sourceColors[source] ?? 'default'} style={{ marginInlineEnd: 4 }}>
      {label}
    </Tag>
  );
}
