import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Contact,
  ContactList,
  CreateContactRequest,
  RelationshipMap,
  SaveRelationshipMapRequest,
  UpdateContactRequest,
} from '../../../../src/modules/contacts/contacts.contracts';
import { api } from '../../app/api';

export type { Contact, RelationshipMap };
export type ArchivedFilter = 'true' | 'false';

/** Every query of this feature starts with ['contacts', accountId]: one invalidation refreshes them all. */
export const contactsKey = (accountId: string) => ['contacts', accountId] as const;
const listKey = (accountId: string, archived: ArchivedFilter) => [...contactsKey(accountId), 'list', archived] as const;
export const mapKey = (accountId: string) => [...contactsKey(accountId), 'map'] as const;

export function useContacts(accountId: string, archived: ArchivedFilter) {
  return useQuery({
    queryKey: listKey(accountId, archived),
    queryFn: () => api.get<ContactList>(`/api/accounts/${accountId}/contacts`, { archived }),
  });
}

export function useRelationshipMap(accountId: string) {
  return useQuery({
    queryKey: mapKey(accountId),
    queryFn: () => api.get<RelationshipMap>(`/api/accounts/${accountId}/relationship-map`),
  });
}

export const contactsApi = {
  create: (accountId: string, body: CreateContactRequest) => api.post<Contact>(`/api/accounts/${accountId}/contacts`, body),
  update: (id: string, body: UpdateContactRequest) => api.patch<Contact>(`/api/contacts/${id}`, body),
  archive: (c: Contact, archived: boolean) =>
    api.post<Contact>(`/api/contacts/${c.id}/${archived ? 'archive' : 'restore'}`, { version: c.version }),
  saveMap: (accountId: string, body: Partial<SaveRelationshipMapRequest>) =>
    api.put<RelationshipMap>(`/api/accounts/${accountId}/relationship-map`, body),
};

/** After a change: this feature's lists and map, and the account and its timeline (which show it). */
export function useRefreshAfterChange(accountId: string) {
  const client = useQueryClient();
  return (opts: { timeline?: boolean } = {}) =>
    Promise.all([
      client.invalidateQueries({ queryKey: contactsKey(accountId) }),
      ...(opts.timeline === false
        ? []
        : [
            client.invalidateQueries({ queryKey: ['account', accountId] }),
            client.invalidateQueries({ queryKey: ['timeline', accountId] }),
          ]),
    ]);
}
