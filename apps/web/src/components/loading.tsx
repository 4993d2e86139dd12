import { Flex, Spin, Typography } from 'antd';

export function Loading({ text = '正在加载…', fullPage = false }: { text?: string; fullPage?: boolean }) {
  return (
    <Flex vertical align="center" justify="center" gap={12} style={{ padding: 32, minHeight: fullPage ? '100vh' : undefined }}>
      <Spin />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Flex>
  );
}
