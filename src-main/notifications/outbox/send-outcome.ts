/** The result of one delivery attempt, as the delivery log records it. */
export interface SendOutcome {
  isOk: boolean;
  /** The server's answer or the error, in words a person can act on. */
  detail: string;
  /** Retrying cannot help (recipient refused, subscription removed): dead-letter now. */
  isPermanent?: boolean;
}

export const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));
