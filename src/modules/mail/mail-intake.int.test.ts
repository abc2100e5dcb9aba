import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testLog } from '../../../test/helpers/db.js';
import { makeAccount, makeCompany, makeContact, makeUser } from '../../../test/helpers/factories.js';
import type { Database } from '../../core/db/database.js';
import { complaints } from '../complaints/complaints.schema.js';
import { acceptInboundMail, type InboundMessage, startSmtpIntake } from './mail.intake.js';
import { inboundMail, mailOutbox, mailSettings } from './mail.schema.js';

let database: Database & { url: string };
let intake: { port: number; close(): Promise<void> };
let accountId: string;
const db = () => database.db;
const COMPLAINTS = 'complaints@grove.example.test';

beforeAll(async () => {
  database = await createTestDatabase();
  await makeCompany(db());
  const kam = await makeUser(db(), { role: 'kam', name: 'Kate Manager' });
  accountId = (await makeAccount(db(), { ownerId: kam.id, tier: 'key', name: 'Northwind Foods' })).id;
  await makeContact(db(), { accountId, fullName: 'Olga Buyer', patch: { email: 'olga@northwind.example' } });
  await db().insert(mailSettings).values({ id: 1, complaintsAddress: COMPLAINTS });
  // a random free port, as a test would start it
  intake = await startSmtpIntake({ db: db(), port: 0, host: '127.0.0.1', log: testLog });
});
afterAll(async () => {
  await intake?.close();
  await database?.close();
});

const client = () => nodemailer.createTransport({ host: '127.0.0.1', port: intake.port, secure: false, ignoreTLS: true });
const send = (m: { to: string; from?: string; subject: string; text: string; messageId?: string }) =>
  client().sendMail({ from: m.from ?? '"Olga Buyer" <Olga@Northwind.example>', ...m });

const complaintsOf = () => db().select().from(complaints).where(eq(complaints.accountId, accountId));

describe('the complaints mailbox (SMTP endpoint)', () => {
  it('turns mail to the complaints address into a complaint, acknowledged by e-mail; a redelivery lands once', async () => {
    const messageId = '<order-4711-late@northwind.example>';
    await send({ to: COMPLAINTS, subject: 'Delivery 4711 arrived damaged', text: 'Three pallets were broken.', messageId });

    const [received] = await db().select().from(inboundMail).where(eq(inboundMail.messageId, messageId));
    expect(received).toMatchObject({ fromAddress: 'olga@northwind.example', toAddress: COMPLAINTS, outcome: 'complaint' });
    const list = await complaintsOf();
    expect(list).toHaveLength(1);
    expect(received?.complaintId).toBe(list[0]?.id);
    expect(list[0]).toMatchObject({ subject: 'Delivery 4711 arrived damaged' });

    const acks = await db().select().from(mailOutbox).where(eq(mailOutbox.kind, 'complaint_ack'));
    expect(acks).toHaveLength(1);
    expect(acks[0]?.toAddress).toBe('olga@northwind.example');
    expect(acks[0]?.subject).toContain(list[0]?.reference ?? '?');

    // the sender's server delivers it again (it never saw our answer): nothing new
    await send({ to: COMPLAINTS, subject: 'Delivery 4711 arrived damaged', text: 'Three pallets were broken.', messageId });
    expect(await complaintsOf()).toHaveLength(1);
    expect(await db().select().from(inboundMail).where(eq(inboundMail.messageId, messageId))).toHaveLength(1);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.kind, 'complaint_ack'))).toHaveLength(1);
  });

  it('refuses mail for any other address with 550', async () => {
    const err = await send({ to: 'sales@grove.example.test', subject: 'Hello', text: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ responseCode: 550 });
    expect(await db().select().from(inboundMail).where(eq(inboundMail.toAddress, 'sales@grove.example.test'))).toHaveLength(0);
  });

  it('records mail from an unknown sender without making a complaint', async () => {
    const before = (await complaintsOf()).length;
    await send({
      to: COMPLAINTS,
      from: 'stranger@elsewhere.example',
      subject: 'Who are you',
      text: 'x',
      messageId: '<u1@elsewhere.example>',
    });
    const [row] = await db().select().from(inboundMail).where(eq(inboundMail.messageId, '<u1@elsewhere.example>'));
    expect(row).toMatchObject({ outcome: 'unknown_sender', complaintId: null, fromAddress: 'stranger@elsewhere.example' });
    expect(await complaintsOf()).toHaveLength(before);
  });

  it('leaves nothing behind when the intake fails, so the sender’s retry is taken', async () => {
    const m: InboundMessage = {
      messageId: '<flaky@northwind.example>',
      from: 'olga@northwind.example',
      fromName: null,
      to: COMPLAINTS,
      subject: 'Flaky',
      text: 'x',
      receivedAt: new Date(),
    };
    await expect(
      acceptInboundMail(db(), m, async () => {
        throw new Error('database hiccup');
      }),
    ).rejects.toThrow('database hiccup');
    expect(await db().select().from(inboundMail).where(eq(inboundMail.messageId, m.messageId))).toHaveLength(0);
    expect(await acceptInboundMail(db(), m, async () => ({ outcome: 'unknown_sender' }))).toEqual({ outcome: 'unknown_sender' });
    expect(await acceptInboundMail(db(), m, async () => ({ outcome: 'unknown_sender' }))).toEqual({ outcome: 'duplicate' });
  });

  it('answers a failing intake with a temporary error (451), so the sending server tries again', async () => {
    const flaky = await startSmtpIntake({
      db: db(),
      port: 0,
      host: '127.0.0.1',
      log: testLog,
      receive: async () => {
        throw new Error('down');
      },
    });
    try {
      const t = nodemailer.createTransport({ host: '127.0.0.1', port: flaky.port, secure: false, ignoreTLS: true });
      const err = await t.sendMail({ from: 'olga@northwind.example', to: COMPLAINTS, subject: 'x', text: 'x' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ responseCode: 451 });
    } finally {
      await flaky.close();
    }
  });
});
