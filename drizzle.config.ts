import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes a new SQL migration into src/db/migrations from schema.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
});
