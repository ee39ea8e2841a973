/**
 * Whether a French request asks for something one can do: a verb of action ("garde tes
 * questions pour la fin", "envoie le compte-rendu avant midi"), not a wish ("plus de rigueur")
 * or a call to be better ("sois plus rigoureux", "améliore-toi", "fais mieux").
 */
import type { RequestProblem } from "../request-lint";
import {
  CONTEXT_TRAITS,
  PRAISE_CONTEXT_TRAITS,
  PRAISE_LABEL_PHRASES,
  PRAISE_TRAITS,
  STRONG_TRAITS,
} from "./fr-lexicon";
import { type FrWord, frWords } from "./fr-text";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Words that carry no action or thing by themselves. */
const FILLER = set(`
  le la les l un une des du de d a au aux et ou mais donc en dans sur pour avec par ce cet cette ces ca cela
  que qu qui se s te t me m moi toi nous vous tu je j y il elle on ne n pas plus moins tres trop si aussi bien
  mieux peu beaucoup davantage encore toujours jamais juste stp svp merci plait prochaine prochaines fois
  avenir desormais dorenavant maintenant partir essaie essaye essayez essayer pense pensez penser tache
  tachez tacher peux pouvez pourrais pourriez pourras pourrez dois devez devrais devriez faut faudrait
  hesite hesitez veille veillez ton ta tes votre vos mon ma mes son sa ses leur leurs tout toute tous
  toutes chose choses truc trucs ok d'accord quelque comme ça vraiment un peu faire fais faites etre
  sois soyez avoir aies ayez rester reste restez
`);

/** Asks for progress without saying what. */
const VAGUE_VERBS = set(`
  ameliorer ameliore ameliorez progresser progresse progressez evoluer evolue evoluez ressaisir ressaisis
  ressaisissez investir investis investissez motiver motive motivez bouger bouge bougez efforcer efforce
  efforcez
`);
/** After "fais"/"faire": "fais mieux", "fais attention", "fais des efforts". */
const VAGUE_AFTER_DO = set(`mieux plus attention effort efforts gaffe meilleur maximum max`);
/** "fais mieux", "donne le meilleur de toi-même" */
const DO_LIKE = set(`fais faites faire donne donnez donner`);
/** Verbs that say to be, not to do: "sois plus attentif". */
const BE_VERBS = set(`etre sois soyez devenir deviens devenez rester reste restez`);
/** Soft verbs: an action only with a thing to act on. */
const SOFT_VERBS = set(`
  communiquer communique communiquez collaborer collabore collaborez participer participe participez
  travailler travaille travaillez bosser bosse bossez reflechir reflechis reflechissez gerer gere gerez
  organiser organise organisez
`);
/** Keep going, after praise. */
const KEEP_GOING = set(`continue continuez continuer garde gardez`);

/** Imperatives that are also nouns or common words, known to be verbs at the head of a request. */
const IMPERATIVES = set(`
  garde envoie previens fais mets prends note ajoute partage attends pose demande relis verifie ecris dis
  reponds continue arrete evite commence pense essaie propose prepare planifie documente redige bloque
  reserve annonce lance termine finis laisse parle appelle ecoute coupe limite presente donne montre
  explique signale informe mentionne publie poste teste valide relance participe arrive rejoins viens
  fixe definis choisis delegue resume ferme ouvre copie clarifie precise priorise tiens respecte utilise
  consulte contacte inclus invite organise anime rends reprends recadre synthetise supprime corrige
  alerte remonte echange discute decris lis lis fais merge pousse deploie livre corrige relis enregistre
  remercie felicite souligne referme range attribue assigne accorde demande interviens interromps
`);

/** Before these, the next word is in a verb's place. */
const VERB_LEADS = set(`
  tu vous de d a pour ne n te t se s me m nous peux pouvez pourrais pourriez pourras pourrez dois devez
  devrais devriez faut faudrait essaie essaye essayez pense pensez continue continuez merci stp svp sans
  avant apres hesite hesitez veille veillez tache tachez pourrait pourrions devrait devrions peut va vas
  allons allez
`);

/** Amounts, times and deadlines make even a soft request checkable. */
const MEASURES = set(`
  avant apres ici jusqu chaque quotidien quotidienne hebdo hebdomadaire minutes minute heures heure jours
  jour semaine semaines lundi mardi mercredi jeudi vendredi demain debut fin midi soir matin premier
  premiere fois systematiquement dorenavant immediatement tot
`);
const COMPARATIVES = set(`plus moins mieux davantage meilleur meilleure meilleurs meilleures pire`);

const INFINITIVE = /(?:er|ir|re|oir)$/;
const NOT_INFINITIVES = set(`
  hier mer leur pour sur soir espoir plusieurs dernier premier entier cher fier ailleurs meilleur couloir
  jour retour tour plaisir avenir loisir desir libre autre notre votre entre contre titre lettre centre
  ordre membre nombre semestre trimestre cadre maitre propre pauvre quatre chiffre genre calendrier
  dossier fichier papier clavier chantier metier cahier courrier janvier fevrier premiere derniere heure
  heur interieur exterieur superieur inferieur erreur valeur couleur humeur peur leurs chaleur sieur
  monsieur air noir pouvoir devoir savoir vouloir voir avoir matiere arriere derriere manager leader
  oir soir miroir tiroir comptoir trottoir
`);

