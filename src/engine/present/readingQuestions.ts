/**
 * The readings' questions (readings/readingQuestions.ts): a runtime entry for the UI beside
 * present/index.ts, because only the readings panel, loaded when it opens, shows them.
 */
export { READING_QUESTIONS } from "../readings/readingQuestions";
