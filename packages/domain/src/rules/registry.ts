import type { RuleModule } from './types.ts';
import { rule as R_AGE_18 } from './R-AGE-18.ts';
import { rule as R_APP_WRITTEN } from './R-APP-WRITTEN.ts';
import { rule as R_APP_VENUE } from './R-APP-VENUE.ts';
import { rule as R_TALK_1M } from './R-TALK-1M.ts';
import { rule as R_TALK_BEFORE_ACTIVIST } from './R-TALK-BEFORE-ACTIVIST.ts';
import { rule as R_APP_MIN_WAIT } from './R-APP-MIN-WAIT.ts';
import { rule as R_ACT_RECOMMENDED } from './R-ACT-RECOMMENDED.ts';
import { rule as R_ACT_DECIDED_BY_COMMITTEE } from './R-ACT-DECIDED-BY-COMMITTEE.ts';
import { rule as R_ACT_FILED } from './R-ACT-FILED.ts';
import { rule as R_LEAGUE_28 } from './R-LEAGUE-28.ts';
import { rule as R_LEAGUE_FROM_MEMBERS } from './R-LEAGUE-FROM-MEMBERS.ts';
import { rule as R_LEAGUE_28_35 } from './R-LEAGUE-28-35.ts';
import { rule as R_MENTOR_COUNT } from './R-MENTOR-COUNT.ts';
import { rule as R_MENTOR_REPLACE } from './R-MENTOR-REPLACE.ts';
import { rule as R_ASSESS_6M } from './R-ASSESS-6M.ts';
import { rule as R_THOUGHT_REPORT_Q } from './R-THOUGHT-REPORT-Q.ts';
import { rule as R_ACT_MOVE } from './R-ACT-MOVE.ts';
import { rule as R_DEV_1Y } from './R-DEV-1Y.ts';
import { rule as R_DEV_OPINIONS } from './R-DEV-OPINIONS.ts';
import { rule as R_DEV_DECISION } from './R-DEV-DECISION.ts';
import { rule as R_PUB_CANDIDATE_5WD } from './R-PUB-CANDIDATE-5WD.ts';
import { rule as R_PUB_CANDIDATE_2PLACES } from './R-PUB-CANDIDATE-2PLACES.ts';
import { rule as R_PUB_LOCAL } from './R-PUB-LOCAL.ts';
import { rule as R_SPONSOR_COUNT } from './R-SPONSOR-COUNT.ts';
import { rule as R_SPONSOR_ELIGIBLE } from './R-SPONSOR-ELIGIBLE.ts';
import { rule as R_REVIEW_DONE } from './R-REVIEW-DONE.ts';
import { rule as R_REVIEW_CLEAR } from './R-REVIEW-CLEAR.ts';
import { rule as R_REVIEW_MIGRANT } from './R-REVIEW-MIGRANT.ts';
import { rule as R_REVIEW_JOINT } from './R-REVIEW-JOINT.ts';
import { rule as R_REVIEW_VALIDITY } from './R-REVIEW-VALIDITY.ts';
import { rule as R_TRAIN_DONE } from './R-TRAIN-DONE.ts';
import { rule as R_TRAIN_LENGTH } from './R-TRAIN-LENGTH.ts';
import { rule as R_TRAIN_ORGANIZER } from './R-TRAIN-ORGANIZER.ts';
import { rule as R_TRAIN_AFTER_CANDIDATE } from './R-TRAIN-AFTER-CANDIDATE.ts';
import { rule as R_BRANCH_REVIEW } from './R-BRANCH-REVIEW.ts';
import { rule as R_PREREVIEW } from './R-PREREVIEW.ts';
import { rule as R_LEAVE_3M } from './R-LEAVE-3M.ts';
import { rule as R_MEETING_1M } from './R-MEETING-1M.ts';
import { rule as R_MTG_QUORUM } from './R-MTG-QUORUM.ts';
import { rule as R_MTG_MAJORITY } from './R-MTG-MAJORITY.ts';
import { rule as R_MTG_SECRET } from './R-MTG-SECRET.ts';
import { rule as R_MTG_ONE_BY_ONE } from './R-MTG-ONE-BY-ONE.ts';
import { rule as R_MTG_PROCEDURE } from './R-MTG-PROCEDURE.ts';
import { rule as R_RESOLUTION } from './R-RESOLUTION.ts';
import { rule as R_SUBMISSION } from './R-SUBMISSION.ts';
import { rule as R_APPROVER } from './R-APPROVER.ts';
import { rule as R_UPPER_TALK } from './R-UPPER-TALK.ts';
import { rule as R_APPROVAL_COLLECTIVE } from './R-APPROVAL-COLLECTIVE.ts';
import { rule as R_APPROVAL_3M } from './R-APPROVAL-3M.ts';
import { rule as R_APPROVAL_LATE_LOCAL } from './R-APPROVAL-LATE-LOCAL.ts';
import { rule as R_APPROVAL_CONTENT } from './R-APPROVAL-CONTENT.ts';
import { rule as R_ORG_DEPT_FILED } from './R-ORG-DEPT-FILED.ts';
import { rule as R_PROB_START } from './R-PROB-START.ts';
import { rule as R_ASSIGN } from './R-ASSIGN.ts';
import { rule as R_OATH } from './R-OATH.ts';
import { rule as R_PROB_ASSESS } from './R-PROB-ASSESS.ts';
import { rule as R_CONF_NOT_EARLY } from './R-CONF-NOT-EARLY.ts';
import { rule as R_CONF_APP } from './R-CONF-APP.ts';
import { rule as R_CONF_TIMELY } from './R-CONF-TIMELY.ts';
import { rule as R_CONF_STEPS } from './R-CONF-STEPS.ts';
import { rule as R_CONF_MEETING } from './R-CONF-MEETING.ts';
import { rule as R_CONF_OUTCOME } from './R-CONF-OUTCOME.ts';
import { rule as R_EXT_ONCE } from './R-EXT-ONCE.ts';
import { rule as R_CONF_APPROVAL_3M } from './R-CONF-APPROVAL-3M.ts';
import { rule as R_PARTY_AGE } from './R-PARTY-AGE.ts';
import { rule as R_TRANSFER_PROB } from './R-TRANSFER-PROB.ts';
import { rule as R_TRANSFER_POSTPONE } from './R-TRANSFER-POSTPONE.ts';
import { rule as R_ARCHIVE } from './R-ARCHIVE.ts';
import { rule as R_ORDER } from './R-ORDER.ts';
import { rule as R_ORDER_SOFT } from './R-ORDER-SOFT.ts';
import { rule as R_NO_FUTURE } from './R-NO-FUTURE.ts';
import { rule as R_SAME_DAY_STACK } from './R-SAME-DAY-STACK.ts';
import { rule as R_NO_RUSH } from './R-NO-RUSH.ts';
import { rule as R_VIOLATION } from './R-VIOLATION.ts';
import { rule as R_LATE_ENTRY } from './R-LATE-ENTRY.ts';
import { rule as R_MIG_VENUE } from './R-MIG-VENUE.ts';
import { rule as R_MIG_NOTICE_2PLACES } from './R-MIG-NOTICE-2PLACES.ts';
import { rule as R_MIG_REVIEW_2PLACES } from './R-MIG-REVIEW-2PLACES.ts';
import { rule as R_MIG_LEAVING } from './R-MIG-LEAVING.ts';
import { rule as R_MIG_MOVE_ACTIVIST } from './R-MIG-MOVE-ACTIVIST.ts';
import { rule as R_MIG_MOVE_PROBATIONER } from './R-MIG-MOVE-PROBATIONER.ts';
import { rule as R_MIG_MOBILE_ORG_SCOPE } from './R-MIG-MOBILE-ORG-SCOPE.ts';
import { rule as R_DEFER_LONG_ABSENT } from './R-DEFER-LONG-ABSENT.ts';
import { rule as R_DEFER_NO_EMPLOYER } from './R-DEFER-NO-EMPLOYER.ts';
import { rule as R_DEFER_POOR_WORK } from './R-DEFER-POOR-WORK.ts';
import { rule as R_MIG_STABILITY_GULIN } from './R-MIG-STABILITY-GULIN.ts';
import { rule as R_MIG_JOINT_MENTORS_GULIN } from './R-MIG-JOINT-MENTORS-GULIN.ts';
import { rule as R_MIG_ACTIVIST_NOTICE_GULIN } from './R-MIG-ACTIVIST-NOTICE-GULIN.ts';
import { rule as R_MIG_ACTIVIST_6M } from './R-MIG-ACTIVIST-6M.ts';
import { rule as R_TWOPLACE_ROUNDS } from './R-TWOPLACE-ROUNDS.ts';
import { rule as R_APPRAISAL_THREE } from './R-APPRAISAL-THREE.ts';

