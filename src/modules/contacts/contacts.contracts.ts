import { z } from 'zod';
import { IsoDate, PersonRef } from '../accounts/accounts.contracts.js';

export const buyingRoles = ['decision_maker', 'economic_buyer', 'influencer', 'champion', 'user', 'gatekeeper'] as const;
export const BuyingRole = z.enum(buyingRoles);
export type BuyingRole = z.infer<typeof BuyingRole>;

export const attitudes = ['supporter', 'neutral', 'opponent'] as const;
export const Attitude = z.enum(attitudes);
export type Attitude = z.infer<typeof Attitude>;

/** A stakeholder at a client (A3), as a reader with full access to the account sees them. */
export const Contact = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  /** contact_id of imports */
  externalId: z.string().nullable(),
  fullName: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  buyingRole: BuyingRole.nullable(),
  /** 1 (little) to 5 (decisive) */
  influence: z.number().int().nullable(),
  attitude: Attitude.nullable(),
  /** how strong our relation is, 1 (none) to 5 (trusted) */
  relationshipStrength: z.number().int().nullable(),
  /** who on our side owns the relation */
  relationOwner: PersonRef.nullable(),
  /** the stakeholder's manager at the client */
  reportsTo: PersonRef.nullable(),
  lastContactOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** position on the relationship map; null until someone places the person */
  mapX: z.number().nullable(),
  mapY: z.number().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactList = z.object({ items: z.array(Contact) });
export type ContactList = z.infer<typeof ContactList>;

export const ContactListQuery = z.strictObject({
  /** `false` (default): current stakeholders; `true`: archived ones; `all`: both */
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const scale = z.number().int().min(1).max(5);
/** Digits, spaces, + ( ) - . and an optional extension: "+7 (495) 123-45-67 доб. 12". */
const phonePattern = /^\+?[0-9(][0-9 ().-]{3,28}[0-9)]( ?(ext|доб|x)\.? ?[0-9]{1,6})?$/i;

const contactFields = {
  fullName: z.string().trim().min(1).max(200),
  title: optionalText(200),
  email: z.string().trim().max(320).pipe(z.email()).nullable().optional(),
  phone: z.string().trim().max(50).regex(phonePattern, 'a phone number').nullable().optional(),
  buyingRole: BuyingRole.nullable().optional(),
  influence: scale.nullable().optional(),
  attitude: Attitude.nullable().optional(),
  relationshipStrength: scale.nullable().optional(),
  /** an active user of ours */
  relationOwnerId: z.uuid().nullable().optional(),
  /** a current stakeholder of the same account; the lines may not go in a circle */
  reportsToId: z.uuid().nullable().optional(),
  lastContactOn: IsoDate.nullable().optional(),
  notes: optionalText(5000),
};

export const CreateContactRequest = z.strictObject(contactFields);
export type CreateContactRequest = z.infer<typeof CreateContactRequest>;

export const UpdateContactRequest = z.strictObject({
  ...contactFields,
  fullName: contactFields.fullName.optional(),
  /** the version the editor read; a different stored version answers 409 CONFLICT */
  version: z.number().int().min(1),
});
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;

/** What the relationship map warns about (A3), most serious first. */
export const mapWarningCodes = [
  'no_stakeholders',
  'no_decision_maker',
  'opponent_decision_maker',
  'no_relation_with_decision_maker',
  'single_threaded',
  'no_champion',
] as const;
export const MapWarningCode = z.enum(mapWarningCodes);
export type MapWarningCode = z.infer<typeof MapWarningCode>;
export const MapWarning = z.object({
  code: MapWarningCode,
  severity: z.enum(['high', 'medium', 'low']),
  /** the stakeholders the warning is about (e.g. the opposing decision makers) */
  contactIds: z.array(z.uuid()),
});
export type MapWarning = z.infer<typeof MapWarning>;

/** A reports-to line: from the manager (source) to the person who reports to them (target). */
export const MapEdge = z.object({ id: z.string(), source: z.uuid(), target: z.uuid() });
export type MapEdge = z.infer<typeof MapEdge>;

export const RelationshipMap = z.object({
  /** the account's current stakeholders */
  nodes: z.array(Contact),
  edges: z.array(MapEdge),
  warnings: z.array(MapWarning),
});
export type RelationshipMap = z.infer<typeof RelationshipMap>;

const coordinate = z.number().min(-1_000_000).max(1_000_000);
const uniqueIds = (items: { contactId: string }[]) => new Set(items.map((i) => i.contactId)).size === items.length;

/**
 * A save of the map after drag and drop, applied in one transaction. Positions are layout: the last
 * save wins and no version is needed. A reports-to change is the client's org chart: it names the
 * version of the stakeholder it was made on, and a newer stored version answers 409 CONFLICT.
 */
export const SaveRelationshipMapRequest = z.strictObject({
  /** x and y both numbers, or both null to let the map place the person again */
  positions: z
    .array(z.strictObject({ contactId: z.uuid(), x: coordinate.nullable(), y: coordinate.nullable() }))
    .max(1000)
    .refine(uniqueIds, 'each stakeholder once')
    .refine((items) => items.every((i) => (i.x === null) === (i.y === null)), 'x and y together')
    .default([]),
  reportsTo: z
    .array(z.strictObject({ contactId: z.uuid(), reportsToId: z.uuid().nullable(), version: z.number().int().min(1) }))
    .max(1000)
    .refine(uniqueIds, 'each stakeholder once')
    .default([]),
});
export type SaveRelationshipMapRequest = z.infer<typeof SaveRelationshipMapRequest>;
