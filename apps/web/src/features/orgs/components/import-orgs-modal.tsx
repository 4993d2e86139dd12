import { FileImportModal } from '../../../components/file-import/file-import-modal';
import { orgImportRejectionsXlsxUrl, orgImportTemplateUrl, useOrgImport, useOrgImportRejections } from '../api/get-org-import';
import { useStartOrgImport } from '../api/start-org-import';

/** 导入党组织: the old system's list of organizations, in the background with progress and the rejected rows. */
export function ImportOrgsModal({ onClose }: { onClose: () => void }) {
  return (
    <FileImportModal
      title="导入党组织"
      createdLabel="新建党组织"
      failedNote="已导入的党组织保留；修正后重新导入同一文件即可补齐，不会重复建立。"
      hint="须有“党组织名称”“类别”和“所在行政区划”列；可有上级党组织（全称）、组织类型、组建方式、挂靠党组织、覆盖单位（统一社会信用代码，用“、”或“;”分隔，单位须已在两新组织名录中）、成立日期、审批权、驻在地。各行顺序不限，下级可以写在上级前面。每行按新建党组织的规则检查，不合格的行退回并写明行号、列和原因，其余照常导入。名称和上级相同的视为同一个党组织：重复导入不会重复建立，内容有变化的按文件更新。"
      templateUrl={orgImportTemplateUrl}
      testId="org-import-result"
      start={useStartOrgImport()}
      useStatus={useOrgImport}
      useRejections={useOrgImportRejections}
      rejectionsXlsxUrl={orgImportRejectionsXlsxUrl}
      onClose={onClose}
    />
  );
}
