-- Upkeep of the KPI summaries (kpi.schema.ts) and of invoice settlement. Every fact writer stamps
-- owner_id with the owner on the day of the fact; these functions rebuild what depends on the facts.

-- The account's owner on a day (import-format.md): the assignment with the latest start on or before it.
CREATE FUNCTION kpi_owner_on(p_account uuid, p_day date) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT owner_id FROM account_owners
  WHERE account_id = p_account AND start_date <= p_day
  ORDER BY start_date DESC LIMIT 1
$$;
--> statement-breakpoint
-- Rebuilds revenue and margin per owner for the given days from the lines and returns of those days.
CREATE FUNCTION kpi_refresh_days(p_days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM kpi_owner_days WHERE day = ANY(p_days);
  INSERT INTO kpi_owner_days (day, owner_id, revenue, margin)
  SELECT day, owner_id, sum(revenue), sum(margin) FROM (
    SELECT l.order_date AS day, l.owner_id, l.net_amount AS revenue, l.net_amount - l.quantity * l.unit_cost AS margin
    FROM order_lines l
    WHERE l.status = 'confirmed' AND l.order_date = ANY(p_days)
    UNION ALL
    SELECT r.return_date, r.owner_id,
           -(r.quantity * l.unit_price * (100 - l.discount_pct) / 100),
           -(r.quantity * (l.unit_price * (100 - l.discount_pct) / 100 - l.unit_cost))
    FROM order_returns r JOIN order_lines l ON l.order_id = r.order_id AND l.line_no = r.line_no
    WHERE r.return_date = ANY(p_days)
  ) facts
  GROUP BY day, owner_id;
$$;
--> statement-breakpoint
-- Rebuilds the first order dates (per account, per account and product) of the given accounts.
CREATE FUNCTION kpi_refresh_firsts(p_accounts uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM kpi_first_lines WHERE account_id = ANY(p_accounts);
  INSERT INTO kpi_first_lines (account_id, product_id, first_date)
  SELECT account_id, product_id, min(order_date) FROM order_lines
  WHERE status = 'confirmed' AND account_id = ANY(p_accounts)
  GROUP BY account_id, product_id;
  DELETE FROM kpi_account_firsts WHERE account_id = ANY(p_accounts);
  INSERT INTO kpi_account_firsts (account_id, first_date)
  SELECT account_id, min(first_date) FROM kpi_first_lines WHERE account_id = ANY(p_accounts) GROUP BY account_id;
$$;
--> statement-breakpoint
-- Gives the facts of the accounts the owner of their day again (after the ownership history changed)
-- and answers the days whose owner changed, for kpi_refresh_days.
CREATE FUNCTION kpi_restamp(p_accounts uuid[]) RETURNS date[] LANGUAGE sql AS $$
  WITH ranges AS (
    SELECT account_id, owner_id, start_date AS lo,
           lead(start_date) OVER (PARTITION BY account_id ORDER BY start_date) AS hi
    FROM account_owners WHERE account_id = ANY(p_accounts)
  ),
  lines AS (
    UPDATE order_lines l SET owner_id = r.owner_id
    FROM (
      SELECT l2.order_id, l2.line_no, r.owner_id
      FROM order_lines l2
      LEFT JOIN ranges r ON r.account_id = l2.account_id AND r.lo <= l2.order_date AND (r.hi IS NULL OR r.hi > l2.order_date)
      WHERE l2.account_id = ANY(p_accounts)
    ) r
    WHERE l.order_id = r.order_id AND l.line_no = r.line_no AND l.owner_id IS DISTINCT FROM r.owner_id
    RETURNING l.order_date AS day
  ),
  returned AS (
    UPDATE order_returns t SET owner_id = r.owner_id
    FROM (
      SELECT t2.return_id, r.owner_id
      FROM order_returns t2
      LEFT JOIN ranges r ON r.account_id = t2.account_id AND r.lo <= t2.return_date AND (r.hi IS NULL OR r.hi > t2.return_date)
      WHERE t2.account_id = ANY(p_accounts)
    ) r
    WHERE t.return_id = r.return_id AND t.owner_id IS DISTINCT FROM r.owner_id
    RETURNING t.return_date AS day
  )
  SELECT coalesce(array_agg(DISTINCT day), '{}') FROM (SELECT day FROM lines UNION ALL SELECT day FROM returned) d;
$$;
--> statement-breakpoint
-- A change of the ownership history (an import, a transfer, a hand-over, a back-dated correction)
-- re-assigns the facts of the accounts it touched, so the summaries never keep an earlier owner.
CREATE FUNCTION kpi_ownership_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_accounts uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT account_id) INTO v_accounts FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT account_id) INTO v_accounts FROM new_rows;
  END IF;
  IF v_accounts IS NOT NULL THEN
    PERFORM kpi_refresh_days(kpi_restamp(v_accounts));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER account_owners_kpi_insert AFTER INSERT ON account_owners
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_ownership_changed();
--> statement-breakpoint
CREATE TRIGGER account_owners_kpi_update AFTER UPDATE ON account_owners
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_ownership_changed();
--> statement-breakpoint
CREATE TRIGGER account_owners_kpi_delete AFTER DELETE ON account_owners
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kpi_ownership_changed();
--> statement-breakpoint
-- The day each invoice's payments first reach its amount (null while they do not).
CREATE FUNCTION invoices_settle(p_invoices text[]) RETURNS void LANGUAGE sql AS $$
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
$$;
