import type { App } from '../../core/http/types.js';

export function registerImportRoutes(_app: App) {}
