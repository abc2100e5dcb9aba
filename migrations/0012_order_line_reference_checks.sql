ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_owner_id_users_id_fk";
--> statement-breakpoint
-- The references of order lines, checked once per statement over all its rows.
CREATE FUNCTION order_lines_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = n.account_id))
     OR EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = n.product_id))
     OR EXISTS (SELECT 1 FROM new_rows n WHERE n.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = n.owner_id))
  THEN
    RAISE EXCEPTION 'an order line refers to an account, product or user that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER order_lines_references_insert AFTER INSERT ON order_lines
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION order_lines_check_references();
--> statement-breakpoint
CREATE TRIGGER order_lines_references_update AFTER UPDATE ON order_lines
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION order_lines_check_references();
--> statement-breakpoint
-- An account, product or user that order lines refer to cannot be deleted.
CREATE FUNCTION order_lines_refuse_orphans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_TABLE_NAME = 'accounts' AND EXISTS (SELECT 1 FROM old_rows o JOIN order_lines l ON l.account_id = o.id))
     OR (TG_TABLE_NAME = 'products' AND EXISTS (SELECT 1 FROM old_rows o JOIN order_lines l ON l.product_id = o.id))
     OR (TG_TABLE_NAME = 'users' AND EXISTS (SELECT 1 FROM old_rows o JOIN order_lines l ON l.owner_id = o.id))
  THEN
    RAISE EXCEPTION 'order lines refer to a % that is being deleted', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_order_lines_refs AFTER DELETE ON accounts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION order_lines_refuse_orphans();
--> statement-breakpoint
CREATE TRIGGER products_order_lines_refs AFTER DELETE ON products
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION order_lines_refuse_orphans();
--> statement-breakpoint
CREATE TRIGGER users_order_lines_refs AFTER DELETE ON users
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION order_lines_refuse_orphans();
