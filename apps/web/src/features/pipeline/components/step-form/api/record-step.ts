import { useMutation } from '@tanstack/react-query';
import { api } from '../../../../../lib/api-client';
import type { GateFinding } from '../live-judgement';

/** The answer of `POST /api/dossiers/:id/steps/:step` (pipeline.routes.ts `stepResult`). */
export interface StepResult {
  dossierId: number;
  step: number;
  version: number;
  findings: GateFinding[];
  justifiedWarnings: GateFinding[];
}

export interface RecordStepRequest {
  dossierId: number;
  step: number;
  version: number;
  justification?: string | undefined;
  input: Record<string, unknown>;
}

/** 办理一个步骤: the server runs the gate again and decides (422 STEP_BLOCKED / STEP_JUSTIFICATION_REQUIRED, 409 CONFLICT). */
export function recordStep({ dossierId, step, version, justification, input }: RecordStepRequest): Promise<StepResult> {
  return api(`/api/dossiers/${dossierId}/steps/${step}`, { method: 'POST', body: { ...input, version, ...(justification ? { justification } : {}) } });
}

export function useRecordStep() {
  return useMutation({ mutationFn: recordStep });
}
