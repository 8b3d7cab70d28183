// Code that loads on first use (a webpack chunk): loaded once and shared by every caller, while a failed load
// (a missing chunk, an error in the module) is forgotten so that the next call tries again.

export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
