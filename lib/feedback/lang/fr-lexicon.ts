/**
 * French words the feedback checks look for, written without accents (the text is folded
 * before matching). Adjectives are listed once, masculine singular, and inflected here.
 */

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Masculine and feminine, singular and plural of an adjective or a noun for people. */
export function inflect(lemma: string): string[] {
  const forms = [lemma];
  const add = (...more: string[]) => forms.push(...more);
  if (lemma.endsWith("eux")) add(`${lemma.slice(0, -1)}se`, `${lemma.slice(0, -1)}ses`);
  else if (lemma.endsWith("if")) add(`${lemma.slice(0, -1)}ve`, `${lemma}s`, `${lemma.slice(0, -1)}ves`);
  else if (lemma.endsWith("al")) add(`${lemma}e`, `${lemma}es`, `${lemma.slice(0, -1)}ux`);
  else if (lemma.endsWith("el")) add(`${lemma}le`, `${lemma}s`, `${lemma}les`);
  else if (lemma.endsWith("eur")) {
    // "râleur" gives "râleuse", "manipulateur" "manipulatrice": both are listed, one is unused.
    add(`${lemma.slice(0, -1)}se`, `${lemma}s`, `${lemma.slice(0, -1)}ses`);
    add(`${lemma.slice(0, -3)}rice`, `${lemma.slice(0, -3)}rices`);
  } else if (lemma.endsWith("ier")) add(`${lemma.slice(0, -2)}ere`, `${lemma}s`, `${lemma.slice(0, -2)}eres`);
  else if (lemma.endsWith("e")) add(`${lemma}s`);
  else add(`${lemma}e`, `${lemma}s`, `${lemma}es`);
  return forms;
}

/** `irregular`: feminines the rule does not make ("nulle", "sèche"). */
const inflected = (text: string, irregular = ""): ReadonlySet<string> =>
  new Set([...text.trim().split(/\s+/).flatMap(inflect), ...irregular.split(/\s+/).filter(Boolean)]);

/** Judgments of the person wherever they are said of them. */
export const STRONG_TRAITS = inflected(
  `
  paresseux faineant feignant flemmard neglige negligent arrogant egoiste incompetent impoli grossier
  meprisant condescendant desorganise irresponsable immature pueril agressif toxique insupportable
  desagreable bordelique susceptible hautain pretentieux tetu borne bute desinvolte demotive desengage
  negatif pessimiste raleur manipulateur malhonnete menteur irrespectueux distrait autoritaire colerique
  impulsif insolent incapable stupide idiot bete debile mesquin jaloux ingerable odieux antipathique
  nonchalant je-sais-tout je-m-en-foutiste tire-au-flanc passif-agressif irritable caracteriel lunatique
  brouillon laxiste inefficace incompetent nul bacle sournois hypocrite lache cassant intolerant rigide
  obtus feneant ingrat vaniteux imbu dedaigneux insouciant inconscient amateur
`,
  "jalouse jalouses nulle nulles",
);

/** Judgments only when said of the person: "tu es lent", not "le build est lent". */
export const CONTEXT_TRAITS = inflected(
  `
  lent difficile penible froid sec dur inutile emotif mou defensif brutal decevant
`,
  "seche seches molle molles",
);

/** Labels: nouns that sum the person up. */
export const TRAIT_NOUNS = set(`
  boulet gamin gamine diva tyran parasite rabat-joie faineant faineants flemmard flemmarde egoiste
  je-sais-tout je-m-en-foutiste tire-au-flanc incapable incapables amateur amatrice bouffon clown
  enfant gosse
`);

/** Adverbs that judge: "tu as négligemment poussé sur main". */
export const TRAIT_ADVERBS = set(`
  negligemment arrogamment paresseusement egoistement impoliment betement stupidement mechamment
  nonchalamment dedaigneusement
`);

