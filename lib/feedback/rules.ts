import type { Language } from "@/lib/settings";
import type { CharacterHit, CharacterKind } from "./behavior-lint";
import type { ImpactProblem } from "./impact-lint";
import { germanSbiRules } from "./lang/de";
import { englishSbiRules } from "./lang/en";
import { spanishSbiRules } from "./lang/es";
import { frenchSbiRules } from "./lang/fr";
import type { RequestProblem } from "./request-lint";
import type { SbiDraft, SbiValence } from "./sbi";

/**
 * What one language needs for the checks: how to read a draft written in it, and what to say.
 * The order and severity of findings are the same in every language; only these differ.
 */
export interface SbiRules {
  situationAnchored(text: string): boolean;
  characterHits(text: string, reinforcing: boolean): CharacterHit[];
  impactProblem(impact: string, behavior: string): ImpactProblem | undefined;
  requestProblem(request: string, reinforcing: boolean): RequestProblem | undefined;
  messages: SbiMessages;
  /** the capture form's placeholders: the method's example, and praise with the same specifics */
  examples: Readonly<Record<SbiValence, Readonly<SbiDraft>>>;
}

/** `example` is the language's sample for the draft's valence, already in quotes. */
export interface SbiMessages {
  situationMissing: string;
  situationNoAnchor: string;
  behaviorMissing: string;
  /** `words` is what prompted the finding, already quoted and shortened */
  behavior: Readonly<Record<CharacterKind, (words: string) => string>>;
  impactExample: Readonly<Record<SbiValence, string>>;
  impactMissing(example: string): string;
  impactVague(example: string): string;
  impactRestates(example: string): string;
  requestExample: Readonly<Record<SbiValence, string>>;
  requestMissing: Readonly<Record<SbiValence, (example: string) => string>>;
  requestNoAction(example: string): string;
  requestVague(example: string): string;
}

/** The checks for a draft written in `language`. */
export function sbiRulesFor(language: Language): SbiRules {
  switch (language) {
    case "de":
      return germanSbiRules;
    case "fr":
      return frenchSbiRules;
    case "es":
      return spanishSbiRules;
    default:
      return englishSbiRules;
  }
}

/** The capture form's placeholders in `language`. */
export function sbiExamplesFor(language: Language): Readonly<Record<SbiValence, Readonly<SbiDraft>>> {
  return sbiRulesFor(language).examples;
}
