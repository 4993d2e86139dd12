import { chinaToday } from '@xinxue/domain';
import { addDays } from '@xinxue/domain/calendar/index';
import type { RequestContext } from '../../lib/context.ts';
import type { Services } from '../../services.ts';

/**
 * The demo's papers, recorded through the service: two-place candidate notices (the workplace one
 * with an objection found groundless) and an answered letter on a dossier about to be listed as a
 * candidate; a notice running today before an admission meeting; an overdue unanswered letter.
 */
export async function loadDemoPapers(services: Services, ctx: RequestContext): Promise<{ notices: number; letters: number }> {
  const s = services.pipelinePapers.service;
  const db = services.database.db;
  const at = async (step: number) => (await db.selectFrom('dossiers').select('id').where('status', '=', 'active').where('current_step', '=', step).orderBy('id').executeTakeFirst())?.id;
  let notices = 0;
  let letters = 0;

  const candidate = await at(7);
  if (candidate) {
    await s.createNotice(ctx, candidate, { stage: 'candidate', place: 'origin', location: '四川省古蔺县原籍村党务公开栏', startOn: '2023-05-22', contact: '0830-7221234' });
    const work = await s.createNotice(ctx, candidate, { stage: 'candidate', place: 'workplace', location: '冯家湾社区党务公开栏', startOn: '2023-05-22', contact: '0717-7812345' });
    const objection = await s.addObjection(ctx, work, { receivedOn: '2023-05-23', summary: '反映其在务工单位曾与同事发生纠纷' });
    await s.resolveObjection(ctx, work, objection, { version: 0, resolvedOn: '2023-05-26', resolution: '经向务工单位和社区核实，系正常工作分歧，已调解，不影响发展', upheld: false });
    notices += 2;
    const letter = await s.createRequest(ctx, candidate, { stage: 'candidate', place: 'origin', toName: '中共古蔺县某镇某村支部委员会', sentOn: '2023-05-10' });
    await s.answerRequest(ctx, letter, { version: 0, answeredOn: '2023-05-20', aspects: { quality: 'pass', contribution: 'pass', conduct: 'pass', lawfulness: 'pass' }, note: '该同志在原籍表现良好，无违法违纪记录' });
    letters += 1;
  }

  const admission = await at(14);
  if (admission) {
    try {
      await s.createNotice(ctx, admission, { stage: 'admission', place: 'workplace', location: '冯家湾社区党务公开栏', startOn: chinaToday(), contact: '0717-7812345' });
      notices += 1;
    } catch {
      // A year without holiday data (late December): the running notice is left out rather than guessed.
    }
  }

  const activist = await at(3);
  if (activist) {
    await s.createRequest(ctx, activist, { stage: 'activist', place: 'origin', toName: '中共古蔺县某镇某村支部委员会', sentOn: addDays(chinaToday(), -40) });
    letters += 1;
  }
  return { notices, letters };
}
