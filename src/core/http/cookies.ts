import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'grove_session';
export const DEVICE_COOKIE = 'grove_device';

const base = (req: FastifyRequest) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https' });

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, { ...base(req), expires });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, base(req));
}

/** Marks this browser as one that signed in to the account before (see auth/throttle.ts). */
export function setDeviceCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(DEVICE_COOKIE, token, { ...base(req), maxAge: 365 * 86_400 });
}
