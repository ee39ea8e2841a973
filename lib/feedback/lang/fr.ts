import type { SbiMessages, SbiRules } from "../rules";
import type { SbiDraft, SbiValence } from "../sbi";
import { frenchCharacterHits } from "./fr-behavior";
import { frenchImpactProblem } from "./fr-impact";
import { frenchRequestProblem } from "./fr-request";
import { frenchSituationAnchored } from "./fr-situation";

// French typography: guillemets with narrow no-break spaces inside, a no-break space before ":".
const q = (text: string) => `«\u202F${text}\u202F»`;
const colon = "\u00A0:";

/** The lint hands over the words in English quotes; French readers expect guillemets. */
function guillemets(quoted: string): string {
  const inner = quoted.replace(/^\u201C/, "").replace(/\u201D$/, "");
  return q(inner);
}

const frenchMessages: SbiMessages = {
  situationMissing: `Précisez quand et où cela s'est passé, par exemple ${q("lors de la revue de design d'hier")}. Cela aide la personne à se rappeler le moment.`,
  situationNoAnchor: `Rattachez-la à un moment précis${colon} ajoutez quand ou où, par exemple ${q("lors de la revue de design d'hier")} ou ${q("pendant le point de mardi")}.`,
  behaviorMissing: `Décrivez ce que la personne a fait, comme une caméra l'aurait filmé, par exemple ${q("vous avez interrompu la designer trois fois")}.`,
  behavior: {
    trait: (m) =>
      `Parlez de ce que la personne a fait, pas de ce qu'elle est${colon} ${guillemets(m)} la résume tout entière. Dites plutôt ce que vous avez vu, par exemple ${q("vous m'avez coupé deux fois")} au lieu de ${q("vous êtes impoli")}.`,
    mind: (m) =>
      `${guillemets(m)} devine ce que la personne pense ou veut. Tenez-vous-en à ce que vous avez vu ou entendu, par exemple ${q("vous n'avez pas répondu aux deux demandes de relecture")}.`,
    absolute: (m) =>
      `${guillemets(m)} invite à débattre des exceptions. Décrivez plutôt une fois précise, par exemple ${q("mardi, vous êtes arrivé au point avec dix minutes de retard")}.`,
    praise: (m) =>
      `${guillemets(m)} fait plaisir, mais ne dit pas quoi refaire. Nommez ce que la personne a fait, par exemple ${q("vous avez guidé la nouvelle recrue pas à pas dans le déploiement")}.`,
  },
  impactExample: {
    reinforcing: q("le support a pu répondre aux clients sans détourner les ingénieurs du correctif"),
    redirecting: q("il a été plus difficile de comprendre ses choix"),
  },
  impactMissing: (example) =>
    `Dites ce que cela a entraîné, et pour qui, par exemple ${example}. C'est l'impact qui donne du poids au retour.`,
  impactVague: (example) =>
    `Dites ce qui a changé concrètement, et pour qui, par exemple ${example}. Un verdict comme ${q("ce n'était pas top")} laisse la personne deviner.`,
  impactRestates: (example) =>
    `Cela reprend surtout le comportement. Dites ce qui s'est passé ensuite, par exemple ${example}.`,
  requestExample: {
    reinforcing: q("Ajoutez ce modèle de point d'étape au guide d'astreinte."),
    redirecting: q("Lors des prochaines revues, gardez vos questions pour la fin."),
  },
  requestMissing: {
    reinforcing: (example) =>
      `Facultatif${colon} dites ce qu'il faut continuer ou sur quoi s'appuyer, par exemple ${example}`,
    redirecting: (example) =>
      `Facultatif${colon} proposez une chose à essayer la prochaine fois, par exemple ${example}`,
  },
  requestNoAction: (example) =>
    `Formulez-la comme une action, en commençant par le verbe, par exemple ${example}`,
  requestVague: (example) =>
    `Demandez une seule chose faisable, pour que vous sachiez tous les deux quand elle a eu lieu, par exemple ${example}`,
};

/**
 * Placeholders for the capture form. The redirecting set is the method's own example; the
 * reinforcing set shows that praise needs the same specifics.
 */
const frenchExamples: Readonly<Record<SbiValence, Readonly<SbiDraft>>> = {
  redirecting: {
    situation: "Lors de la revue de design d'hier…",
    behavior: "…vous avez interrompu la designer à plusieurs reprises…",
    impact: "…il a été plus difficile de comprendre ses choix.",
    request: "Lors des prochaines revues, gardez vos questions pour la fin.",
    valence: "redirecting",
  },
  reinforcing: {
    situation: "Pendant l'appel de crise de mardi…",
    behavior: "…vous avez publié un point d'étape dans #incident toutes les 15 minutes…",
    impact: "…le support a pu répondre aux clients sans détourner les ingénieurs du correctif.",
    request: "Ajoutez ce modèle de point d'étape au guide d'astreinte.",
    valence: "reinforcing",
  },
};

export const frenchSbiRules: SbiRules = {
  situationAnchored: frenchSituationAnchored,
  characterHits: frenchCharacterHits,
  impactProblem: frenchImpactProblem,
  requestProblem: frenchRequestProblem,
  messages: frenchMessages,
  examples: frenchExamples,
};
