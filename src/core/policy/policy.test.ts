import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../contracts.js';
import { type Actor, can, grants, type Permission, permissionsOf, readableUserFields, userScope } from './policy.js';

const actor = (role: Role, actingFor: Actor['actingFor'] = []): Actor => ({
  userId: `u-${role}`,
  name: role,
  email: `${role}@x.test`,
  role,
  department: null,
  locale: 'en',
  via: 'session',
  actingFor,
  totpEnrolmentRequired: false,
});

describe('policy', () => {
  it('grants only what the table lists (deny by default)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.constantFrom(...(Object.keys(grants) as Permission[])), (role, permission) => {
        expect(can(actor(role), permission)).toBe((grants[permission] as readonly Role[]).includes(role));
      }),
    );
  });

  it('lets only administrators manage users, settings and read the audit log', () => {
    for (const role of roles) {
      const p = permissionsOf(actor(role));
      expect(p.includes('users.manage')).toBe(role === 'admin');
      expect(p.includes('audit.read')).toBe(role === 'admin');
      expect(p.includes('company.manage')).toBe(role === 'admin');
    }
  });

  it('gives a deputy the rights of the colleague they cover, and only those', () => {
    const deputy = actor('kam', [{ userId: 'u-absent', role: 'admin', until: '2026-12-01' }]);
    expect(can(deputy, 'users.manage')).toBe(true);
    expect(can(actor('kam'), 'users.manage')).toBe(false);
    expect(userScope(deputy, null)).toEqual({ all: true });
  });

  it('scopes users: heads, executives, HR and admins see all; a senior KAM their line; others themselves and their manager', () => {
    for (const role of ['admin', 'executive', 'head', 'hr'] as const) expect(userScope(actor(role), null)).toEqual({ all: true });
    expect(userScope(actor('senior_kam'), 'm1')).toEqual({
      all: false,
      selfAndReportsOf: ['u-senior_kam'],
      alsoIds: ['u-senior_kam', 'm1'],
    });
    expect(userScope(actor('kam'), 'm2')).toEqual({ all: false, selfAndReportsOf: [], alsoIds: ['u-kam', 'm2'] });
  });

  it('hides admin-only user fields from everyone else', () => {
    expect(readableUserFields(actor('admin'))('lastSignInAt')).toBe(true);
    for (const role of roles.filter((r) => r !== 'admin')) {
      expect(readableUserFields(actor(role))('lastSignInAt')).toBe(false);
      expect(readableUserFields(actor(role))('name')).toBe(true);
    }
  });
});
