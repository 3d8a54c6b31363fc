/**
 * Group commit: requests that arrive while the database is busy with earlier ones wait, then
 * share the next batch. Under load each transaction or query (its lock, its round trips, its
 * WAL flush) carries many requests; on a quiet day a request runs alone, at once.
 * See docs/decisions/007-group-commit.md.
 *
 * DataLoader batches only what arrives in the same tick; a busy server needs "everything that
 * arrived while the last batch was at the database", which is this loop.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type GroupCommit<T, R> = {
  submit(item: T): Promise<R>;
  /** Resolves once nothing is queued or in flight (tests, shutdown). */
  drained(): Promise<void>;
};

export function groupCommit<T, R>(
  /** Runs one batch; returns one outcome per item, in order. A throw fails the whole batch. */
  run: (items: T[]) => Promise<Outcome<R>[]>,
  { maxBatch = 200, maxInFlight = 1 }: { maxBatch?: number; maxInFlight?: number } = {},
): GroupCommit<T, R> {
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  const idle: (() => void)[] = [];

  async function alone(item: T): Promise<Outcome<R>> {
    try {
      return (await run([item]))[0];
    } catch (error) {
      return { ok: false, error };
    }
  }

  async function runBatch(batch: Waiting[]) {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await run(batch.map((w) => w.item));
    } catch (error) {
      // One request's unexpected failure must not fail the others that shared its
      // transaction (nothing of it committed): each is tried again on its own.
      outcomes =
        batch.length === 1 ? [{ ok: false, error }] : await Promise.all(batch.map((w) => alone(w.item)));
    }
    batch.forEach((w, i) => {
      const o = outcomes[i];
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        if (queue.length > 0) schedule();
        else if (inFlight === 0) for (const resolve of idle.splice(0)) resolve();
      });
    }
  }

  // On the next turn of the event loop, so requests parsed in this turn join the batch.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (inFlight < maxInFlight) schedule();
      });
    },
    drained() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
