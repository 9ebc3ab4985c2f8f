/** The feedback form's questions and scale (shared by the page and the server). */
export const FEEDBACK_SCALE = [1, 2, 3, 4, 5] as const;
export const FEEDBACK_QUESTIONS = ["liked", "learned", "clear"] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];
export const COMMENT_MAX = 1000;
