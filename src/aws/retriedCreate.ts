// The SDK retries a request whose answer never arrived (a dropped connection, a 5xx after the work was
// done). When the first attempt did reach AWS, the retry meets what that attempt made: a create answers
// ResourceInUse or SageMaker's ValidationException "already existing"/"duplicate", a start finds the instance
// already starting, an approval is already completed. Such a conflict is accepted as this call's own success
// only when it came after more than one attempt AND the resource is what this call asked for; a conflict on
// the first attempt is a real clash (a name someone else took) and is reported as AWS said it.

const CONFLICT_ERRORS = new Set(['ResourceInUse', 'ApprovalAlreadyCompletedException']);
/** SageMaker reports most "exists already" and wrong-state conflicts as ValidationException with these words. */
const CONFLICT_MESSAGES = /already exist|duplicate|Unable to transition to/i;

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { attempts?: number };
}

/** Did the SDK retry this request and the retry meet a resource or state that an earlier attempt may have made? */
export function retriedIntoConflict(error: unknown): boolean {
  const e = error as SdkError;
  if ((e?.$metadata?.attempts ?? 1) < 2) return false;
  return (
    CONFLICT_ERRORS.has(e.name ?? '') || (e.name === 'ValidationException' && CONFLICT_MESSAGES.test(e.message ?? ''))
  );
}

/**
 * Sends a create (or start, or decision) once from the user's point of view: if its retry met a conflict and
 * `madeByThisCall` finds the resource is the one asked for, the call succeeded (resolves `undefined`, as the
 * lost answer cannot be had); anything else is thrown as it came.
 */
export async function sendOnce<T>(
  send: () => Promise<T>,
  madeByThisCall: () => Promise<boolean>,
): Promise<T | undefined> {
  try {
    return await send();
  } catch (error) {
    if (retriedIntoConflict(error) && (await madeByThisCall().catch(() => false))) return undefined;
    throw error;
  }
}

/** How long after a create its resource still counts as "just made": the SDK's retries take seconds to minutes. */
const RECENT_MS = 10 * 60_000;

export function madeMomentsAgo(created: Date | undefined, now = Date.now()): boolean {
  return !!created && Math.abs(now - created.getTime()) < RECENT_MS;
}
