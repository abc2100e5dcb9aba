import type { z } from 'zod';
import type { AuditEntry, AuditList } from '../../../src/core/audit/audit.contracts';
import type {
  ApiTokenList,
  CreatedApiToken,
  InvitationInfo,
  LoginResponse,
  TotpSetupResponse,
} from '../../../src/modules/auth/auth.contracts';
import type { Company, DemoInfo, SetupStatus } from '../../../src/modules/company/company.contracts';
import type { CreatedUser, Me, User, UserList } from '../../../src/modules/users/users.contracts';

export type { AuditEntry, Company, LoginResponse, Me, User };
export type AuditListT = z.infer<typeof AuditList>;
export type UserListT = z.infer<typeof UserList>;
export type CreatedUserT = z.infer<typeof CreatedUser>;
export type SetupStatusT = z.infer<typeof SetupStatus>;
export type DemoInfoT = z.infer<typeof DemoInfo>;
export type InvitationInfoT = z.infer<typeof InvitationInfo>;
export type TotpSetupT = z.infer<typeof TotpSetupResponse>;
export type ApiTokenListT = z.infer<typeof ApiTokenList>;
export type CreatedApiTokenT = z.infer<typeof CreatedApiToken>;
