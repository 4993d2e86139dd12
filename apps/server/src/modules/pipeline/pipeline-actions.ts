import { hasPermission } from '@xinxue/domain';
import { repeatableSteps } from '@xinxue/domain/pipeline/step-inputs';
import { steps as officialSteps } from '@xinxue/domain/pipeline/index';
import type { RequestContext } from '../../lib/context.ts';
import { type DossierRow, orgInScope } from './pipeline-store.ts';

/**
 * What this user may do on a dossier now, with the Chinese reason when not: the dossier page shows
 * its buttons from this, and the service refuses the same cases (write scope = the handling side;
 * the other place's side and the inspector read only; steps in order, 6 and 21 repeatable).
 */
export interface ActionState {
  allowed: boolean;
  reason: string | null;
}

export interface NextActions {
  canWrite: boolean;
  readOnlyReason: string | null;
  recordStep: { step: number; name: string } | null;
  repeatStep: { step: number; name: string } | null;
  sendBackSteps: number[];
  sendBack: ActionState;
  withdraw: ActionState;
  notRecognized: ActionState;
  upload: ActionState;
}

const closedText: Record<DossierRow['status'], string> = { active: '', withdrawn: '该档案已撤回', notRecognized: '该档案已按规定不予承认', member: '此人已转为正式党员' };
const ok: ActionState = { allowed: true, reason: null };
const no = (reason: string): ActionState => ({ allowed: false, reason });
const named = (step: number) => ({ step, name: officialSteps[step - 1]!.name });

/** `recordedSteps`: the steps with a record of their own (events), which a send-back can return to. */
export function nextActions(ctx: RequestContext, row: DossierRow, recordedSteps: ReadonlySet<number>): NextActions {
  const readOnlyReason = !hasPermission(ctx.user.role, 'dossiers:write')
    ? '您的角色只能查看发展党员档案'
    : !orgInScope(row.org_division, row.org_path, ctx.user.scope)
      ? `该档案由“${row.org_name}”办理，您只能查看（另一地的党组织可查看、不可办理）`
      : null;
  const canWrite = readOnlyReason === null;
  const active = row.status === 'active';
  const current = row.current_step;
  const closed = active ? null : `${closedText[row.status]}，不能再办理`;

  let recordStep: NextActions['recordStep'] = null;
  if (canWrite && current <= 25 && (active || (row.status === 'member' && current === 25))) recordStep = named(current);
  const repeatStep = canWrite && active && repeatableSteps.has(current - 1) ? named(current - 1) : null;

  // Step 1 is the application itself (withdraw instead); steps brought in by an import have no record to return to.
  const recorded = [...recordedSteps].filter((s) => s >= 2 && s < current);
  const lowest = recorded.length ? Math.min(...recorded) : current;
  const sendBackSteps = active ? Array.from({ length: Math.max(0, current - lowest) }, (_, i) => lowest + i) : [];

  const write = (extra: string | null): ActionState => (readOnlyReason ? no(readOnlyReason) : extra ? no(extra) : ok);
  return {
    canWrite,
    readOnlyReason: readOnlyReason ?? closed,
    recordStep,
    repeatStep,
    sendBackSteps,
    sendBack: write(closed ?? (sendBackSteps.length ? null : current <= 2 ? '还没有可以退回的步骤' : '前面的步骤是随导入的档案带入的，没有办理记录可以退回')),
    withdraw: write(closed),
    notRecognized: write(active || row.status === 'member' ? null : `${closedText[row.status]}，不能再作不予承认的决定`),
    upload: write(null),
  };
}
