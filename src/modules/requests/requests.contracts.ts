import { z } from 'zod';

/** Departments a KAM asks to act for a key client (D2); sales is the KAMs' own department. */
export const requestDepartments = ['marketing', 'design', 'advertising', 'logistics', 'customer_service', 'finance'] as const;
export const RequestDepartment = z.enum(requestDepartments);
export type RequestDepartment = z.infer<typeof RequestDepartment>;

export const requestStatuses = ['new', 'in_progress', 'waiting', 'done', 'rejected', 'cancelled'] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;
