import { codeName, maskIdNumber } from '@xinxue/domain';
import type { Db } from '../../db/database.ts';
import { actorOf, type RequestContext } from '../../lib/context.ts';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { AuditLogService } from '../audit-log/audit-log.service.ts';
import type { PapersService } from './papers.service.ts';
import { type Aspects, aspectLabels, type NoticeRow, placeLabels, type RequestRow } from './papers-store.ts';
import { type Block, chineseDate, writeDocx } from './ooxml.ts';

/**
 * The notice (公示) ready to post and the letter (征求意见函) ready to send, as .docx. The ID number is
 * never printed in full: a notice prints no ID number, a letter the masked one (first six, last four).
 */
interface PersonFacts {
  name: string;
  gender: string;
  birth: string;
  education: string;
  employer: string;
  idMasked: string;
}

export async function personFacts(db: Db, crypto: FieldCrypto, personId: number): Promise<PersonFacts> {
  const p = await db.selectFrom('people').select(['name', 'gender', 'birth_date', 'education', 'employer', 'id_number_masked', 'id_number_enc']).where('id', '=', personId).executeTakeFirstOrThrow();
  const idMasked = p.id_number_masked ?? (p.id_number_enc ? maskIdNumber(crypto.decrypt(p.id_number_enc)) : '（未登记）');
  const birth = p.birth_date ? `${Number(p.birth_date.slice(0, 4))}年${Number(p.birth_date.slice(5, 7))}月` : '';
  return { name: p.name, gender: p.gender === '1' ? '男' : p.gender === '2' ? '女' : '', birth, education: p.education ? codeName('education', p.education) : '', employer: p.employer ?? '', idMasked };
}

const noticeWording: Record<NoticeRow['stage'], { title: string; body: string }> = {
  activist: { title: '关于拟确定{name}同志为入党积极分子的公示', body: '经党员推荐、支部委员会研究，拟确定下列同志为入党积极分子' },
  candidate: { title: '关于拟确定{name}同志为发展对象的公示', body: '经支部委员会研究、上级党委同意，拟确定下列同志为发展对象' },
  admission: { title: '关于拟发展{name}同志为中共预备党员的公示', body: '经支部委员会审查、上级党委预审，拟发展下列同志为中共预备党员' },
  confirmation: { title: '关于{name}同志拟按期转为中共正式党员的公示', body: '经党小组和支部委员会研究，拟讨论下列预备党员按期转为中共正式党员' },
};

export async function noticeDocx(notice: NoticeRow, person: PersonFacts, orgName: string): Promise<{ buffer: Buffer; fileName: string }> {
  const wording = noticeWording[notice.stage];
  const title = wording.title.replace('{name}', person.name);
  const blocks: Block[] = [
    { runs: [{ text: title, bold: true, size: 22 }], align: 'center', spacingAfter: 16 },
    { runs: ['根据《中国共产党发展党员工作细则》有关规定，' + `${wording.body}，现将有关情况予以公示：`], indent: true },
    {
      kind: 'table', widths: [2, 1, 2, 2, 4],
      rows: [
        [['姓名'], ['性别'], ['出生年月'], ['学历'], ['工作单位']],
        [[person.name], [person.gender || '—'], [person.birth || '—'], [person.education || '—'], [person.employer || '—']],
      ],
    },
    { runs: [`公示时间：${chineseDate(notice.start_on)}至${chineseDate(notice.end_on)}（${notice.working_days}个工作日）。`], indent: true },
    { runs: [`公示地点：${notice.location}（${placeLabels[notice.place]}）。`], indent: true },
    { runs: ['公示期间，党员和群众可通过来电、来信、来访等方式，向党组织反映公示对象的情况和问题。反映问题应实事求是，以个人名义反映的应署真实姓名，以单位名义反映的应加盖公章。党组织对反映人员和反映情况严格保密。'], indent: true },
    { runs: [`联系电话（监督电话）：${notice.contact ?? '＿＿＿＿＿＿＿＿'}`], indent: true },
    ...(notice.note ? [{ runs: [notice.note], indent: true }] : []),
    { runs: [''], spacingAfter: 24 },
    { runs: [orgName], align: 'right' },
    { runs: [chineseDate(notice.start_on)], align: 'right' },
  ];
  return { buffer: await writeDocx(title, blocks), fileName: `${title}.docx` };
}

const requestStageWording: Record<RequestRow['stage'], string> = {
  keyContact: '拟列为重点联系对象', activist: '拟确定为入党积极分子', candidate: '拟确定为发展对象', admission: '拟接收为中共预备党员', confirmation: '预备期将满、拟讨论其转正',
};

