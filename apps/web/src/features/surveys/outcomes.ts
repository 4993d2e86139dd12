import type { CheckOutcome } from './api/get-survey-people';

export const outcomeLabels: Record<CheckOutcome, string> = {
  confirmed: '确认无误',
  corrected: '已修改',
  notFound: '查无此人',
  movedAway: '已迁出',
};

export const outcomeColors: Record<CheckOutcome, string> = {
  confirmed: 'green',
  corrected: 'blue',
  notFound: 'red',
  movedAway: 'orange',
};
