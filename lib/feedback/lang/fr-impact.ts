/**
 * Whether a French impact says what happened as a result and for whom. Two ways it falls
 * short: a verdict with nothing specific in it ("c'était pas top", "inacceptable"), or the
 * behavior said again in other words.
 */
import { type ImpactProblem, restates } from "../impact-lint";
import { CONTEXT_TRAITS, PRAISE_CONTEXT_TRAITS, PRAISE_TRAITS, STRONG_TRAITS } from "./fr-lexicon";
import { frStem, frWords } from "./fr-text";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

const FUNCTION_WORDS = set(`
  le la les l un une des du de d a au aux et ou mais donc or ni car en dans sur sous par pour avec sans vers
  chez que qu qui quoi dont ce c cet cette ces ca cela ceci y est etait ete etre avait as avais eu ont fait
  faire ne n pas plus tres si aussi tout toute tous toutes se s sa son ses comme quand lors tu te t toi vous
  votre vos ton ta tes vraiment assez plutot trop peu bien encore deja juste meme alors puis comment cote
  niveau genre sorte point vrai vraie fois
`);

/** Who it happened to. Saying so is what makes an impact land. */
const REFERENTS = set(`je j me m moi mon ma mes nous notre nos il elle ils elles leur leurs eux lui on`);

/** Verdicts and filler that say how it was, not what happened. */
const VERDICTS = set(`
  mal mauvais mauvaise bon bonne grave genant genante ok okay nul nulle inacceptable inadmissible
  inapproprie inappropriee deplace deplacee dommage regrettable probleme problemes problematique souci
  soucis limite moyen bof top super genial parfait excellent terrible horrible catastrophique catastrophe
  desastreux desastre ideal negatif negative positif positive impact impacts impacte effet effets
  consequence consequences important importante serieux enorme cool sympa frustrant frustrante decevant
  decevante agacant agacante enervant enervante penible embetant derangeant malvenu utile precieux apprecie
  appreciable reussi reussite echec fiasco situation chose choses truc tout rien quelque global globalement
  franchement honnetement clairement image signal message ton impression exemple precedent gros grosse
  grand grande petit petite ennui aide beaucoup mieux pire resultat resultats marque genre pareil normal
  correct acceptable dommageable prejudiciable regrettable facheux facheuse triste dingue fou folle
  complique difficile dur bien mauvais tout monde gens personne quelqu quelqu'un chacun impactant
  efficace inefficace productif improductif contre-productif desagreable agreable stressant blessant
  vexant humiliant gachis perte temps pose poser posait cree creer creait cause causer causait donne donner
  donnait eu avoir
`);

function isVerdict(w: string): boolean {
  return (
    VERDICTS.has(w) ||
    STRONG_TRAITS.has(w) ||
    CONTEXT_TRAITS.has(w) ||
    PRAISE_TRAITS.has(w) ||
    PRAISE_CONTEXT_TRAITS.has(w)
  );
}

function contentStems(text: string): string[] {
  return frWords(text)
    .words.filter((word) => !word.brk && !FUNCTION_WORDS.has(word.w) && !REFERENTS.has(word.w))
    .map((word) => frStem(word.w));
}

/** What, if anything, keeps this impact from saying what happened as a result. */
export function frenchImpactProblem(impact: string, behavior: string): ImpactProblem | undefined {
  const ws = frWords(impact).words.filter((word) => !word.brk);
  // A name says for whom: "Priya a dû tout refaire".
  const specific = ws.some(
    (word) => REFERENTS.has(word.w) || word.cap || !(FUNCTION_WORDS.has(word.w) || isVerdict(word.w)),
  );
  if (!specific) return "impact-vague";
  return restates(contentStems(impact), contentStems(behavior)) ? "impact-restates" : undefined;
}
