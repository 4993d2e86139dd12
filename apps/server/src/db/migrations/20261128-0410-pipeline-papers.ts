import type { Kysely } from 'kysely';
import { engineOf, idColumn } from '../dialect.ts';

/**
 * The papers of the development workflow that live beside a dossier's steps:
 * - public notices (公示): stage, place, start and the end computed in working days, objections
 *   with their resolution; a notice is folded into the dossier's `notices` at its stage's step;
 * - opinion requests (征求意见函) to the other place (home place or workplace): sent, due,
 *   answered with the four aspects; an answer becomes one of the dossier's `opinions` (channel
 *   `letter`) at its stage's step. Unanswered requests are the ones with `answered_on` null.
 * Rows are updated (an objection is resolved, a letter answered) with a version check; every
 * change is in the audit log; nothing is deleted (a notice or letter is cancelled with a reason).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(engineOf(db));
  await db.schema
    .createTable('dossier_notices')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('stage', 'text', (c) => c.notNull()) // activist | candidate | admission | confirmation
    .addColumn('place', 'text', (c) => c.notNull()) // origin | workplace | unit | residence
    .addColumn('location', 'text', (c) => c.notNull()) // where it is posted, e.g. 某某社区公示栏
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('contact', 'text') // 监督电话 / 联系人 printed on the notice
    .addColumn('note', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_notices_dossier').on('dossier_notices').columns(['dossier_id', 'stage']).execute();
  await db.schema.createIndex('dossier_notices_start').on('dossier_notices').columns(['start_on']).execute();

  await db.schema
    .createTable('dossier_notice_objections')
    .addColumn('id', 'integer', id)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('dossier_notices.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('resolution', 'text')
    .addColumn('upheld', 'integer') // null until resolved; 1 = the objection stands
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_notice_objections_notice').on('dossier_notice_objections').columns(['notice_id']).execute();

  await db.schema
    .createTable('dossier_opinion_requests')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('stage', 'text', (c) => c.notNull()) // keyContact | activist | candidate | admission | confirmation
    .addColumn('place', 'text', (c) => c.notNull()) // origin | workplace: the place asked
    .addColumn('to_org_id', 'integer', (c) => c.references('party_orgs.id'))
    .addColumn('to_name', 'text', (c) => c.notNull()) // the addressee as printed on the letter
    .addColumn('letter_no', 'text', (c) => c.notNull()) // 文号, unique per dossier
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('aspects', 'text') // JSON { quality, contribution, conduct, lawfulness: pass | fail }
    .addColumn('answer_note', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_opinion_requests_dossier').on('dossier_opinion_requests').columns(['dossier_id', 'stage']).execute();
  await db.schema.createIndex('dossier_opinion_requests_open').on('dossier_opinion_requests').columns(['answered_on', 'reply_by']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was then
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dossier_opinion_requests').execute();
  await db.schema.dropTable('dossier_notice_objections').execute();
  await db.schema.dropTable('dossier_notices').execute();
}
