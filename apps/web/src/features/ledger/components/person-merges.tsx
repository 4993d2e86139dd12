import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { PersonMerge } from '../api/get-person';
import { useUndoMerge } from '../api/undo-merge';

/** Merges this person took part in; a merge not yet undone can be split again. */
export function PersonMerges({ personId, merges, canWrite }: { personId: number; merges: PersonMerge[]; canWrite: boolean }) {
  const { message } = App.useApp();
  const undo = useUndoMerge();
  return (
    <Card size="small" title="合并记录">
      <Flex vertical gap={8}>
        {merges.map((m) => {
          const other = m.survivorId === personId ? m.mergedId : m.survivorId;
          return (
            <Flex key={m.id} justify="space-between" align="center" wrap gap={8}>
              <Flex vertical>
                <span>
                  {m.survivorId === personId ? '并入了' : '已并入'} <Link to={`/people/${other}`}>第 {other} 号人员</Link>
                  {m.undoneAt ? <Tag style={{ marginInlineStart: 8 }}>已撤销</Tag> : null}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.reason} · {formatDateTime(m.at)}
                  {m.undoneAt ? ` · 撤销于 ${formatDateTime(m.undoneAt)}` : ''}
                </Typography.Text>
              </Flex>
              {canWrite && !m.undoneAt && (
                <Popconfirm
                  title="撤销这次合并？"
                  description="两人将重新分开，各自保留原来的信息。"
                  okText="撤销合并"
                  cancelText="取消"
                  onConfirm={() =>
                    undo.mutate(m.id, {
                      onSuccess: () => void message.success('已撤销合并'),
                      onError: (e) => void message.error(errorMessage(e)),
                    })
                  }
                >
                  <Button size="small" loading={undo.isPending && undo.variables === m.id}>
                    撤销合并
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          );
        })}
      </Flex>
    </Card>
  );
}
