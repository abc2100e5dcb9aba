import type { MatrixRow } from '../../core/policy/matrix-kit.js';

export const planAccessRows: MatrixRow[] = [];