export async function requestDocx(request: RequestRow, person: PersonFacts, orgName: string, contactName: string): Promise<{ buffer: Buffer; fileName: string }> {
  const aspects = Object.keys(aspectLabels) as (keyof Aspects)[];
  const asked = aspects.map((k, i) => `${['一', '二', '三', '四'][i]}、${aspectLabels[k]}`).join('；');
  const placeWord = request.place === 'origin' ? '在户籍地（原籍地）' : '在务工地（流入地）';
  const blocks: Block[] = [
    { runs: [{ text: '征求意见函', bold: true, size: 22 }], align: 'center', spacingAfter: 8 },
    { runs: [request.letter_no], align: 'right', spacingAfter: 8 },
    { runs: [`${request.to_name}：`] },
    {
      runs: [`${person.name}，${person.gender ? `${person.gender}，` : ''}${person.birth ? `${person.birth}出生，` : ''}公民身份号码 ${person.idMasked}${person.employer ? `，现在${person.employer}工作` : ''}。该同志已向我党组织递交入党申请书，现${requestStageWording[request.stage]}。`],
      indent: true,
    },
    { runs: [`根据《中国共产党发展党员工作细则》和流动人员发展党员两地联动的有关要求，请贵单位就该同志${placeWord}的表现，从以下四个方面提出意见：${asked}。`], indent: true },
    { runs: [`请于${chineseDate(request.reply_by)}前填写下方回执，加盖公章后寄（送）回我单位。`], indent: true },
    { runs: [`联系人：${contactName}　　联系电话：＿＿＿＿＿＿＿＿`], indent: true },
    { runs: [''], spacingAfter: 16 },
    { runs: [orgName], align: 'right' },
    { runs: [chineseDate(request.sent_on)], align: 'right' },
    { runs: ['- - - - - - - - - - - - - - - - - - （沿此线剪下） - - - - - - - - - - - - - - - - - -'], align: 'center', spacingAfter: 8 },
    { runs: [{ text: '回　执', bold: true, size: 18 }], align: 'center' },
    { runs: [`${orgName}：`] },
    { runs: [`贵单位${request.letter_no}征求意见函收悉。经了解，${person.name}同志（公民身份号码 ${person.idMasked}）${placeWord}的表现意见如下：`], indent: true },
    {
      kind: 'table', widths: [3, 2, 2, 4],
      rows: [[['方面'], ['合格'], ['不合格'], ['具体情况']], ...aspects.map((k) => [[aspectLabels[k]], ['☐'], ['☐'], ['']])],
    },
    { runs: ['其他意见：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿'] },
    { runs: [''], spacingAfter: 16 },
    { runs: [`${request.to_name}（盖章）`], align: 'right' },
    { runs: ['　　年　　月　　日'], align: 'right' },
  ];
  return { buffer: await writeDocx(`征求意见函 ${request.letter_no}`, blocks), fileName: `征求意见函-${person.name}-${request.letter_no}.docx` };
}

/** The downloads, loaded through the service's scope checks and logged as exports. */
export class PapersDocuments {
  constructor(
    private readonly db: Db,
    private readonly crypto: FieldCrypto,
    private readonly service: PapersService,
    private readonly auditLog: AuditLogService,
  ) {}

  async notice(ctx: RequestContext, id: number) {
    const { notice, dossier } = await this.service.loadNotice(ctx, id, 'read');
    const out = await noticeDocx(notice, await personFacts(this.db, this.crypto, dossier.person_id), dossier.org_name);
    await this.auditLog.record(actorOf(ctx), { action: 'dossier.notice.download', objectType: 'dossierNotice', objectIds: [id], detail: { dossierId: notice.dossier_id } });
    return out;
  }

  async letter(ctx: RequestContext, id: number) {
    const { request, dossier } = await this.service.loadRequest(ctx, id, 'read');
    const sender = request.created_by ? await this.db.selectFrom('users').select('display_name').where('id', '=', request.created_by).executeTakeFirst() : undefined;
    const out = await requestDocx(request, await personFacts(this.db, this.crypto, dossier.person_id), dossier.org_name, sender?.display_name ?? '＿＿＿＿');
    await this.auditLog.record(actorOf(ctx), { action: 'dossier.letter.download', objectType: 'opinionRequest', objectIds: [id], detail: { dossierId: request.dossier_id } });
    return out;
  }
}
