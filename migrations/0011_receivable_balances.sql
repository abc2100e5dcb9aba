CREATE TABLE "kpi_account_receivables" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"outstanding" numeric NOT NULL,
	"overdue" numeric NOT NULL,
	CONSTRAINT "kpi_account_receivables_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
ALTER TABLE "kpi_account_receivables" ADD CONSTRAINT "kpi_account_receivables_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Receivables of the given accounts as running balances (kpi.md: Σ max(0, amount − payments up to
-- the day) over invoices issued by then; overdue: those past their due date). Each invoice adds its
-- amount on its issue day; each payment takes off the part of it that the invoice still lacked (never
-- below zero), on its day or the issue day if earlier. Overdue sees the same changes, not before the
-- day after the due date.
CREATE FUNCTION kpi_refresh_receivables(p_accounts uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM kpi_account_receivables WHERE account_id = ANY(p_accounts);
  INSERT INTO kpi_account_receivables (account_id, day, outstanding, overdue)
  WITH inv AS (
    SELECT invoice_id, account_id, issue_date, due_date, amount FROM invoices WHERE account_id = ANY(p_accounts)
  ),
  paid AS (
    SELECT i.account_id, i.due_date, greatest(p.payment_date, i.issue_date) AS day,
           least(i.amount, sum(p.amount) OVER w) - least(i.amount, sum(p.amount) OVER w - p.amount) AS part
    FROM inv i JOIN payments p ON p.invoice_id = i.invoice_id
    WINDOW w AS (PARTITION BY p.invoice_id ORDER BY p.payment_date, p.payment_id)
  ),
  events AS (
    SELECT account_id, issue_date AS day, amount AS delta, greatest(issue_date, due_date + 1) AS overdue_day FROM inv
    UNION ALL
    SELECT account_id, day, -part, greatest(day, due_date + 1) FROM paid WHERE part <> 0
  ),
  deltas AS (
    SELECT account_id, day, delta AS d_out, 0::numeric AS d_over FROM events
    UNION ALL
    SELECT account_id, overdue_day, 0, delta FROM events
  ),
  daily AS (SELECT account_id, day, sum(d_out) AS d_out, sum(d_over) AS d_over FROM deltas GROUP BY account_id, day)
  SELECT account_id, day,
         sum(d_out) OVER (PARTITION BY account_id ORDER BY day),
         sum(d_over) OVER (PARTITION BY account_id ORDER BY day)
  FROM daily;
$$;
--> statement-breakpoint
-- Settling invoices keeps their accounts' receivable balances too (every writer of invoices and
-- payments calls it).
CREATE OR REPLACE FUNCTION invoices_settle(p_invoices text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE invoices i SET settled_on = s.settled_on
  FROM (
    SELECT i2.invoice_id, (
      SELECT min(c.payment_date) FROM (
        SELECT p.payment_date, sum(p.amount) OVER (ORDER BY p.payment_date, p.payment_id) AS paid
        FROM payments p WHERE p.invoice_id = i2.invoice_id
      ) c WHERE c.paid >= i2.amount
    ) AS settled_on
    FROM invoices i2 WHERE i2.invoice_id = ANY(p_invoices)
  ) s
  WHERE i.invoice_id = s.invoice_id AND i.settled_on IS DISTINCT FROM s.settled_on;
  SELECT kpi_refresh_receivables(ARRAY(SELECT DISTINCT account_id FROM invoices WHERE invoice_id = ANY(p_invoices)));
$$;
--> statement-breakpoint
SELECT kpi_refresh_receivables(ARRAY(SELECT id FROM accounts));
--> statement-breakpoint
-- Meetings and calls of a period by an index-only scan.
CREATE INDEX interactions_done_idx ON interactions (occurred_at) INCLUDE (user_id, type) WHERE status = 'done';
--> statement-breakpoint
-- The balance of an account on a day by an index-only scan.
CREATE INDEX kpi_account_receivables_balance_idx ON kpi_account_receivables (account_id, day) INCLUDE (outstanding, overdue);
