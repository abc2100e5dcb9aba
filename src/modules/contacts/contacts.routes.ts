import type { App } from '../../core/http/types.js';

export function registerContactRoutes(_app: App) {}
