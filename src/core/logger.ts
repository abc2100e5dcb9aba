import pino, { type Logger } from 'pino';

export function createLogger(opts: { level: string; pretty: boolean; toStderr?: boolean }): Logger {
  if (opts.pretty) {
    return pino({ level: opts.level, transport: { target: 'pino-pretty', options: { destination: opts.toStderr ? 2 : 1 } } });
  }
  return pino({ level: opts.level }, pino.destination(opts.toStderr ? 2 : 1));
}
