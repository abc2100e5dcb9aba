import { complaintSeverities, complaintStatuses } from '../../../../src/modules/complaints/complaints.contracts';
import { interactionStatuses, interactionTypes } from '../../../../src/modules/interactions/interactions.contracts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(v: unknown, allowed: readonly T[]) => (allowed.includes(v as T) ? (v as T) : undefined);
const id = (v: unknown) => (typeof v === 'string' && uuid.test(v) ? v : undefined);
const date = (v: unknown) => (typeof v === 'string' && day.test(v) ? v : undefined);
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export interface InteractionsSearch {
  account?: string;
  user?: string;
  type?: (typeof interactionTypes)[number];
  status?: (typeof interactionStatuses)[number];
  from?: string;
  to?: string;
  /** the interaction open in the drawer */
  open?: string;
}

export function validateInteractionsSearch(s: Record<string, unknown>): InteractionsSearch {
  return clean({
    account: id(s.account),
    user: id(s.user),
    type: pick(s.type, interactionTypes),
    status: pick(s.status, interactionStatuses),
    from: date(s.from),
    to: date(s.to),
    open: id(s.open),
  });
}

export interface ServiceSearch {
  account?: string;
  severity?: (typeof complaintSeverities)[number];
  state?: 'open' | 'resolved';
  justified?: 'true' | 'false' | 'unknown';
  from?: string;
  to?: string;
  /** the complaint open in the drawer */
  open?: string;
  /** the complaint open in the drawer (links of notifications) */
  complaint?: string;
  /** the complaint status (`status` is the interactions' own) */
  stage?: (typeof complaintStatuses)[number];
  mine?: 'true';
  breached?: 'true';
  /** the SLA dashboard instead of the list (`tab` is the account page's) */
  view?: 'sla';
}

export function validateServiceSearch(s: Record<string, unknown>): ServiceSearch {
  return clean({
    account: id(s.account),
    severity: pick(s.severity, complaintSeverities),
    state: pick(s.state, ['open', 'resolved'] as const),
    justified: pick(s.justified, ['true', 'false', 'unknown'] as const),
    from: date(s.from),
    to: date(s.to),
    open: id(s.open),
    complaint: id(s.complaint),
    stage: pick(s.stage, complaintStatuses),
    mine: pick(s.mine, ['true'] as const),
    breached: pick(s.breached, ['true'] as const),
    view: pick(s.view, ['sla'] as const),
  });
}
