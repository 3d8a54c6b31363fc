import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes a new SQL migration into src/db/migrations from every module's tables.ts.
export default defineConfig({
  dialect: "postgresql",
  // Each module owns its tables; src/db/schema.ts gathers them (and src/db/events.ts).
  schema: ["./src/db/events.ts", "./src/modules/*/tables.ts"],
  out: "./src/db/migrations",
});
