import type { ImportField, LedgerSource } from '@xinxue/domain';
import { Card, Flex, Steps, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { usePreviewImport, type ImportPreview } from '../api/preview-import';
import { useStartImport } from '../api/start-import';
import { ChooseFile } from './choose-file';
import { ImportProgress } from './import-progress';
import { MappingEditor } from './mapping-editor';
import { RecentImports } from './recent-imports';

type Stage = { step: 'choose' } | { step: 'mapping'; preview: ImportPreview } | { step: 'importing'; importId: number };

const stepIndex = { choose: 0, mapping: 1, importing: 2 } as const;

/** Import a department's export: choose the file, check how its columns map to fields, watch it run. */
export function ImportsPage() {
  const [source, setSource] = useState<LedgerSource>('police');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const preview = usePreviewImport();
  const start = useStartImport();

  const restart = () => {
    preview.reset();
    start.reset();
    setStage({ step: 'choose' });
  };

  const upload = (file: File) =>
    preview.mutate({ source, file }, { onSuccess: (result) => setStage({ step: 'mapping', preview: result }) });

  const run = (current: ImportPreview, mapping: Record<string, ImportField>, saveMapping: boolean) =>
    start.mutate(
      { uploadId: current.uploadId, source, mapping, saveMapping, headers: current.headers },
      { onSuccess: ({ importId }) => setStage({ step: 'importing', importId }) },
    );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        数据导入
      </Typography.Title>
      <Card size="small">
        <Steps
          size="small"
          responsive={false}
          current={stepIndex[stage.step]}
          items={[{ title: '选择文件' }, { title: '核对列' }, { title: '导入' }]}
          style={{ marginBottom: 20 }}
        />
        {stage.step === 'choose' && (
          <ChooseFile source={source} onSource={setSource} onFile={upload} uploading={preview.isPending} error={preview.isError ? errorMessage(preview.error) : null} />
        )}
        {stage.step === 'mapping' && (
          <MappingEditor
            preview={stage.preview}
            starting={start.isPending}
            error={start.isError ? errorMessage(start.error) : null}
            onStart={(mapping, saveMapping) => run(stage.preview, mapping, saveMapping)}
            onBack={restart}
          />
        )}
        {stage.step === 'importing' && <ImportProgress importId={stage.importId} onNew={restart} />}
      </Card>
      <RecentImports />
    </Flex>
  );
}