/** Every rule module, in the order of rules.md (§2.1–2.6, then §5.2, §5.4). The meta-test checks it against rules.md. */
export const registry: readonly RuleModule[] = [
  R_AGE_18, R_APP_WRITTEN, R_APP_VENUE, R_TALK_1M, R_TALK_BEFORE_ACTIVIST, R_APP_MIN_WAIT, R_ACT_RECOMMENDED,
  R_ACT_DECIDED_BY_COMMITTEE, R_ACT_FILED, R_LEAGUE_28, R_LEAGUE_FROM_MEMBERS, R_LEAGUE_28_35,
  R_MENTOR_COUNT, R_MENTOR_REPLACE, R_ASSESS_6M, R_THOUGHT_REPORT_Q, R_ACT_MOVE, R_DEV_1Y, R_DEV_OPINIONS,
  R_DEV_DECISION, R_PUB_CANDIDATE_5WD, R_PUB_CANDIDATE_2PLACES, R_PUB_LOCAL, R_SPONSOR_COUNT,
  R_SPONSOR_ELIGIBLE, R_REVIEW_DONE, R_REVIEW_CLEAR, R_REVIEW_MIGRANT, R_REVIEW_JOINT, R_REVIEW_VALIDITY,
  R_TRAIN_DONE, R_TRAIN_LENGTH, R_TRAIN_ORGANIZER, R_TRAIN_AFTER_CANDIDATE, R_BRANCH_REVIEW, R_PREREVIEW,
  R_LEAVE_3M, R_MEETING_1M, R_MTG_QUORUM, R_MTG_MAJORITY, R_MTG_SECRET, R_MTG_ONE_BY_ONE, R_MTG_PROCEDURE,
  R_RESOLUTION, R_SUBMISSION, R_APPROVER, R_UPPER_TALK, R_APPROVAL_COLLECTIVE, R_APPROVAL_3M,
  R_APPROVAL_LATE_LOCAL, R_APPROVAL_CONTENT, R_ORG_DEPT_FILED, R_PROB_START, R_ASSIGN, R_OATH, R_PROB_ASSESS,
  R_CONF_NOT_EARLY, R_CONF_APP, R_CONF_TIMELY, R_CONF_STEPS, R_CONF_MEETING, R_CONF_OUTCOME, R_EXT_ONCE,
  R_CONF_APPROVAL_3M, R_PARTY_AGE, R_TRANSFER_PROB, R_TRANSFER_POSTPONE, R_ARCHIVE, R_ORDER, R_ORDER_SOFT,
  R_NO_FUTURE, R_SAME_DAY_STACK, R_NO_RUSH, R_VIOLATION, R_LATE_ENTRY, R_MIG_VENUE, R_MIG_NOTICE_2PLACES,
  R_MIG_REVIEW_2PLACES, R_MIG_LEAVING, R_MIG_MOVE_ACTIVIST, R_MIG_MOVE_PROBATIONER, R_MIG_MOBILE_ORG_SCOPE,
  R_DEFER_LONG_ABSENT, R_DEFER_NO_EMPLOYER, R_DEFER_POOR_WORK, R_MIG_STABILITY_GULIN,
  R_MIG_JOINT_MENTORS_GULIN, R_MIG_ACTIVIST_NOTICE_GULIN, R_MIG_ACTIVIST_6M, R_TWOPLACE_ROUNDS,
  R_APPRAISAL_THREE,
];

const byId = new Map(registry.map((r) => [r.id, r]));

export function ruleById(id: string): RuleModule | undefined {
  return byId.get(id);
}
