CREATE TABLE "audit_chain_heads" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_chain_heads" ADD CONSTRAINT "audit_chain_heads_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "audit_chain_heads" ("school_id", "seq", "hash")
SELECT DISTINCT ON ("school_id") "school_id", "seq", "hash" FROM "audit_events" ORDER BY "school_id", "seq" DESC;
