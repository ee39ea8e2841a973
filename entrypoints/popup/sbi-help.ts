// The feedback lint and its example sentences, in every language the popup speaks: a fifth of
// the popup's code, loaded beside the form rather than before it.
export { sbiExamplesFor } from "@/lib/feedback/rules";
export { sbiLint } from "@/lib/feedback/sbi-lint";
