export { type SbiMessages, type SbiRules, sbiExamplesFor, sbiRulesFor } from "./rules";
export {
  isSbiComplete,
  normalizeSbi,
  type SbiDraft,
  type SbiField,
  type SbiValence,
  sbiExamples,
  sbiFields,
} from "./sbi";
export { type SbiFinding, type SbiFindingCode, type SbiSeverity, sbiLint } from "./sbi-lint";
export { SBI_FIELD_MAX_CHARS } from "./text";
export { isPastForm, verbBase } from "./verbs";
