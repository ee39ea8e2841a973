import type { SbiRules } from "../rules";
import { englishSbiRules } from "./en";

/** Placeholder until this language has rules of its own: English reading and messages. */
export const spanishSbiRules: SbiRules = englishSbiRules;
