// What a failed Web API call says: Slack's error code (missing_scope, not_in_channel …) when it
// gives one, for deciding what to do and for one-line logs.

export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export function describeError(error: unknown): string {
  return slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** Errors that mean Slack will not accept a token again (auth.test, apps.connections.open …). */
export const REFUSED_TOKEN_ERRORS: ReadonlySet<string> = new Set([
  'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type',
]);
