/**
 * German words the feedback checks look for. Entries are folded like the text (see `fold`), so
 * "unzuverlässig" also finds "unzuverlaessig" and "unzuverlassig"; inflected forms are found by
 * `inflectedIn`, so each adjective is listed once, uninflected.
 */
import { foldedSet } from "./de-text";

/** Judgments of the person whatever the sentence around them. */
export const DE_STRONG_TRAITS = foldedSet(`
  faul träge arrogant überheblich herablassend respektlos unprofessionell inkompetent unfähig schlampig
  nachlässig egoistisch selbstsüchtig unhöflich frech unverschämt aggressiv passiv-aggressiv desinteressiert
  unmotiviert demotiviert lustlos gleichgültig unzuverlässig verantwortungslos rücksichtslos taktlos
  unkollegial unkooperativ stur dickköpfig rechthaberisch besserwisserisch zickig launisch unreif kindisch
  dumm blöd doof ignorant unehrlich verlogen hinterhältig feige toxisch unorganisiert chaotisch unstrukturiert
  unaufmerksam unkonzentriert vergesslich unpünktlich unselbstständig unselbständig engstirnig unflexibel
  selbstgefällig eingebildet überempfindlich empfindlich dünnhäutig abweisend unfreundlich unsozial
  nervig unerträglich kleinlich pedantisch schwerfällig oberflächlich sprunghaft ungeduldig unsensibel
`);

/** Words that judge a person only when said of them: "du bist negativ", not "ein negativer Test". */
export const DE_CONTEXT_TRAITS = foldedSet(`
  negativ schwierig anstrengend defensiv langsam laut kalt distanziert emotional dominant
  unmöglich peinlich kompliziert passiv naiv zerstreut unnahbar verschlossen ineffizient unproduktiv
  ablehnend kritisch streng
`);

/** Praise that names no behavior; negated ("nicht zuverlässig") it becomes a judgment. */
export const DE_PRAISE_TRAITS = foldedSet(`
  toll super großartig klasse spitze fantastisch phantastisch genial brillant hervorragend ausgezeichnet
  wunderbar wundervoll grandios exzellent perfekt stark beeindruckend unglaublich mega top klug schlau smart
  talentiert begabt kreativ kompetent fleißig engagiert motiviert zuverlässig verlässlich teamfähig
  professionell hilfsbereit sorgfältig proaktiv souverän belastbar kritikfähig freundlich höflich
  aufmerksam pünktlich gut prima spitzenmäßig vorbildlich best
`);

/** Labels for the person. */
export const DE_STRONG_LABELS = foldedSet(`
  faulpelz besserwisser kontrollfreak diva drückeberger nörgler querulant egoist idiot versager bremser
  miesmacher schwätzer angeber sturkopf dickkopf choleriker mimose trottel chaot mikromanager heulsuse
  problemfall störenfried schnarchnase pfeife nervensäge
`);

/** Labels that are praise, or a reproach when denied: "kein Teamplayer". */
export const DE_PRAISE_LABELS = foldedSet(`
  teamplayer rockstar held heldin star genie naturtalent vorbild ass profi bereicherung
`);

/** Qualities one can only "lack": "kein Engagement", "es fehlt an Eigeninitiative". */
export const DE_QUALITIES = foldedSet(`
  engagement eigeninitiative initiative motivation verantwortungsbewusstsein verantwortungsgefühl teamgeist
  einsatz disziplin respekt professionalität ehrgeiz biss interesse ownership dringlichkeit sorgfalt
  leidenschaft antrieb durchhaltevermögen reife selbstständigkeit
`);

/** Absolutes: they start a debate about the exceptions. ("Grundsätzlich" mostly means "basically".) */
export const DE_ABSOLUTES = foldedSet(`
  immer nie niemals ständig stets dauernd andauernd ununterbrochen permanent pausenlos jedesmal ausnahmslos
`);

/** Guesses at what the person intends. */
export const DE_INTENT_ADVERBS = foldedSet(`absichtlich vorsätzlich mutwillig böswillig`);
/** What "wollen" guesses at: "du wolltest mich bloßstellen". */
export const DE_INTENT_TARGETS = foldedSet(`
  untergraben sabotieren provozieren ärgern blamieren bloßstellen vorführen profilieren schaden manipulieren
  aufmerksamkeit angeben glänzen aufspielen wichtigmachen demütigen kränken austricksen
`);
export const DE_WANT = foldedSet(`will willst wollte wolltest wollten wolltet wollen wollt`);

/** Someone reported as speaking: what follows is what they said, not the manager's judgment. */
export const DE_SPEECH = foldedSet(`
  sagte sagtest sagten gesagt meintest meinte gemeint schriebst schrieb geschrieben nanntest nannte genannt
  bezeichnetest bezeichnete bezeichnet fragtest fragte gefragt zitat
`);

/** Pronouns and possessives that put a person in the clause. */
export const DE_PERSON = foldedSet(`
  du dich dir dein deine deinen deinem deiner deines sie ihnen ihr ihre ihren ihrem ihrer ihres er ihn ihm
  sein seine seinen seinem seiner seines euch euer eure
`);
export const DE_COPULAS = foldedSet(`
  bist ist sind seid war warst waren wart wirkst wirkt wirkte wirktest wirkten scheinst scheint schien
  schienst schienen gewesen wurdest wurde wurden bleibst bleibt bliebst blieb klang klangst kamst kam
  rüber benimmst benimmt benahmst benahm verhältst verhält verhieltst verhielt
`);
export const DE_NEGATORS = foldedSet(`nicht kein keine keinen keinem keiner keines nie niemals wenig`);
/** Articles and demonstratives: before a noun, the sentence is about a thing. */
export const DE_THING_DETERMINERS = foldedSet(`
  der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem
`);

/** Nouns that make praise concrete enough to be a verdict: "gute Arbeit", "tolle Leistung". */
export const DE_PRAISE_OBJECTS = foldedSet(`arbeit job leistung sache einsatz beitrag werk`);
/** Verbs that say something was done without saying what: "gut gemacht". */
export const DE_EMPTY_DEEDS = foldedSet(`
  gemacht getan gearbeitet geleistet gewesen geworden gehabt erledigt hingekriegt gemeistert gerockt
  hinbekommen
`);

/** Participles that name an action but lack the "ge-" or "-iert" a guess would see. */
export const DE_ACTION_PARTICIPLES = foldedSet(`
  erklärt beantwortet übernommen besprochen verschoben vorbereitet bearbeitet entschieden erstellt übersetzt
  unterstützt begleitet beschrieben behoben verschickt versendet erkannt erreicht entwickelt überprüft
  verbessert vereinfacht zerlegt bemerkt beraten bewertet eröffnet unterbrochen übergangen vergessen
  verpasst verlassen erwähnt ergänzt entfernt erinnert empfangen eingeladen
`);
