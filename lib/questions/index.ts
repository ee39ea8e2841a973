export {
  type BankQuestionId,
  purposeLabels,
  purposeLabelsIn,
  type Question,
  type QuestionPurpose,
  type QuestionTexts,
  questionBank,
  questionBankFor,
  questionPurposes,
} from "./bank";
export { type QuestionLintCode, type QuestionLintResult, questionLint } from "./lint";
export {
  type AskedQuestion,
  type MeetingRef,
  type QuestionInput,
  ROTATION_MEETINGS,
  type SuggestQuestionsInput,
  suggestQuestions,
  toQuestions,
} from "./suggest";
