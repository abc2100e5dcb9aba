import type { App } from '../../core/http/types.js';

export function registerTieringRoutes(_app: App) {}
