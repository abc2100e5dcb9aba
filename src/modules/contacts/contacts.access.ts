import type { Db } from '../../core/db/database.js';
import { type MatrixRow, NIL, only, type Targets, type Who } from '../../core/policy/matrix-kit.js';
import { contacts } from './contacts.schema.js';

/** Stakeholders are relationship details: only readers with full access to the account see them. */
const managers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
/** 200 where the account is visible with full access; sales support and departments get 404 (basic access) */
const sees = (who: Who[]) => ({ ...only(who, 200, 404), hr: 403 });
/** a change: 403 for roles that never write accounts, else 200 where visible and 404 where hidden */
const changes = (who: Who[]) => ({ ...only(who, 200, 404), executive: 403, sales_support: 403, department: 403, hr: 403 });

async function contactOn(db: Db, accountId: string, patch: Partial<typeof contacts.$inferInsert> = {}) {
  const [row] = await db
    .insert(contacts)
    .values({ accountId, fullName: 'Matrix Contact', ...patch })
    .returning({ id: contacts.id, version: contacts.version });
  if (!row) throw new Error('contact not created');
  return row;
}

const own = (t: Targets) => t.ownAccount;
const team = (t: Targets) => t.teamAccount;
const unrelated = (t: Targets) => t.otherAccount;
const report = (t: Targets) => t.reportAccount;
const cases = [
  { name: 'own', account: own, readers: managers, writers },
  { name: 'on the team', account: team, readers: managers, writers },
  {
    name: 'owned by a report',
    account: report,
    readers: ['admin', 'executive', 'head', 'senior_kam'] as Who[],
    writers: ['admin', 'head', 'senior_kam'] as Who[],
  },
  { name: 'unrelated', account: unrelated, readers: ['admin', 'executive', 'head'] as Who[], writers: ['admin', 'head'] as Who[] },
];

export const contactAccessRows: MatrixRow[] = [
  ...cases.flatMap((c): MatrixRow[] => [
    {
      route: 'GET /api/accounts/:id/contacts',
      case: c.name,
      request: (t) => ({ url: `/api/accounts/${c.account(t)}/contacts` }),
      expect: sees(c.readers),
    },
    {
      route: 'POST /api/accounts/:id/contacts',
      case: c.name,
      request: (t) => ({ url: `/api/accounts/${c.account(t)}/contacts`, body: { fullName: `Matrix ${t.n}`, influence: 3 } }),
      expect: changes(c.writers),
    },
    {
      route: 'GET /api/contacts/:id',
      case: c.name,
      request: async (t, db) => ({ url: `/api/contacts/${(await contactOn(db, c.account(t))).id}` }),
      expect: sees(c.readers),
    },
    {
      route: 'PATCH /api/contacts/:id',
      case: c.name,
      request: async (t, db) => {
        const contact = await contactOn(db, c.account(t));
        return { url: `/api/contacts/${contact.id}`, body: { title: 'Matrix title', version: contact.version } };
      },
      expect: changes(c.writers),
    },
    {
      route: 'GET /api/accounts/:id/relationship-map',
      case: c.name,
      request: (t) => ({ url: `/api/accounts/${c.account(t)}/relationship-map` }),
      expect: sees(c.readers),
    },
    {
      route: 'PUT /api/accounts/:id/relationship-map',
      case: c.name,
      request: async (t, db) => {
        const boss = await contactOn(db, c.account(t));
        const contact = await contactOn(db, c.account(t));
        return {
          url: `/api/accounts/${c.account(t)}/relationship-map`,
          body: {
            positions: [{ contactId: boss.id, x: 10, y: 20 }],
            reportsTo: [{ contactId: contact.id, reportsToId: boss.id, version: contact.version }],
          },
        };
      },
      expect: changes(c.writers),
    },
  ]),
  {
    route: 'POST /api/contacts/:id/archive',
    case: 'own',
    request: async (t, db) => {
      const contact = await contactOn(db, t.ownAccount);
      return { url: `/api/contacts/${contact.id}/archive`, body: { version: contact.version } };
    },
    expect: changes(writers),
  },
  {
    route: 'POST /api/contacts/:id/archive',
    case: 'unrelated',
    request: async (t, db) => {
      const contact = await contactOn(db, t.otherAccount);
      return { url: `/api/contacts/${contact.id}/archive`, body: { version: contact.version } };
    },
    expect: changes(['admin', 'head']),
  },
  {
    route: 'POST /api/contacts/:id/restore',
    case: 'own',
    request: async (t, db) => {
      const contact = await contactOn(db, t.ownAccount, { archivedAt: new Date() });
      return { url: `/api/contacts/${contact.id}/restore`, body: { version: contact.version } };
    },
    expect: changes(writers),
  },
  {
    route: 'POST /api/contacts/:id/restore',
    case: 'on the team',
    request: async (t, db) => {
      const contact = await contactOn(db, t.teamAccount, { archivedAt: new Date() });
      return { url: `/api/contacts/${contact.id}/restore`, body: { version: contact.version } };
    },
    expect: changes(writers),
  },
  { route: 'GET /api/contacts/:id', case: 'missing', request: () => ({ url: `/api/contacts/${NIL}` }), expect: sees([]) },
  {
    route: 'PATCH /api/contacts/:id',
    case: 'missing',
    request: () => ({ url: `/api/contacts/${NIL}`, body: { title: 'x', version: 1 } }),
    expect: changes([]),
  },
];
