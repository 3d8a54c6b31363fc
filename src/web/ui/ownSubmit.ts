import type { FormEvent } from "react";

/**
 * A dialog's form is rendered in a portal, outside the page's DOM, but React still bubbles its
 * submit event to any form around the button that opened it (the Decline… dialog sits inside the
 * signing form): without this, declining would also submit a signature.
 */
export const ownSubmit =
  (handler: (event?: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.stopPropagation();
    handler(event);
  };
