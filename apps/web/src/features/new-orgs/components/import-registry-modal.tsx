import { Radio } from 'antd';
import { useState } from 'react';
import { FileImportModal } from '../../../components/file-import/file-import-modal';
import { importSourceLabels, type NewOrgImportSource, rejectionsXlsxUrl, useNewOrgImport, useNewOrgImportRejections } from '../api/get-new-org-imports';
import { useStartNewOrgImport } from '../api/start-new-org-import';

/** 导入名录: the market-regulation or civil-affairs register, in the background with progress. */
export function ImportRegistryModal({ onClose }: { onClose: () => void }) {
  const [source, setSource] = useState<NewOrgImportSource>('marketRegulation');
  const start = useStartNewOrgImport();
  return (
    <FileImportModal
      title="导入企业、社会组织名录"
      createdLabel="新增单位"
      failedNote="已提交的行保留；修正后重新导入同一文件即可补齐，不会重复。"
      hint="须有“统一社会信用代码”“名称”“所属行业”和“所在地区”（或“住所”）列；可有从业人员、党员人数、成立日期、登记状态、注销日期。表头上方的标题行可以保留。同一文件重复导入不会重复登记；内容有变化的单位会更新。"
      extra={
        <Radio.Group value={source} onChange={(e) => setSource(e.target.value as NewOrgImportSource)} optionType="button" options={(Object.keys(importSourceLabels) as NewOrgImportSource[]).map((s) => ({ value: s, label: importSourceLabels[s] }))} />
      }
      testId="new-org-import-result"
      start={{ ...start, mutate: (file, options) => start.mutate({ source, file }, options) }}
      useStatus={useNewOrgImport}
      useRejections={useNewOrgImportRejections}
      rejectionsXlsxUrl={rejectionsXlsxUrl}
      onClose={onClose}
    />
  );
}
