import fs from 'node:fs';
import Fastify from 'fastify';

/** The baseline: a bare Fastify route answering the same page of 50 accounts from a constant. */
const page = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.get('/bare', async () => page);
await app.listen({ port: Number(process.argv[3]), host: '127.0.0.1' });
process.send?.('ready');
