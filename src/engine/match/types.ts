/** What every matcher returns: whether the condition holds, and a sentence naming the values compared. */
export interface MatchOutcome {
  pass: boolean;
  detail: string;
}
