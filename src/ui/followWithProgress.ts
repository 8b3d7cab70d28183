// Following a resource until a waiter settles, in a cancellable notification: Cancel stops watching (the
// waiter is aborted), never the operation on AWS. The views stay quiet about the resource meanwhile, so
// its change is announced once, by the command.
import * as vscode from 'vscode';
import { followedWhile } from './followedResources';

export function followWithProgress<T>(
  noun: string,
  name: string,
  title: string,
  message: string | undefined,
  wait: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return followedWhile(noun, name, () =>
    Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, token) => {
          if (message) progress.report({ message });
          const abort = new AbortController();
          const sub = token.onCancellationRequested(() => abort.abort());
          try {
            return await wait(abort.signal);
          } finally {
            sub.dispose();
          }
        },
      ),
    ),
  );
}
