import type { App } from '../../core/http/types.js';

export function registerPlanRoutes(_app: App) {}
