import { z } from 'zod';

export const buyingRoles = ['decision_maker', 'economic_buyer', 'influencer', 'champion', 'user', 'gatekeeper'] as const;
export const BuyingRole = z.enum(buyingRoles);
export type BuyingRole = z.infer<typeof BuyingRole>;

export const attitudes = ['supporter', 'neutral', 'opponent'] as const;
export const Attitude = z.enum(attitudes);
export type Attitude = z.infer<typeof Attitude>;
