/**
 * Whether a French situation is anchored to one moment: a time ("hier", "mardi", "le 3 nov.",
 * "la semaine dernière"), a place ("dans la cuisine", "chez Acme") or one event ("pendant la
 * démo", "lors du point d'équipe", "quand tu as présenté la roadmap"). Habits ("en réunion",
 * "pendant les démos", "souvent") are not moments.
 */
import { type FrWord, frWords } from "./fr-text";

const set = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Words that pin down a moment on their own. */
const TIMES = set(`
  hier aujourd'hui aujourdhui avant-hier lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier
  avril juin juillet aout septembre octobre novembre decembre janv fevr juil oct nov dec midi minuit tantot
`);
// Also ordinary words ("sept personnes", "la planète Mars"): a date only next to a number or a lead.
const AMBIGUOUS_TIMES = set(`mars mai sept`);
const DATE_LEADS = set(`le en debut fin mi depuis`);
const PLURAL_TIMES = set(`
  lundis mardis mercredis jeudis vendredis samedis dimanches matins soirs apres-midis week-ends weekends
`);
const RELATIVE = set(`ce cet cette`);
const PERIODS = set(`
  matin apres-midi aprem soir soiree nuit semaine week-end weekend mois trimestre annee an sprint jour
  journee heure semestre iteration release cycle midi
`);
const LAST = set(`dernier derniere derniers dernieres passe passee precedent precedente`);
const COUNTS = set(`deux trois quatre cinq six quelques un une`);

/** Things that happen once: meetings, incidents, launches. */
const EVENTS = set(`
  reunion revue review standup stand-up daily demo demonstration appel call visio visioconference point retro
  retrospective planning planification sprint atelier workshop presentation entretien lancement deploiement
  mep livraison release incident panne crise post-mortem postmortem kick-off kickoff seminaire offsite seance
  session formation dejeuner diner petit-dejeuner pot afterwork conversation discussion echange 1:1 1-1
  one-on-one tete-a-tete comite copil codir conference salon soutenance sync synchro brainstorming
  onboarding migration escalade astreinte permanence grooming refinement triage debrief debriefing audit
  hackathon pitch webinaire webinar entrevue rdv rendez-vous repas fete voyage visite deplacement meeting
  all-hands pleniere assemblee interview recette bilan cloture showcase telephone
`);
/** Things written somewhere that can be pointed at. */
const ARTIFACTS = set(`
  pr mr commit doc document mail email e-mail courriel message fil canal channel slack teams ticket bug jira
  spec specs specification rfc proposition deck slides diapos rapport compte-rendu cr wiki dashboard
  tableau maquette prototype roadmap feuille fichier note invitation enregistrement video newsletter
  annonce resume notebook confluence notion figma github gitlab zoom branche depot repo commentaire
  sondage contrat devis
`);
/** Places. */
const PLACES = set(`
  bureau salle cuisine couloir accueil open-space openspace plateau etage batiment site locaux cafeteria
  cantine ascenseur entrepot magasin boutique siege campus stand scene hotel aeroport restaurant bar voiture
  hall auditorium usine agence chantier train terrasse parking cafe machine
`);

/** Words that turn a reference into a habit: "souvent en revue", "à chaque réunion". */
const GENERIC = set(`
  souvent toujours parfois generalement habituellement regulierement frequemment constamment
  systematiquement chaque tous toutes plusieurs certaines certains dernierement habitude
`);
/** Before an event word, these make it several or any: "les réunions", "des démos". */
const NOT_ONE = set(`les des ces aux en chaque tous toutes plusieurs quelques`);
const CLAUSE_OPENERS = set(`quand lorsque lorsqu moment`);
const PAST_AUX = set(`as a avez avons ont avais avait aviez avaient etais etait etiez etaient`);
// "quand tu es arrivé": "être" is past only with these.
const BE_AUX = set(`es est etes sommes sont`);
const MOTION = /^(?:arriv|part|venu|entr|sorti|pass|rest|intervenu|mont|descendu|revenu|tomb)/;
const PLACE_PREPOSITIONS = set(`a chez sur au`);
const DURING = set(`pendant durant lors`);

const DATE_LIKE =
  /^(?:\d{1,4}[./:-]\d{1,4}(?:[./:-]\d{1,4})?|\d{1,2}(?:er|e|eme)|\d{1,2}h(?:\d{2})?|(?:19|20)\d{2}|[qt][1-4]|s\d{1,2}|[a-z]{2,10}-\d+|v\d+(?:\.\d+)*)$/;

