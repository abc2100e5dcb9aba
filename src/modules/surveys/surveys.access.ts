import crypto from 'node:crypto';
import type { Db } from '../../core/db/database.js';
import { everyone, type MatrixRow, only, type Who } from '../../core/policy/matrix-kit.js';
import { sha256 } from '../auth/secrets.js';
import { surveys } from './surveys.schema.js';

/** Feedback: readers of complaints see surveys; writers send them; the client's link needs no account. */
const readers: Who[] = ['admin', 'executive', 'head', 'senior_kam', 'kam'];
const writers: Who[] = ['admin', 'head', 'senior_kam', 'kam'];
const all = (status: number) => Object.fromEntries(everyone.map((w) => [w, status]));

/** A fresh survey of the account and the secret of its link. */
async function linkOf(db: Db, accountId: string): Promise<string> {
  const token = crypto.randomBytes(24).toString('base64url');
  await db.insert(surveys).values({
    accountId,
    email: 'matrix@client.test',
    locale: 'en',
    kind: 'periodic',
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return token;
}

export const surveyAccessRows: MatrixRow[] = [
  { route: 'GET /api/surveys', case: 'list', expect: only(readers, 200, 403) },
  {
    route: 'POST /api/surveys',
    case: 'own account',
    request: (t) => ({ body: { accountId: t.ownAccount, email: 'client@matrix.test' } }),
    expect: only(writers, 200, 403),
  },
  {
    route: 'POST /api/surveys',
    case: 'unrelated account',
    request: (t) => ({ body: { accountId: t.otherAccount, email: 'client@matrix.test' } }),
    expect: { ...only(['admin', 'head'], 200, 403), senior_kam: 404, kam: 404 },
  },
  {
    route: 'GET /api/surveys/trend',
    case: 'per KAM',
    request: () => ({ url: '/api/surveys/trend?from=2026-01-01&to=2026-12-31' }),
    expect: only(readers, 200, 403),
  },
  {
    route: 'GET /api/public/surveys/:token',
    case: "a client's valid link",
    request: async (t, db) => ({ url: `/api/public/surveys/${await linkOf(db, t.otherAccount)}` }),
    expect: all(200),
  },
  {
    route: 'GET /api/public/surveys/:token',
    case: 'an unknown link',
    request: () => ({ url: `/api/public/surveys/${'u'.repeat(32)}` }),
    expect: all(404),
  },
  {
    route: 'POST /api/public/surveys/:token',
    case: "a client's valid link",
    request: async (t, db) => ({ url: `/api/public/surveys/${await linkOf(db, t.otherAccount)}`, body: { score: 5 } }),
    expect: all(200),
  },
  {
    route: 'POST /api/public/surveys/:token',
    case: 'an unknown link',
    request: () => ({ url: `/api/public/surveys/${'u'.repeat(32)}`, body: { score: 5 } }),
    expect: all(404),
  },
];