function isTrait(w: string): boolean {
  return (
    STRONG_TRAITS.has(w) ||
    CONTEXT_TRAITS.has(w) ||
    PRAISE_TRAITS.has(w) ||
    PRAISE_CONTEXT_TRAITS.has(w) ||
    COMPARATIVES.has(w)
  );
}

function inVerbPlace(ws: readonly FrWord[], i: number): boolean {
  const prev = ws[i - 1];
  return !prev || prev.brk || VERB_LEADS.has(prev.w);
}

/** Whether the word at `i` is a verb where a verb goes: an infinitive, an imperative, "-ez". */
function verbAt(ws: readonly FrWord[], i: number): boolean {
  const w = ws[i]?.w ?? "";
  if (w.length < 3 || !inVerbPlace(ws, i)) return false;
  if (IMPERATIVES.has(w) || VAGUE_VERBS.has(w) || SOFT_VERBS.has(w) || BE_VERBS.has(w)) return true;
  if (KEEP_GOING.has(w) || w === "fais" || w === "faites" || w === "faire") return true;
  if (w.length > 3 && w.endsWith("ez")) return true;
  // "que tu prépares l'ordre du jour": after "tu", a word in -s is the verb
  if (ws[i - 1]?.w === "tu" && w.length > 3 && w.endsWith("s")) return true;
  return INFINITIVE.test(w) && !NOT_INFINITIVES.has(w);
}

/** "fais mieux", "fais des efforts", "fais-en plus", "donne le maximum"; not "fais plus de tests". */
function vagueAfterDo(ws: readonly FrWord[], verb: number): boolean {
  let k = verb + 1;
  while (k < verb + 3 && /^(?:des|un|une|du|de|d|en|le|ton|votre|vraiment|beaucoup)$/.test(ws[k]?.w ?? ""))
    k++;
  const tail = ws[k]?.w ?? "";
  if (tail !== "plus") return VAGUE_AFTER_DO.has(tail);
  const after = ws[k + 1];
  return !after || after.brk || after.w === "attention" || after.w === "d" || after.w === "gaffe";
}

function labelAt(ws: readonly FrWord[], k: number): boolean {
  return PRAISE_LABEL_PHRASES.some((phrase) => phrase.every((part, n) => ws[k + n]?.w === part));
}

/** "sois (un peu) plus rigoureux", "deviens un bon coéquipier" */
function traitFollows(ws: readonly FrWord[], verb: number): boolean {
  let k = verb + 1;
  while (k < verb + 4 && FILLER.has(ws[k]?.w ?? "") && !isTrait(ws[k]?.w ?? "")) k++;
  const quality = ws[k]?.w ?? "";
  return isTrait(quality) || labelAt(ws, k) || (COMPARATIVES.has(ws[k - 1]?.w ?? "") && quality !== "");
}

/** What, if anything, keeps this request from being something one can do. */
export function frenchRequestProblem(request: string, reinforcing = false): RequestProblem | undefined {
  const ws = frWords(request).words;
  let hasVerb = false;
  let concreteVerb = false;
  let vague = false;
  let measurable = false;
  let concreteWords = 0;
  let things = 0;
  let comparative = false;
  let keepGoing = false;
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk) continue;
    const w = word.w;
    if (/\d/.test(w) || w.startsWith("#") || w.startsWith("@") || MEASURES.has(w)) measurable = true;
    if (COMPARATIVES.has(w)) comparative = true;
    const verb = verbAt(ws, i);
    let weak = false;
    if (verb) {
      hasVerb = true;
      if (KEEP_GOING.has(w)) keepGoing = true;
      const next = ws[i + 1]?.w ?? "";
      const doMore = DO_LIKE.has(w) && vagueAfterDo(ws, i);
      // "reprends-toi", "implique-toi davantage": turned on oneself, these ask for effort, not an act
      const onSelf = next === "toi" || next === "vous";
      const onSelfVague = onSelf && /^(?:repren|remet|implique|concentre)/.test(w);
      if (VAGUE_VERBS.has(w) || onSelfVague || doMore) vague = true;
      else if (BE_VERBS.has(w)) {
        if (traitFollows(ws, i)) vague = true;
      } else if (!SOFT_VERBS.has(w) && !FILLER.has(w) && !KEEP_GOING.has(w)) concreteVerb = true;
      weak = VAGUE_VERBS.has(w) || SOFT_VERBS.has(w) || FILLER.has(w) || doMore || onSelfVague;
    }
    const manner = w.length > 6 && w.endsWith("ment");
    if (!FILLER.has(w) && !isTrait(w) && !manner && !weak && !KEEP_GOING.has(w)) {
      concreteWords++;
      if (!verb) things++;
    }
  }
  if (!hasVerb) return "no-action";
  if (vague && !concreteVerb && !measurable) return "vague";
  // After praise, "continue comme ça" points back at a behavior that was just described.
  if (concreteWords === 0 && !(reinforcing && keepGoing)) return "vague";
  // "délègue plus", "parle moins": an action, but no way to tell when it is enough
  if (things === 0 && comparative && !measurable) return "vague";
  return undefined;
}
