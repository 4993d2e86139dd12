import type { RuleModule } from './types.ts';
import { rule as R_AGE_18 } from './R-AGE-18.ts';
import { rule as R_APP_WRITTEN } from './R-APP-WRITTEN.ts';
import { rule as R_APP_VENUE } from './R-APP-VENUE.ts';
import { rule as R_TALK_1M } from './R-TALK-1M.ts';
import { rule as R_TALK_BEFORE_ACTIVIST } from './R-TALK-BEFORE-ACTIVIST.ts';
import { rule as R_APP_MIN_WAIT } from './R-APP-MIN-WAIT.ts';

/** Every rule module, in the order of rules.md. The meta-test checks this against rules.md. */
export const registry: readonly RuleModule[] = [
  R_AGE_18, R_APP_WRITTEN, R_APP_VENUE, R_TALK_1M, R_TALK_BEFORE_ACTIVIST, R_APP_MIN_WAIT,
];

const byId = new Map(registry.map((r) => [r.id, r]));

export function ruleById(id: string): RuleModule | undefined {
  return byId.get(id);
}
