import { type MatrixRow, NIL, only, type Targets, type Who } from '../../core/policy/matrix-kit.js';

/** The account's commercial tab: full access to the account (sales support and departments see it basic: 404). */
const managers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });

type Case = { case: string; account: (t: Targets) => string; who: Who[] };
const cases: Case[] = [
  { case: 'own', account: (t) => t.ownAccount, who: managers },
  { case: 'on the team', account: (t) => t.teamAccount, who: managers },
  { case: 'owned by a report', account: (t) => t.reportAccount, who: ['admin', 'executive', 'head', 'senior_kam'] },
  { case: 'unrelated', account: (t) => t.otherAccount, who: ['admin', 'executive', 'head'] },
  { case: 'missing', account: () => NIL, who: [] },
];

export const commercialAccessRows: MatrixRow[] = ['commercial?months=12', 'orders', 'returns', 'invoices?status=all'].flatMap((path) => {
  const route = `GET /api/accounts/:id/${path.split('?')[0]}`;
  const query = path.includes('?') ? `?${path.split('?')[1]}` : '';
  return cases.map(
    (c): MatrixRow => ({
      route,
      case: c.case,
      request: (t) => ({ url: `/api/accounts/${c.account(t)}/${path.split('?')[0]}${query}` }),
      expect: sees(c.who),
    }),
  );
});
