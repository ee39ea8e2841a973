/**
 * Whether a German request is something the person can go and do. "Halten Sie Fragen bis zum
 * Schluss zurück" is; "Sei besser", "mehr Eigeninitiative", "an der Kommunikation arbeiten" are
 * not: they name a wish, so the person has to guess what would count.
 *
 * German puts the verb first (imperative: "Schick", "Schicken Sie") or last (infinitive notes:
 * "Fragen sammeln", modals: "du solltest … vorbereiten"), so both places are looked at.
 */
import type { RequestProblem } from "../request-lint";
import { DE_FUNCTION_WORDS } from "./de-impact";
import {
  DE_CONTEXT_TRAITS,
  DE_PRAISE_LABELS,
  DE_PRAISE_TRAITS,
  DE_QUALITIES,
  DE_STRONG_LABELS,
  DE_STRONG_TRAITS,
} from "./de-lexicon";
import { type DeWord, deWords, foldedSet, inflectedIn } from "./de-text";

/** Asking for improvement without saying what it looks like. */
const VAGUE_VERBS = foldedSet(`
  verbessern verbessere verbesserst verbessert bessern bessere anstrengen strenge streng steigern steigere
  zusammenreißen reiß reiße weiterentwickeln entwickle entwickeln wachsen wachse reinhängen häng hänge
  optimieren optimiere
`);
/** Fine with a concrete object, vague alone: "arbeite an X", "achte auf X". */
const SOFT_VERBS = foldedSet(`
  arbeiten arbeite arbeitest konzentrieren konzentriere konzentrierst achten achte achtest kümmern kümmere
  kümmerst denken denk denke nachdenken übernehmen übernimm übernimmst zeigen zeig zeige zeigst kommunizier kommunizieren
  kommuniziere kommunizierst engagieren engagiere beteiligen beteilige einbringen bring bringe
  unterstützen unterstütze helfen hilf respektieren respektiere fokussieren fokussiere priorisieren
  priorisiere reflektieren reflektiere aufpassen pass passe ändern ändere
`);
/** Verbs with no action of their own. */
const LIGHT_VERBS = foldedSet(`
  sein sei seien seid bist werden werde wirst bleiben bleib bleibe machen mach mache machst tun tu tue
  geben gib gibst haben hab habe hast versuchen versuch versuche versuchst lassen lass lasst lasse
  anfangen fang fange aufhören hör höre weitermachen
`);
const MODALS = foldedSet(`
  solltest sollte sollten sollst soll sollen kannst kann können könntest könnte könnten musst muss müssen
  müsstest würdest würde würden wirst wird möchte möchtest wünsche wünschen bitte lass lasst lassen
`);
/** Imperatives managers write often; the rest are found by their place in the sentence. */
const IMPERATIVES = foldedSet(`
  halte halt schick schicke sende plane teile teil frag frage nimm sag sage schreib schreibe melde meld
  bereite stell stelle lies prüf prüfe check such suche ruf rufe setz setze leg lege hol hole füg füge
  trag trage heb hebe warte sprich sammle sammel notiere dokumentiere informiere geh gehe beginne beginn
  erkläre erklär formuliere kläre klär erstelle erstell buche buch lade lad antworte antwort erinnere fasse
  fass nutze nutz verwende benutze teste markiere blocke blockiere gib poste poste reserviere bespreche
  besprich stimme stimm lege delegiere delegier verschiebe verschieb übergib vereinbare vereinbar pinge ping
`);
/** Words that may end a clause in "-en" without being a verb. */
const NOT_VERBS = foldedSet(`
  einen den dem denen ihnen unseren deinen ihren meinen seinen keinen allen vielen anderen eigenen nächsten
  kommenden künftigen zukünftigen offenen ersten letzten morgen wegen trotzdem oben unten zwischen neben
  gegen ohnehin übrigen
`);
/** Quality nouns: "mehr Sorgfalt" asks for a quality, not an action. */
const VAGUE_NOUNS = foldedSet(`
  kommunikation einstellung verhalten leistung arbeit mühe qualität teamarbeit zusammenarbeit ton umgang
  haltung mindset ansatz fokus energie aufmerksamkeit verantwortung sorgfalt pünktlichkeit tempo gas
  details detail kleinigkeiten dinge sachen alles etwas besseres mehr weniger beispiel vorbild mensch person teamplayer leader
  selbst dich sich dir sie ihnen
`);
/** Degree words and comparatives: "sei aufmerksamer", "mehr", "besser". */
const COMPARATIVES = foldedSet(`
  besser mehr weniger öfter öfters häufiger früher eher schneller klarer genauer sorgfältiger aufmerksamer proaktiver
  pünktlicher zuverlässiger ruhiger freundlicher netter offener engagierter strukturierter konzentrierter
`);
/** Amounts, times and deadlines make even a soft request checkable. */
const MEASURES = foldedSet(`
  vor nach bis innerhalb spätestens zuerst vorab täglich wöchentlich jede jeden jedem jedes jeweils morgens
  uhr minuten stunden tage tagen montag dienstag mittwoch donnerstag freitag anfang ende beginn schluss
  pünktlich sofort einmal zweimal
`);
const FILLER = foldedSet(`
  bitte künftig zukünftig nächstes nächste nächsten beim mal kurz gern gerne immer vielleicht ruhig etwas
  einfach noch auch ab jetzt zukunft dabei darauf weiter weiterhin ich mir wünsche uns wir deiner deines
  ihrer ihres seine seiner seinen seinem eure euren eurer
`);
const KEEP_GOING = foldedSet(`weiter weitermachen beibehalten beibehält behalte behalt bei so`);

