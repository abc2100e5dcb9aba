import type { MatrixRow } from '../../core/policy/matrix-kit.js';

export const contactAccessRows: MatrixRow[] = [];
