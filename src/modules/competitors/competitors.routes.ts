import type { App } from '../../core/http/types.js';

export function registerCompetitorRoutes(_app: App) {}