function isTrait(w: string): boolean {
  return (
    COMPARATIVES.has(w) ||
    inflectedIn(w, DE_STRONG_TRAITS) ||
    inflectedIn(w, DE_CONTEXT_TRAITS) ||
    inflectedIn(w, DE_PRAISE_TRAITS) ||
    inflectedIn(w, DE_STRONG_LABELS) ||
    inflectedIn(w, DE_PRAISE_LABELS) ||
    inflectedIn(w, DE_QUALITIES)
  );
}

function isVerbAt(ws: readonly DeWord[], i: number, informal: boolean): boolean {
  const word = ws[i];
  if (!word || word.brk) return false;
  const w = word.w;
  const prev = ws[i - 1];
  const next = ws[i + 1];
  const opens = !prev || prev.brk;
  if (IMPERATIVES.has(w) || VAGUE_VERBS.has(w) || SOFT_VERBS.has(w) || LIGHT_VERBS.has(w)) {
    return opens || !word.cap;
  }
  // "Schicken Sie", "Halten Sie": the formal imperative opens with the verb.
  if (opens && next?.w === "sie" && w.endsWith("en")) return true;
  // Infinitives close the clause: "Fragen bis zum Ende sammeln", "… vorbereiten, bevor …".
  if (!word.cap && /^\p{L}{2,}(?:en|ern|eln)$/u.test(w) && !NOT_VERBS.has(w) && !DE_FUNCTION_WORDS.has(w)) {
    // A verb cluster ends the clause too: "laufen lässt", "vorbereiten kannst".
    return (
      !next ||
      next.brk ||
      next.w === "und" ||
      next.w === "oder" ||
      prev?.w === "zu" ||
      MODALS.has(next.w) ||
      LIGHT_VERBS.has(next.w)
    );
  }
  // "dass du die Agenda vorher schickst"
  if (!word.cap && w.length > 4 && w.endsWith("st") && informal) {
    return !next || next.brk;
  }
  return false;
}

/** What, if anything, keeps this German request from being something one can do. */
export function germanRequestProblem(request: string, reinforcing = false): RequestProblem | undefined {
  const ws = deWords(request);
  let hasVerb = false;
  let concreteVerb = false;
  let vagueVerb = false;
  let light = false;
  let measurable = false;
  let comparative = false;
  let keepGoing = false;
  let things = 0;
  const informal = ws.some((word) => word.w === "du");
  for (let i = 0; i < ws.length; i++) {
    const word = ws[i];
    if (!word || word.brk) continue;
    const w = word.w;
    if (/\d/.test(w) || w.startsWith("#") || w.startsWith("@") || MEASURES.has(w)) measurable = true;
    if (COMPARATIVES.has(w)) comparative = true;
    if (KEEP_GOING.has(w) && (w !== "so" || ws[i - 1]?.w === "weiter")) keepGoing = true;
    if (MODALS.has(w)) continue;
    if (isVerbAt(ws, i, informal)) {
      hasVerb = true;
      if (VAGUE_VERBS.has(w)) vagueVerb = true;
      else if (LIGHT_VERBS.has(w)) light = true;
      else if (!SOFT_VERBS.has(w)) concreteVerb = true;
      continue;
    }
    if (
      !FILLER.has(w) &&
      !DE_FUNCTION_WORDS.has(w) &&
      !VAGUE_NOUNS.has(w) &&
      !inflectedIn(w, VAGUE_NOUNS) &&
      !isTrait(w) &&
      !MEASURES.has(w)
    ) {
      things++;
    }
  }
  if (reinforcing && keepGoing) return undefined;
  if (!hasVerb) return "no-action";
  if (vagueVerb && !concreteVerb && !measurable) return "vague";
  if (light && !concreteVerb && things === 0 && !measurable) return "vague";
  if (things === 0 && !concreteVerb && !measurable) return "vague";
  // "delegiere mehr": an action, but no way to tell when it is enough
  if (things === 0 && comparative && !measurable) return "vague";
  return undefined;
}