function at(ws: readonly FrWord[], i: number): string {
  return ws[i]?.w ?? "";
}

/** A reference to one moment that stands on its own, such as a date or "la semaine dernière". */
function isTimeAnchor(ws: readonly FrWord[], i: number): boolean {
  const w = at(ws, i);
  const next = at(ws, i + 1);
  const prev = at(ws, i - 1);
  if (ws[i]?.brk || PLURAL_TIMES.has(w)) return false;
  if (TIMES.has(w) || (!EVENTS.has(w) && DATE_LIKE.test(w))) return true;
  if (w.startsWith("#") && w.length > 1) return true;
  if (AMBIGUOUS_TIMES.has(w) && (/^\d/.test(next) || /^\d/.test(prev) || DATE_LEADS.has(prev))) return true;
  // "ce matin", "cette semaine", "ce sprint"
  if (RELATIVE.has(w) && (PERIODS.has(next) || EVENTS.has(next))) return true;
  // "la semaine dernière", "le sprint précédent", "la dernière rétro", "les deux derniers points"
  if (LAST.has(w) && (PERIODS.has(prev) || EVENTS.has(prev) || PERIODS.has(next) || EVENTS.has(next)))
    return true;
  if (LAST.has(w) && (COUNTS.has(prev) || /^\d+$/.test(prev))) return true;
  // "l'autre jour", "tout à l'heure", "à l'instant"
  if (w === "autre" && next === "jour") return true;
  if ((w === "heure" || w === "instant") && prev === "l" && at(ws, i - 2) === "a") return true;
  // "il y a deux jours"
  if (w === "y" && prev === "il" && next === "a") {
    const count = at(ws, i + 2);
    return (COUNTS.has(count) || /^\d+$/.test(count)) && at(ws, i + 3) !== "";
  }
  // "PR 482", "sprint 14", "ticket #12"
  if ((ARTIFACTS.has(w) || EVENTS.has(w)) && /^#?\d/.test(next)) return true;
  return false;
}

/** A reference to one meeting, artifact or place, which a habit word can undo. */
function isEventAnchor(ws: readonly FrWord[], i: number): boolean {
  const word = ws[i];
  if (!word || word.brk) return false;
  const w = word.w;
  const prev = at(ws, i - 1);
  if (EVENTS.has(w) || ARTIFACTS.has(w) || PLACES.has(w)) return !NOT_ONE.has(prev);
  // "mise en prod"
  if (w === "mise" && at(ws, i + 1) === "en") return !NOT_ONE.has(prev);
  // "devant le client", "devant toute l'équipe": witnesses make it one occasion
  if (w === "devant") return at(ws, i + 1) !== "" && !ws[i + 1]?.brk;
  if (DURING.has(w)) {
    // "pendant les démos": several occasions, not one
    const k = at(ws, i + 1) === "de" || at(ws, i + 1) === "d" ? i + 2 : i + 1;
    const det = at(ws, k);
    return det !== "" && !ws[k]?.brk && !NOT_ONE.has(det) && !GENERIC.has(det);
  }
  if (CLAUSE_OPENERS.has(w)) {
    // "quand tu as présenté la roadmap", not "quand tu présentes"
    for (let k = i + 1; k <= i + 4; k++) {
      const later = at(ws, k);
      if (PAST_AUX.has(later)) return true;
      if (BE_AUX.has(later) && MOTION.test(at(ws, k + 1))) return true;
    }
  }
  // "à Berlin", "chez Acme", "sur Atlas": a name after a preposition is a place or a project.
  return PLACE_PREPOSITIONS.has(prev) && word.cap;
}

/** Whether the words name a particular time: "ce sprint", "hier", "le 3 nov.". */
export function frNamesTime(ws: readonly FrWord[]): boolean {
  for (let i = 0; i < ws.length; i++) if (isTimeAnchor(ws, i)) return true;
  return false;
}

/** Whether the situation says when or where it happened. */
export function frenchSituationAnchored(text: string): boolean {
  const ws = frWords(text).words;
  let weak = false;
  let generic = false;
  for (let i = 0; i < ws.length; i++) {
    if (isTimeAnchor(ws, i)) return true;
    if (GENERIC.has(at(ws, i))) generic = true;
    if (!weak && isEventAnchor(ws, i)) weak = true;
  }
  return weak && !generic;
}
