CREATE TYPE "public"."product_type" AS ENUM('product', 'service');--> statement-breakpoint
CREATE TYPE "public"."order_line_status" AS ENUM('confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."return_reason" AS ENUM('defect', 'shortage', 'mis_sort', 'refusal', 'other');--> statement-breakpoint
CREATE TYPE "public"."interaction_status" AS ENUM('planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."interaction_type" AS ENUM('meeting', 'visit', 'call', 'email', 'presentation', 'negotiation', 'training');--> statement-breakpoint
CREATE TYPE "public"."complaint_severity" AS ENUM('low', 'normal', 'high', 'critical');--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"type" "product_type" NOT NULL,
	"category" text,
	"unit" text,
	"unit_cost" numeric(18, 4) NOT NULL,
	"base_price" numeric(18, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_sku_unique" UNIQUE("sku"),
	CONSTRAINT "products_cost" CHECK ("products"."unit_cost" >= 0 AND "products"."base_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"order_date" date NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"unit_price" numeric(18, 4) NOT NULL,
	"discount_pct" numeric(7, 4) DEFAULT '0' NOT NULL,
	"unit_cost" numeric(18, 4) NOT NULL,
	"status" "order_line_status" DEFAULT 'confirmed' NOT NULL,
	"net_amount" numeric GENERATED ALWAYS AS ("order_lines"."quantity" * "order_lines"."unit_price" * (100 - "order_lines"."discount_pct") / 100) STORED,
	"owner_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_lines_order_id_line_no_pk" PRIMARY KEY("order_id","line_no"),
	CONSTRAINT "order_lines_quantity" CHECK ("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_discount" CHECK ("order_lines"."discount_pct" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "order_returns" (
	"return_id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"return_date" date NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"reason" "return_reason",
	"owner_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_returns_quantity" CHECK ("order_returns"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"invoice_id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"order_id" text,
	"settled_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_amount" CHECK ("invoices"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"payment_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" "interaction_type" NOT NULL,
	"status" "interaction_status" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"subject" text,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"severity" "complaint_severity" DEFAULT 'normal' NOT NULL,
	"justified" boolean,
	"category" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "department_targets" (
	"month" date PRIMARY KEY NOT NULL,
	"revenue_target" numeric(18, 2) NOT NULL,
	"active_clients_target" integer,
	"new_clients_target" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_targets_month" CHECK (extract(day FROM "department_targets"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "manager_targets" (
	"user_id" uuid NOT NULL,
	"month" date NOT NULL,
	"revenue_target" numeric(18, 2) NOT NULL,
	"active_clients_target" integer,
	"new_clients_target" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manager_targets_user_id_month_pk" PRIMARY KEY("user_id","month"),
	CONSTRAINT "manager_targets_month" CHECK (extract(day FROM "manager_targets"."month") = 1),
	CONSTRAINT "manager_targets_revenue" CHECK ("manager_targets"."revenue_target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "kpi_account_firsts" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"first_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_first_lines" (
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"first_date" date NOT NULL,
	CONSTRAINT "kpi_first_lines_account_id_product_id_pk" PRIMARY KEY("account_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_owner_days" (
	"day" date NOT NULL,
	"owner_id" uuid,
	"revenue" numeric NOT NULL,
	"margin" numeric NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company" ADD COLUMN "activity_window_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_returns" ADD CONSTRAINT "order_returns_order_id_line_no_order_lines_order_id_line_no_fk" FOREIGN KEY ("order_id","line_no") REFERENCES "public"."order_lines"("order_id","line_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_invoice_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("invoice_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manager_targets" ADD CONSTRAINT "manager_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_account_firsts" ADD CONSTRAINT "kpi_account_firsts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_first_lines" ADD CONSTRAINT "kpi_first_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_first_lines" ADD CONSTRAINT "kpi_first_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_owner_days" ADD CONSTRAINT "kpi_owner_days_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "order_lines_date_idx" ON "order_lines" USING btree ("order_date");--> statement-breakpoint
CREATE INDEX "order_lines_account_date_idx" ON "order_lines" USING btree ("account_id","order_date") WHERE "order_lines"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "order_returns_line_idx" ON "order_returns" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE INDEX "order_returns_date_idx" ON "order_returns" USING btree ("return_date");--> statement-breakpoint
CREATE INDEX "order_returns_account_idx" ON "order_returns" USING btree ("account_id","return_date");--> statement-breakpoint
CREATE INDEX "invoices_account_idx" ON "invoices" USING btree ("account_id","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_settled_idx" ON "invoices" USING btree ("settled_on");--> statement-breakpoint
CREATE INDEX "invoices_open_idx" ON "invoices" USING btree ("issue_date") WHERE "invoices"."settled_on" IS NULL;--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id","payment_date");--> statement-breakpoint
CREATE INDEX "interactions_account_idx" ON "interactions" USING btree ("account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_user_idx" ON "interactions" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_occurred_idx" ON "interactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "complaints_account_idx" ON "complaints" USING btree ("account_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_received_idx" ON "complaints" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "kpi_account_firsts_date_idx" ON "kpi_account_firsts" USING btree ("first_date");--> statement-breakpoint
CREATE INDEX "kpi_first_lines_date_idx" ON "kpi_first_lines" USING btree ("first_date");--> statement-breakpoint
CREATE INDEX "kpi_owner_days_day_idx" ON "kpi_owner_days" USING btree ("day","owner_id");--> statement-breakpoint
ALTER TABLE "company" ADD CONSTRAINT "company_activity_window" CHECK ("company"."activity_window_days" BETWEEN 1 AND 3660);