/** A command line mistake: the message is shown with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}
