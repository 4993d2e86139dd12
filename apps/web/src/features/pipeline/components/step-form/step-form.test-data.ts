/** A dossier built step by step with the server's clean path (the same records the demo and the HTTP tests use). */
import type { Dossier } from '@xinxue/domain/dossier/index';
import { type AnyStepInput, applyStep, type Pending, stepSchemas, type StepNumber } from '@xinxue/domain/pipeline/step-inputs';
import { cleanPath, OPENED_ON } from '../../../../../../server/src/modules/pipeline/pipeline-sample';

export { cleanPath };

/** The document and pending after steps 1..last (a migrant with an employer, every record clean). */
export function dossierAfter(last: number): { document: Dossier; pending: Pending } {
  let state: { document: Dossier; pending: Pending } = {
    document: {
      id: 'XX-TEST', person: { name: '测试', birthDate: '1990-01-01', gender: 'female', leagueMember: false, migrant: { direction: 'inbound', originCode: '510525', workplaceCode: '420506001001', employer: '宜昌物流有限公司', movedOn: '2018-04-01' } },
      org: { branch: '冯家湾社区党支部', approver: { name: '小溪塔街道党工委', kind: 'committee', hasApprovalPower: true }, isMobileOrg: false, canDevelop: true },
    },
    pending: {},
  };
  const steps: [number, Record<string, unknown>][] = [[1, { datedOn: OPENED_ON }]];
  for (let n = 2; n <= last; n++) for (const fields of cleanPath[n]!) steps.push([n, fields]);
  for (const [n, fields] of steps) {
    if (n > last) break;
    const input = stepSchemas[n as StepNumber].parse(fields) as AnyStepInput;
    state = applyStep(n as StepNumber, input, state.document, state.pending);
  }
  return state;
}