/** Judgments that take several words. */
export const LABEL_PHRASES: readonly (readonly string[])[] = [
  ["probleme", "d", "attitude"],
  ["probleme", "de", "comportement"],
  ["mauvais", "esprit"],
  ["mauvaise", "attitude"],
  ["mauvaise", "volonte"],
  ["mauvaise", "foi"],
  ["tete", "en", "l", "air"],
  ["sur", "la", "defensive"],
  ["pas", "a", "la", "hauteur"],
  ["pas", "au", "niveau"],
  ["pas", "fait", "pour"],
  ["pas", "faite", "pour"],
  ["grande", "gueule"],
  ["poil", "dans", "la", "main"],
  ["je", "sais", "tout"],
  ["m", "en", "foutiste"],
  ["peu", "fiable"],
  ["pas", "fiable"],
  ["n", "importe", "comment"],
  ["ego", "surdimensionne"],
];

/** Qualities judged absent: "tu manques de rigueur", "aucune initiative". */
export const QUALITIES = set(`
  rigueur initiative motivation implication engagement professionnalisme serieux maturite respect empathie
  autonomie curiosite leadership organisation fiabilite concentration investissement volonte ambition
  jugement ecoute esprit sens tact patience politesse courtoisie humilite discipline soin confiance
  recul diplomatie
`);

/** What says a quality is missing. */
export const LACK_WORDS = set(`
  manque manques manquez manquait manquais manquiez manquaient aucun aucune zero peu
`);
export const LOW = set(`mauvais mauvaise faible piètre pietre zero aucun aucune`);

/** "toujours", "jamais": an absolute invites a debate about the exceptions. */
export const ABSOLUTES = set(`
  toujours jamais constamment systematiquement continuellement perpetuellement eternellement invariablement
  h24
`);
export const ABSOLUTE_PHRASES: readonly (readonly string[])[] = [
  ["tout", "le", "temps"],
  ["sans", "arret"],
  ["sans", "cesse"],
  ["a", "chaque", "fois"],
  ["chaque", "fois"],
  ["a", "tous", "les", "coups"],
  ["en", "permanence"],
  ["a", "longueur", "de", "journee"],
  ["comme", "d", "habitude"],
  ["comme", "toujours"],
];

/** Things that happen again and again: "chaque réunion", "tous les matins". */
export const OCCASIONS = set(`
  fois reunion reunions jour jours matin matins soir soirs semaine semaines standup standups stand-up
  stand-ups demo demos revue revues sprint sprints occasion occasions retro retros daily dailys appel
  appels call calls review reviews
`);

/** Guesses at intent, unless the feedback is praise: "exprès", "délibérément". */
export const INTENT_ADVERBS = set(`expres deliberement volontairement intentionnellement sciemment`);

/** Verbs of not caring after "s'en": "tu t'en fiches". */
export const NOT_CARING = set(`
  fiche fiches fichez fichait fichais fichiez fichaient fichu fous fout foutez foutait foutais foutiez
  moque moques moquez moquait moquais moquiez balance balances balancez balancait balancais tape tapes
  tapez tapait tapais contrefiche contrefiches
`);

/** "n'en a rien à faire" */
export const NOTHING_TO_DO = set(`faire cirer foutre battre carrer secouer`);

/** Present and imperfect verbs whose denial guesses at the mind: "tu ne t'intéresses pas". */
export const MIND_VERBS = set(`
  interesse interesses interessez interessait interessais interessiez interessent soucie soucies souciez
  souciait souciais souciiez preoccupe preoccupes preoccupez preoccupait preoccupais ecoute ecoutes
  ecoutez ecoutait ecoutais ecoutiez respecte respectes respectez respectait respectais respectiez
  comprends comprend comprenez comprenait comprenais investis investit investissez implique impliques
  impliquez veux veut voulez voulait voulais
`);

/** Verbs that announce an aim: "tu voulais", "tu cherches à", "pour". */
export const INTENT_LEADS = set(`
  veux veut voulez voulais voulait vouliez voulu cherches cherche cherchez cherchais cherchait cherchiez
  essaies essaie essayes essaye essayez essayais essayait essayiez tentes tente tentez tentais tentait
  tentiez pour visais visait
`);
/** Between the lead and the aim: "tu voulais juste me", "tu cherchais à nous". */
export const INTENT_SKIP = set(`
  a de d juste seulement surtout simplement clairement vraiment me m nous te t se s le la l les lui leur
  en faire
`);
/** Aims no one can see: "saboter", "te faire remarquer". */
export const INTENT_TARGETS = set(`
  saboter miner discrediter decredibiliser ridiculiser humilier rabaisser court-circuiter pieger
  manipuler punir blesser nuire briller remarquer mousser torpiller saborder devaloriser enfoncer
  embarrasser couler
`);

