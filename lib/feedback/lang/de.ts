import type { SbiMessages, SbiRules } from "../rules";
import { germanCharacterHits } from "./de-behavior";
import { germanImpactProblem } from "./de-impact";
import { germanRequestProblem } from "./de-request";
import { germanSituationAnchored } from "./de-situation";

// The shared finding quotes the words as “…”; German quotes them „…“.
const de = (quoted: string) => quoted.replace(/^“/, "„").replace(/”$/, "“");

const germanMessages: SbiMessages = {
  situationMissing:
    "Sagen Sie, wann und wo es war, z. B. „im gestrigen Design-Review“. So erinnert sich Ihr Gegenüber an den Moment.",
  situationNoAnchor:
    "Machen Sie es an einem Moment fest: wann oder wo, z. B. „im gestrigen Design-Review“ oder „im Standup am Dienstag“.",
  behaviorMissing:
    "Beschreiben Sie, was die Person getan hat, so wie eine Kamera es aufgenommen hätte, z. B. „Sie haben die Designerin dreimal unterbrochen“.",
  behavior: {
    trait: (m) =>
      `${de(m)} beschreibt die Person, nicht ihr Handeln. Sagen Sie, was Sie gesehen haben, z. B. „Sie haben zweimal unterbrochen“ statt „Sie sind unhöflich“.`,
    mind: (m) =>
      `${de(m)} ist eine Vermutung über Absichten oder Gedanken. Bleiben Sie bei dem, was Sie gesehen oder gehört haben, z. B. „Sie haben auf die zwei Review-Anfragen nicht geantwortet“.`,
    absolute: (m) =>
      `${de(m)} lädt zur Diskussion über die Ausnahmen ein. Nennen Sie lieber ein konkretes Mal, z. B. „am Dienstag sind Sie zehn Minuten zu spät ins Standup gekommen“.`,
    praise: (m) =>
      `${de(m)} ist freundlich, sagt aber nicht, was sich wiederholen lohnt. Nennen Sie, was die Person getan hat, z. B. „Sie haben die neue Kollegin Schritt für Schritt durchs Deployment geführt“.`,
  },
  impactExample: {
    reinforcing: "„der Support konnte Kunden antworten, ohne Entwickler von der Fehlerbehebung abzuziehen“",
    redirecting: "„dadurch war ihre Begründung schwerer nachzuvollziehen“",
  },
  impactMissing: (example) =>
    `Sagen Sie, was daraus folgte und für wen, z. B. ${example}. Erst die Wirkung macht Feedback greifbar.`,
  impactVague: (example) =>
    `Sagen Sie, was sich konkret verändert hat und für wen, z. B. ${example}. Ein Urteil wie „das war schlecht“ lässt Ihr Gegenüber raten.`,
  impactRestates: (example) =>
    `Das wiederholt vor allem das Verhalten. Sagen Sie, was daraus folgte, z. B. ${example}.`,
  requestExample: {
    reinforcing: "„Nehmen Sie diese Update-Vorlage ins On-Call-Runbook auf.“",
    redirecting: "„Halten Sie Fragen in künftigen Reviews bis zum Schluss zurück.“",
  },
  requestMissing: {
    reinforcing: (example) =>
      `Optional: Sagen Sie, was beibehalten oder ausgebaut werden soll, z. B. ${example}`,
    redirecting: (example) => `Optional: Schlagen Sie eine Sache fürs nächste Mal vor, z. B. ${example}`,
  },
  requestNoAction: (example) =>
    `Formulieren Sie es als etwas, das man tun kann, mit dem Verb vorneweg, z. B. ${example}`,
  requestVague: (example) =>
    `Bitten Sie um eine konkrete Sache, damit Sie beide merken, wenn sie passiert ist, z. B. ${example}`,
};

export const germanSbiRules: SbiRules = {
  situationAnchored: germanSituationAnchored,
  characterHits: germanCharacterHits,
  impactProblem: germanImpactProblem,
  requestProblem: germanRequestProblem,
  messages: germanMessages,
  examples: {
    redirecting: {
      situation: "Im gestrigen Design-Review …",
      behavior: "… haben Sie die Designerin mehrmals unterbrochen …",
      impact: "… dadurch war ihre Begründung schwerer nachzuvollziehen.",
      request: "Halten Sie Fragen in künftigen Reviews bis zum Schluss zurück.",
      valence: "redirecting",
    },
    reinforcing: {
      situation: "Während des Ausfall-Calls am Dienstag …",
      behavior: "… haben Sie alle 15 Minuten ein Status-Update in #incident gepostet …",
      impact: "… der Support konnte Kunden antworten, ohne Entwickler von der Fehlerbehebung abzuziehen.",
      request: "Nehmen Sie diese Update-Vorlage ins On-Call-Runbook auf.",
      valence: "reinforcing",
    },
  },
};
