import { describe, expect, it } from "vitest";
import { groupCommit, type Outcome } from "./group-commit.js";

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

describe("group commit", () => {
  it("puts requests that arrive together into one batch and answers each in order", async () => {
    const batches: number[][] = [];
    const writer = groupCommit<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => ({ ok: true, value: n * 10 }));
    });
    const answers = await Promise.all([1, 2, 3].map((n) => writer.submit(n)));
    expect(answers).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("gathers what arrives while a batch is at the database into the next batch", async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstBatchHeld = new Promise<void>((r) => {
      release = r;
    });
    const writer = groupCommit<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await firstBatchHeld;
      return items.map((n) => ({ ok: true, value: n }));
    });
    const first = writer.submit(1);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => writer.submit(n));
    await new Promise((r) => setImmediate(r));
    // Still one batch in flight: the newcomers wait rather than start a second.
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await writer.drained();
  });

  it("gives a refused request its own error without failing the rest of its batch", async () => {
    const writer = groupCommit<number, number>(async (items) =>
      items.map(
        (n): Outcome<number> => (n === 2 ? { ok: false, error: new Error("no") } : { ok: true, value: n }),
      ),
    );
    const results = await settle([1, 2, 3].map((n) => writer.submit(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("tries each request alone when a shared batch fails, so one bad request cannot sink the others", async () => {
    const sizes: number[] = [];
    const writer = groupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      if (items.includes(13)) throw new Error("unexpected database error");
      return items.map((n) => ({ ok: true, value: n }));
    });
    const results = await settle([12, 13, 14].map((n) => writer.submit(n)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("unexpected database error");
    expect(sizes).toEqual([3, 1, 1, 1]);
  });

  it("never puts more than maxBatch requests in one batch", async () => {
    const sizes: number[] = [];
    const writer = groupCommit<number, number>(
      async (items) => {
        sizes.push(items.length);
        return items.map((n) => ({ ok: true, value: n }));
      },
      { maxBatch: 4 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => writer.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });
});
