import type { ActKind, ActStatus } from './actsApi';

/** The search of /acts; names of its own, so the router's merged search type of other pages stays as it was. */
export interface ActsSearch {
  actView?: 'analysis';
  account?: string;
  actKind?: ActKind;
  actStatus?: ActStatus;
  from?: string;
  to?: string;
  /** "1": the new act form is open (with `account` preset when given) */
  newAct?: '1';
}

const kinds = ['shortage', 'mis_sort', 'return', 'refusal'];
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function validateActsSearch(s: Record<string, unknown>): ActsSearch {
  const out: ActsSearch = {};
  if (s.actView === 'analysis') out.actView = 'analysis';
  if (typeof s.account === 'string' && /^[0-9a-f-]{36}$/i.test(s.account)) out.account = s.account;
  if (typeof s.actKind === 'string' && kinds.includes(s.actKind)) out.actKind = s.actKind as ActKind;
  if (s.actStatus === 'draft' || s.actStatus === 'signed') out.actStatus = s.actStatus;
  const from = day(s.from);
  const to = day(s.to);
  if (from) out.from = from;
  if (to) out.to = to;
  if (s.newAct === '1' || s.newAct === 1) out.newAct = '1';
  return out;
}