export const MIND_PHRASES: readonly (readonly string[])[] = [
  ["te", "crois"],
  ["te", "croyais"],
  ["t", "es", "cru"],
  ["se", "croit"],
  ["se", "croyait"],
  ["vous", "croyez", "au"],
  ["te", "prends", "pour"],
  ["te", "prenais", "pour"],
  ["se", "prend", "pour"],
  ["se", "prenait", "pour"],
  ["penses", "etre"],
  ["pense", "etre"],
  ["pensez", "etre"],
  ["crois", "etre"],
  ["croit", "etre"],
  ["croyez", "etre"],
  ["tirer", "la", "couverture"],
  ["tires", "la", "couverture"],
  ["tire", "la", "couverture"],
  ["te", "mettre", "en", "avant"],
  ["se", "mettre", "en", "avant"],
];

/** "visiblement pas": knowing what happened inside someone. */
export const KNOWING = set(`visiblement manifestement evidemment apparemment`);

/** Reported speech: the words after these are what was said, not the manager's judgment. */
export const SPEECH_VERBS = set(`
  dit dis disais disait ecrit ecris ecrivais repondu reponds declare annonce crie affirme raconte qualifie
  traite traites traitais traitait appele repete insinue commente lance parle evoque mentionne explique
  reconnu admis avoue
`);

/** Praise words that name no behavior; said of the person or of "it". */
export const PRAISE_TRAITS = inflected(`
  genial formidable incroyable super top parfait excellent remarquable impressionnant fantastique
  extraordinaire exceptionnel brillant magnifique impeccable nickel merveilleux epatant doue talentueux
  intelligent fort phenomenal extra geant
`);
/** Qualities that are praise when said and a judgment when denied: "pas fiable". */
export const PRAISE_CONTEXT_TRAITS = inflected(
  `
  fiable professionnel pro serieux rigoureux organise ponctuel autonome investi implique motive
  respectueux sympa agreable aimable poli patient gentil attentif
`,
  "gentille gentilles",
);
export const PRAISE_LABELS = set(`star crack perle pepite champion championne rockstar genie modele pro`);
export const PRAISE_PHRASES: readonly (readonly string[])[] = [
  ["bravo"],
  ["chapeau"],
  ["felicitations"],
  ["bien", "joue"],
  ["beau", "travail"],
  ["bon", "travail"],
  ["bon", "boulot"],
  ["beau", "boulot"],
  ["au", "top"],
  ["un", "as"],
  ["merci", "pour", "tout"],
  ["un", "plaisir", "de", "travailler"],
  ["leader", "ne"],
  ["leader", "nee"],
  ["au", "dela", "des", "attentes"],
];
/** Negated, these are a judgment: "pas un bon coéquipier", "aucun esprit d'équipe". */
export const PRAISE_LABEL_PHRASES: readonly (readonly string[])[] = [
  ["joueur", "d", "equipe"],
  ["bon", "coequipier"],
  ["bonne", "coequipiere"],
  ["esprit", "d", "equipe"],
  ["bon", "manager"],
  ["bonne", "manager"],
  ["bon", "collegue"],
  ["bonne", "collegue"],
];
/** "super travail", "travail remarquable". */
export const VERDICT_NOUNS = set(`travail boulot job taf taff prestation performance effort efforts`);
/** "tu as assuré": says it went well, not what they did. */
export const PRAISE_VERBS = set(`
  assure assures assurez gere geres gerez dechire dechires dechirez cartonne cartonnes cartonnez brille
  excelle excelles excellez epate bluffe
`);
/** After "tu as géré", these say how well, not what: "tu as géré comme un chef". */
export const PRAISE_VERB_TAILS = set(
  `comme grave vraiment totalement completement a au en pendant lors sur hier`,
);
