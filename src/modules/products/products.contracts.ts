import { z } from 'zod';

export const productTypes = ['product', 'service'] as const;
export const ProductType = z.enum(productTypes);
export type ProductType = z.infer<typeof ProductType>;
