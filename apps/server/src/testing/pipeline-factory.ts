import { idCheckChar } from '@xinxue/domain/idnumber/idnumber';
import type { LedgerRecord } from '@xinxue/domain';
import { cliActor } from '../lib/context.ts';
import type { Services } from '../services.ts';

/**
 * Factories for the development workflow's tests and the demo: an organization tree with approval
 * power where the article puts it, ledger people with the facts the deferrals read, and a clean
 * path through the 25 steps (dates under the 2014 rules, so the whole path lies in the past).
 */
export const TOWNSHIP = '420506001';
export const VILLAGE = '420506001001';
export const OUTSIDE = '420502001001';

let counter = 0;

export interface PipelineOrgs {
  township: number;
  branch: number;
  generalBranch: number;
  committeeWithoutPower: number;
  mobileNoDevelop: number;
  mobileMayDevelop: number;
  outsideBranch: number;
}

export async function pipelineOrgs(services: Services, suffix = ''): Promise<PipelineOrgs> {
  const actor = cliActor();
  const create = async (input: Parameters<Services['orgs']['create']>[1]) => (await services.orgs.create(null, input, actor)).id;
  const township = await create({ name: `中共小溪塔街道工作委员会${suffix}`, kind: 'committee', divisionCode: TOWNSHIP, approvalPower: true, establishedOn: '2010-01-01' });
  const branch = await create({ name: `中共冯家湾社区第一支部委员会${suffix}`, kind: 'branch', parentId: township, divisionCode: VILLAGE, establishedOn: '2010-01-01' });
  const generalBranch = await create({ name: `中共冯家湾社区总支部委员会${suffix}`, kind: 'generalBranch', parentId: township, divisionCode: VILLAGE, establishedOn: '2010-01-01' });
  const committeeWithoutPower = await create({ name: `中共冯家湾社区委员会${suffix}`, kind: 'committee', parentId: township, divisionCode: VILLAGE, establishedOn: '2010-01-01' });
  const mobile = (name: string, value: boolean) =>
    create({ name, kind: 'branch', parentId: township, divisionCode: TOWNSHIP, hostKind: 'mobileOrg', locatedDivisionCode: '440300', mayDevelop: { value, decidedBy: '夷陵区委组织部', decidedOn: '2026-06-01' }, establishedOn: '2020-01-01' });
  const mobileNoDevelop = await mobile(`中共小溪塔街道驻深圳流动党员支部${suffix}`, false);
  const mobileMayDevelop = await mobile(`中共小溪塔街道驻东莞流动党员支部${suffix}`, true);
  const outsideBranch = await create({ name: `中共土街头社区支部委员会${suffix}`, kind: 'branch', divisionCode: OUTSIDE, establishedOn: '2010-01-01' });
  return { township, branch, generalBranch, committeeWithoutPower, mobileNoDevelop, mobileMayDevelop, outsideBranch };
}

export interface ApplicantInput {
  name?: string;
  birthDate?: string;
  divisionCode?: string;
  direction?: 'inbound' | 'outbound';
  movedOn?: string;
  originCode?: string;
  destinationCode?: string;
  employer?: string | null;
  politicalStatus?: string;
}

/** A migrant in the ledger with an ID number, movement and work facts (what the dossier and the deferrals read). */
export async function addApplicant(services: Services, input: ApplicantInput = {}): Promise<number> {
  counter += 1;
  const birthDate = input.birthDate ?? '1985-03-01';
  const divisionCode = input.divisionCode ?? VILLAGE;
  const body = `${divisionCode.slice(0, 6)}${birthDate.replaceAll('-', '')}${String(100 + (counter % 800)).padStart(3, '0')}`;
  const direction = input.direction ?? 'inbound';
  const record: LedgerRecord = {
    name: input.name ?? `申请人${counter}`, idNumber: body + idCheckChar(body), gender: Number(body[16]) % 2 === 1 ? '1' : '2', birthDate, ethnicity: null, education: null,
    politicalStatus: input.politicalStatus ?? '13', hukouAddress: null, direction, movedOn: input.movedOn ?? '2019-03-01', destination: null, residenceAddress: null, community: null,
    grid: null, employer: input.employer === undefined ? '宜昌物流有限公司' : input.employer, workAddress: null, occupation: null, occupationGroup: null, phones: [], wechat: null, qq: null,
  };
  const placement = direction === 'inbound'
    ? { divisionCode, gridId: null, originCode: input.originCode ?? '510525', destinationCode: input.destinationCode ?? divisionCode, hukouCode: input.originCode ?? '510525', workCode: divisionCode, residenceCode: divisionCode }
    : { divisionCode, gridId: null, originCode: divisionCode, destinationCode: input.destinationCode ?? '440300', hukouCode: divisionCode, workCode: null, residenceCode: null };
  const written = await services.database.db.transaction().execute((tx) => services.personWriter.apply(tx, record, placement, { source: 'police', importId: null, userId: null, now: new Date().toISOString() }));
  return written.personId;
}

export { cleanPath, OPENED_ON } from '../modules/pipeline/pipeline-sample.ts';

export async function idNumberOf(services: Services, personId: number): Promise<string> {
  const row = await services.database.db.selectFrom('people').select('id_number_enc').where('id', '=', personId).executeTakeFirstOrThrow();
  return services.crypto.decrypt(row.id_number_enc!);
}

/** A context for the factories: the city organization department, acting through the services. */
export function cityContext(userId: number) {
  return { user: { id: userId, username: 'factory', displayName: '测试', role: 'cityOrgDept' as const, scope: { divisionPrefix: '4205', orgId: null } }, ip: '127.0.0.1' };
}
