// A tiny bridge from the data layer (which has no router) to the component that can
// navigate: any 401 while signed in means the session has ended (idle timeout or sign-out
// elsewhere).
type Listener = () => void;

const listeners = new Set<Listener>();

export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportUnauthorized(): void {
  for (const listener of listeners) listener();
}
