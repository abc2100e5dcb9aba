DROP INDEX "accounts_name_trgm_idx";--> statement-breakpoint
DROP INDEX "accounts_registration_trgm_idx";--> statement-breakpoint
DROP INDEX "accounts_city_trgm_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower("accounts"."name" || ' ' || coalesce("accounts"."registration_no", '') || ' ' || coalesce("accounts"."city", '') || ' ' || coalesce("accounts"."external_id", ''))) STORED;--> statement-breakpoint
CREATE INDEX "accounts_search_trgm_idx" ON "accounts" USING gin ("search_text" gin_trgm_ops);