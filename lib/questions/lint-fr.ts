/**
 * Flags French questions that invite a oui/non or suggest their own answer, with a hint and,
 * where the shape allows, an open rewrite in the same register (tu or vous) as the question.
 *
 * French asks yes/no three ways: "est-ce que…", inversion ("as-tu…", "y a-t-il…") and a
 * statement with a question mark ("Tout va bien ?"). Open questions start with an
 * interrogative ("que", "comment", "à quel point"), invite ("Raconte-moi…", "Peux-tu me
 * décrire…") or leave it in place ("Tu en penses quoi ?"). Patterns run on folded text (no
 * accents, so typed-without-accents reads the same) and are anchored or word-bounded.
 */
import type { QuestionLintResult } from "./lint";
import { checkQuestion, type QuestionVerdict, type QuestionWords, trimEndOf } from "./sentences";

type Verdict = QuestionVerdict;
type Register = "tu" | "vous";

// French typography: no-break spaces inside guillemets and before ":" and "?".
const q = (text: string) => `«\u202F${text}\u202F»`;
const ask = (text: string) => `${text}\u202F?`;

const words: QuestionWords = {
  messages: {
    closed: "Question fermée\u00A0: on peut y répondre par oui ou par non.",
    leading: "Question orientée\u00A0: elle suggère la réponse que vous espérez.",
    double: "Deux questions à la fois\u00A0: on ne répond souvent qu'à une seule.",
  },
  advice: {
    closed: "Commencez par que, comment ou qu'est-ce qui, pour que la personne réponde avec ses mots.",
    leading: "Laissez votre avis de côté et demandez le sien.",
    double: "Posez une question à la fois, la plus importante d'abord.",
  },
  suggest: (question) => `Essayez\u00A0: ${q(question)}`,
  // The generic question in "vous", as the bank asks; read when needed, as the words it is made
  // of are set further down.
  get fallback() {
    return generic("", "vous");
  },
  sameQuestion: (suggestion, sentence) => fold(suggestion) === fold(frenchSpacing(sentence)),
};

/** Lower case without accents, one character for one, so indices still point into the original. */
function fold(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) {
    const bare = ch.normalize("NFD").replace(/\p{M}/gu, "");
    out += bare.length === ch.length ? bare : ch;
  }
  return out;
}

const FILLER =
  /^(?:alors|et|mais|donc|ok|okay|bon|bref|du coup|au fait|sinon|hey|salut|petite question|question|dernier point|enfin)\b[\s,:;.\u2013\u2014-]*/;

function stripFillers(text: string): string {
  let out = text;
  for (let n = 0; n < 5; n++) {
    const m = FILLER.exec(fold(out));
    if (!m || m[0].length === 0 || m[0].length >= out.length) break;
    out = out.slice(m[0].length);
  }
  return out;
}

const PREPOSITION = `(?:a|au|aux|de|du|des|dans|sur|pour|avec|par|en|vers|chez|aupres de|selon|d'apres|depuis|pendant|jusqu'a|parmi|entre|sous)`;
/** Interrogatives that open an open question: "que", "qu'", "comment", "à quel point"… */
const openHead = new RegExp(
  `^(?:${PREPOSITION} )?(?:qu'|qu est\\b|quest-ce\\b|quest ce\\b|(?:que|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|auquel|auxquels|auxquelles|duquel|desquels|comment|pourquoi|combien|qui|quand|ou(?! bien\\b| alors\\b| pas\\b| non\\b))\\b)`,
);

/** Invitations to talk, which are open in practice. */
const invitation =
  /^(?:(?:raconte|racontez|decris|decrivez|explique|expliquez|parle|parlez|partage|partagez|imagine|imaginez|detaille|detaillez|developpe|developpez|precise|precisez|presente|presentez|repense|repensez|pense|pensez)\b(?!-(?:tu|vous|t-|il|elle|on|nous)\b)|(?:dis|dites|donne|donnez|montre|montrez|aide|aidez|guide|guidez|rappelle|rappelez)-(?:moi|nous|toi|vous)\b(?! si\b)|j'aimerais (?:savoir|comprendre|entendre|connaitre|avoir)|je (?:voudrais|veux|serais curieux|serais curieuse|suis curieux|suis curieuse)\b)/;

const polite =
  /^(?:est-ce que |est-ce qu')?(?:(?:tu|vous) )?(?:peux|pourrais|pouvez|pourriez|voudrais|voudriez|veux|voulez|accepterais|accepteriez)(?:-tu|-vous)? (?:bien )?(?:me |m'|nous )?(?:en )?(?:raconter|decrire|expliquer|parler|partager|detailler|developper|presenter|preciser|resumer|guider|dire plus|dire (?:comment|ce|pourquoi|ou|quand|quel|quelle|quels|quelles|qui|combien|en quoi|a quoi|de quoi)|donner (?:un exemple|des exemples|ton avis|votre avis|ton point de vue|votre point de vue|ton ressenti|votre ressenti)|aider a comprendre|montrer comment)\b/;

/** "est-ce que…", and inversion: "as-tu", "êtes-vous", "y a-t-il", "le projet est-il". */
const estCeQue = /^est-ce qu(?:e\b|')/;
const inversion =
  /^(?:y )?[\p{L}]+(?:-t)?-(?:tu|vous|il|elle|on|nous|ils|elles|je|ce)\b|^(?:[\p{L}']+ ){1,3}(?:est|sont|a|ont|va|vont|etait|sera|semble|avance|marche)(?:-t)?-(?:il|elle|ils|elles|ce)\b/u;

/** Interrogatives left in place: "Tu en penses quoi ?", "Ça se passe comment ?". */
const inSitu =
  /\b(?:quoi|comment|combien|pourquoi|lequel|laquelle|lesquels|lesquelles|quel|quelle|quels|quelles)\b|\b(?:qui|quand)$|\b(?:a|avec|de|pour|chez|par) qui\b/;
/** "Tu sais comment… ?" asks whether they know: still yes or no. */
const knowWhether =
  /^(?:tu |vous )?(?:sais|savez|vois|voyez|comprends|comprenez)(?:-tu|-vous)? (?:comment|pourquoi|quoi|quel|quelle|quels|quelles|combien|ou|qui)\b/;

const leadingAnywhere: readonly RegExp[] = [
  // "Ne penses-tu pas que…", "Tu ne trouves pas que…", "Vous trouvez pas que…"
  /\b(?:ne |n')(?:penses|pensez|trouves|trouvez|crois|croyez)-(?:tu|vous) pas\b/,
  /\b(?:tu|vous) (?:ne |n')?(?:penses|pensez|trouves|trouvez|crois|croyez) pas\b/,
  /\b(?:es-tu|etes-vous|tu es|vous etes|t'es|on est|n'es-tu pas|n'etes-vous pas) d'accord\b/,
  /\bd'accord avec moi\b/,
  /\b(?:ne |n')(?:serait|vaudrait|vaut|est|faudrait|devrait|devrions|devrais|pourrait|pourrions)-(?:il|ce|on|nous|tu|vous) pas\b/,
  /\bce (?:ne )?serait pas (?:mieux|plus|preferable)\b|\b(?:il )?(?:ne )?vaudrait pas mieux\b/,
  /^pourquoi (?:ne pas|n'|ne |(?:tu|vous|il|elle|on|nous) (?:ne |n')|(?:tu|t') ?as pas\b|tu (?:l'|y )?as pas\b)/,
  /^pourquoi pas \S|^(?:et )?si (?:on|nous|tu|vous) (?:\S+ )?(?:simplement|juste)\b/,
  /\b(?:forcement|evidemment|bien sur|surement)\b/,
  /\bn'est-ce pas$|\bpas vrai$/,
];

/** Agreement-seeking tails: "…, non ?", "…, hein ?", "…, d'accord ?". */
const tag =
  /[,;:\u2013\u2014-] ?(?:non|hein|pas vrai|d'accord|ok|okay|oui|correct|exact|vrai|si|on est d'accord|(?:tu es|t'es|vous etes) d'accord|(?:tu |vous )?(?:ne |n')?(?:trouves|trouvez|penses|pensez|crois|croyez) pas|oui ou non|non \?|ou pas)$/;

/** A question that is a statement with a question mark and a denial: "Tu n'as pas fini ?". */
const negativeStatement = /^(?:(?:tu|vous|il|elle|on|nous|ils|elles|ca|c'|ce|cela) )?(?:ne |n'|n')/;

const praiseWords =
  /\b(?:genial|geniale|super|top|incroyable|formidable|excellent|excellente|reussi|reussie|parfait|parfaite)\b/;

/** Checks a question written in French, and answers in French. `questionLint` catches what it throws. */
export function frenchQuestionLint(text: string): QuestionLintResult {
  const clean = text
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, " ")
    // French sets "?" apart with a space; joined, the sentence split finds it as in English.
    .replace(/ (?=[?!])/g, "")
    .trim();
  return checkQuestion(clean, { words, judge, offer: frenchSpacing });
}

/** "Ça va?" back to "Ça va ?", with the no-break space French puts there. */
function frenchSpacing(sentence: string): string {
  const body = trimEndOf(sentence, "?!. ");
  const end = sentence.slice(body.length).trim();
  return end.startsWith("?") ? ask(body) : `${body}${end}`;
}

function registerOf(lower: string): Register {
  return /\b(?:tu|te|t'|toi|ton|ta|tes)\b|-tu\b|-toi\b/.test(lower) ? "tu" : "vous";
}

function judge(sentence: string, isQuestion: boolean): Verdict {
  const original = stripFillers(sentence).trim() || sentence;
  const lower = fold(trimEndOf(original, "?!. "));
  const register = registerOf(lower);
  if (lower === "") return isQuestion ? { code: "closed", rewrite: generic("", register) } : "statement";

  if (leadingAnywhere.some((re) => re.test(lower)) || tag.test(lower))
    return { code: "leading", rewrite: leadingRewrite(lower, register) };
  if (lower.startsWith("a quel point") && praiseWords.test(lower))
    return {
      code: "leading",
      rewrite: register === "tu" ? ask("Comment l'as-tu vécu") : ask("Comment l'avez-vous vécu"),
    };
  const verdict = judgeHead(original, isQuestion, register, 0);
  // "Des questions pour moi, Sam ?" is judged after the comma but rewritten as a whole.
  if (typeof verdict === "object" && verdict.code === "closed") {
    const whole = specificRewrite(original, register);
    if (whole) return { code: "closed", rewrite: whole };
  }
  return verdict;
}

function judgeHead(original: string, isQuestion: boolean, register: Register, depth: number): Verdict {
  const lower = fold(trimEndOf(original, "?!. "));
  const clauseBreak = original.search(/[,:;\u2013\u2014]/);
  const firstPart = clauseBreak > 0 ? lower.slice(0, clauseBreak) : lower;

  // "Quand tu as fini, tu m'envoies le doc ?", "Si tu pouvais changer une chose, laquelle ?"
  const conditional = /^(?:si|s'|quand|lorsque|lorsqu'|apres|avant|maintenant que|une fois)\b/.test(lower);
  const asksWhen =
    /^(?:quand|lorsque)\b/.test(lower) && /-(?:t-)?(?:tu|vous|il|elle|on|nous|je)\b|est-ce/.test(firstPart);
  if (conditional && !asksWhen && clauseBreak > 0 && depth < 3) {
    return judgeRest(original, clauseBreak, isQuestion, register, depth);
  }
  if (knowWhether.test(lower)) return { code: "closed", rewrite: closedRewrite(original, register) };
  if (openHead.test(lower) || invitation.test(lower) || polite.test(lower)) return "open";
  if (/^(?:dis|dites)-moi si\b/.test(lower))
    return { code: "closed", rewrite: closedRewrite(original, register) };
  if (estCeQue.test(lower) || inversion.test(lower)) {
    return { code: "closed", rewrite: closedRewrite(original, register) };
  }
  // "C'était comment, le séminaire ?"
  if (isQuestion && clauseBreak > 0 && inSitu.test(firstPart)) return "open";
  // "Selon vous, qu'est-ce qui…", "Sam, tout va bien ?": the main clause comes after the comma.
  if (clauseBreak > 0 && depth < 3) return judgeRest(original, clauseBreak, isQuestion, register, depth);
  if (!isQuestion) return "statement";
  if (inSitu.test(lower)) return "open";
  if (negativeStatement.test(lower) && /\b(?:pas|jamais|plus)\b/.test(lower)) {
    return { code: "leading", rewrite: leadingRewrite(lower, register) };
  }
  // A statement with a question mark ("Tout va bien ?") is still yes or no.
  return { code: "closed", rewrite: closedRewrite(original, register) };
}

function judgeRest(
  original: string,
  at: number,
  isQuestion: boolean,
  register: Register,
  depth: number,
): Verdict {
  const rest = stripFillers(original.slice(at + 1).trim()).trim();
  if (trimEndOf(rest, "?!. ") === "") {
    return isQuestion ? { code: "closed", rewrite: closedRewrite(original, register) } : "statement";
  }
  return judgeHead(rest, isQuestion, register, depth + 1);
}

function leadingRewrite(lower: string, register: Register): string {
  const tu = register === "tu";
  if (lower.startsWith("pourquoi") && !lower.startsWith("pourquoi pas"))
    return ask(tu ? "Qu'est-ce qui t'en a empêché" : "Qu'est-ce qui vous en a empêché");
  if (
    /\b(?:si|pourquoi pas|mieux|preferable|devrait|devrions|devrais|faudrait|pourrait|pourrions)\b/.test(
      lower,
    )
  )
    return ask(tu ? "Comment t'y prendrais-tu" : "Comment vous y prendriez-vous");
  return ask(tu ? "Qu'en penses-tu" : "Qu'en pensez-vous");
}

/** A generic open question in the tense of `body`, for when there is no subject to keep. */
function generic(body: string, register: Register): string {
  const tu = register === "tu";
  const lower = fold(body);
  // Passé composé or imperfect: "tu as vu…", "c'était…"; a participle keeps "tu as une minute" present.
  const past =
    /^(?:est-ce que |est-ce qu')?(?:(?:tu|vous|il|elle|on|ca|c'|ce|t') ?)?(?:as|a|avez|ont|avait|avais|aviez|etait|etais|etiez)\b/.test(
      lower,
    ) &&
    /(?:é|ée|és|ées|(?:^|[\s'])(?:fini|fait|pu|eu|dit|pris|mis|vu|lu|su|était|étais|étiez|etait|etais|etiez))(?=$|[\s,;:.!?])/.test(
      body.toLowerCase(),
    );
  if (past)
    return ask(
      tu ? "Comment ça s'est passé de ton point de vue" : "Comment ça s'est passé de votre point de vue",
    );
  if (
    /^(?:est-ce que |est-ce qu')?(?:(?:tu|vous|on|nous) )?(?:peux|pouvez|pourrais|pourriez|pourrait|pourrions|dois|devez|devrais|devriez|devrait|devrions|faut|faudrait|vas|allez|va|veux|voulez)\b/.test(
      lower,
    )
  )
    return ask(tu ? "Que proposerais-tu" : "Que proposeriez-vous");
  return ask(tu ? "Comment vois-tu les choses" : "Comment voyez-vous les choses");
}

/** "le lancement" after "de" is "du lancement". */
function afterDe(topic: string): string {
  if (/^le /i.test(topic)) return `du ${topic.slice(3)}`;
  if (/^les /i.test(topic)) return `des ${topic.slice(4)}`;
  return `de ${topic}`;
}

/** "du projet" after "content" is "le projet" after "vis-tu": the preposition goes, its article stays. */
function objectOf(topic: string): string {
  if (/^du /i.test(topic)) return `le ${topic.slice(3)}`;
  if (/^des /i.test(topic)) return `les ${topic.slice(4)}`;
  return topic.replace(/^(?:de|avec|dans|par|sur|à propos de|a propos de|par rapport à|par rapport a) /i, "");
}

type Rewrite = readonly [RegExp, (topic: string, register: Register) => string];
const pick = (register: Register, tu: string, vous: string) => ask(register === "tu" ? tu : vous);

const rewrites: readonly Rewrite[] = [
  [
    /\b(?:retours?|feedbacks?|remarques?) (?:pour moi|sur moi|a me faire|a me donner|sur mon travail|sur ma facon)\b/,
    (_, r) => pick(r, "Quels retours as-tu pour moi", "Quels retours avez-vous pour moi"),
  ],
  [
    /\bbesoin (?:de quelque chose|d'aide|de moi|d'un coup de main)\b|\b(?:je peux|puis-je|est-ce que je peux|je pourrais|pourrais-je) (?:t'aider|vous aider|aider|faire quelque chose)\b/,
    (_, r) =>
      pick(
        r,
        "De quoi as-tu besoin de ma part cette semaine",
        "De quoi avez-vous besoin de ma part cette semaine",
      ),
  ],
  [
    /\b(?:bloque|bloquee|bloques|blocages?|bloquant|bloquants|coince|coincee|obstacles?|freins?)\b/,
    (_, r) => pick(r, "Qu'est-ce qui te ralentit en ce moment", "Qu'est-ce qui vous ralentit en ce moment"),
  ],
  [
    /^questions?\b|\b(?:des |d'autres |une |pas de )questions?\b/,
    (_, r) => pick(r, "Quelles questions as-tu", "Quelles questions avez-vous"),
  ],
  [
    /^(?:autre chose|rien d'autre|rien a ajouter|quelque chose a ajouter|quelque chose d'autre|(?:y a-t-il|il y a|est-ce qu'il y a) (?:autre chose|quelque chose d'autre|quelque chose a ajouter))\b/,
    (_, r) => pick(r, "Qu'as-tu d'autre en tête", "Qu'avez-vous d'autre en tête"),
  ],
  [
    /\b(?:c'est clair|est-ce clair|c'est compris|(?:tu as|vous avez|as-tu|avez-vous) compris|ca a du sens|ca te parle|ca vous parle)\b/,
    (_, r) => pick(r, "Qu'est-ce qui reste flou pour toi", "Qu'est-ce qui reste flou pour vous"),
  ],
  [
    /^(?:est-ce que )?(?:ca va|tout va bien|tout va|tout roule|tout se passe bien|ca se passe bien|tout est ok|tout ok|ca roule)(?: (avec|pour|sur|dans|au|a) (.+))?$/,
    (topic) => (topic ? ask(`Comment ça se passe ${topic}`) : ask("Comment ça se passe en ce moment")),
  ],
  [
    /^(?:est-ce que )?(?:tu es|vous etes|es-tu|etes-vous|t'es) (?:toujours |vraiment |encore )?(?:content|contente|contents|heureux|heureuse|satisfait|satisfaite|a l'aise|bien|ok|motive|motivee|serein|sereine|enthousiaste|epanoui|epanouie|confiant|confiante)(?: (de|du|des|avec|dans|par|sur|a propos de|par rapport a) (.+))?$/,
    (topic, r) =>
      topic
        ? pick(r, `Comment vis-tu ${objectOf(topic)}`, `Comment vivez-vous ${objectOf(topic)}`)
        : pick(
            r,
            "Comment te sens-tu au travail en ce moment",
            "Comment vous sentez-vous au travail en ce moment",
          ),
  ],
  [
    /^(?:est-ce que |est-ce qu')?(.+?) (?:est|sont|est-il|est-elle|sont-ils|sont-elles) (?:dans les temps|en bonne voie|sur les rails|bien parti|bien partie|en retard|ok|sur la bonne voie|pret|prete|prets|pretes|termine|terminee|fini|finie|boucle|bouclee)$/,
    (topic, r) =>
      pick(r, `Où en est ${topic} de ton point de vue`, `Où en est ${topic} de votre point de vue`),
  ],
  [
    /^(?:est-ce que |est-ce qu')?(?:tu as|vous avez|as-tu|avez-vous|t'as) (?:pu |reussi a )?(?:fini|termine|boucle|envoye|livre|corrige|rendu|avance sur)(?: (.+))?$/,
    (topic, r) =>
      topic
        ? pick(r, `Où en es-tu avec ${topic}`, `Où en êtes-vous avec ${topic}`)
        : pick(r, "Où en es-tu", "Où en êtes-vous"),
  ],
  [
    /^(?:est-ce que |est-ce qu')?(?:tu as|vous avez|as-tu|avez-vous|t'as) (?:parle|discute|echange|vu) (?:a|avec) (.+)$/,
    (topic, r) =>
      pick(
        r,
        `Qu'as-tu retenu de tes échanges avec ${topic}`,
        `Qu'avez-vous retenu de vos échanges avec ${topic}`,
      ),
  ],
  [
    /^(?:est-ce que |est-ce qu')?(.+?) (?:(?:t'|m'|vous |te |lui )?a ete|a-t-il ete|a-t-elle ete|etait|s'est bien passee?|s'est-il bien passe|s'est-elle bien passee) ?(?:un succes|une reussite|reussie?|utile|positif|positive)?$/,
    (topic, r) => pick(r, `Quel bilan tires-tu ${afterDe(topic)}`, `Quel bilan tirez-vous ${afterDe(topic)}`),
  ],
  [
    /^(?:est-ce qu'il y a|y a-t-il|il y a) (?:quelque chose|un sujet|un point) qui (.+)$/,
    (topic) => ask(`Qu'est-ce qui ${topic}`),
  ],
  [
    /^(?:est-ce que |est-ce qu')?(?:tu peux|vous pouvez|peux-tu|pouvez-vous|pourrais-tu|pourriez-vous|tu pourrais|vous pourriez) (?!pas\b|ne\b)(.+)$/,
    (topic) => ask(`Qu'est-ce qu'il faudrait pour ${topic}`),
  ],
];

/** The rewrite for the shape of `original`, keeping its subject where the shape allows. */
function closedRewrite(original: string, register: Register): string {
  return specificRewrite(original, register) ?? generic(trimEndOf(original, "?!. ").trim(), register);
}

function specificRewrite(original: string, register: Register): string | undefined {
  const body = trimEndOf(original, "?!. ").trim();
  const lower = fold(body);
  // Long text gets a generic rewrite, so no pattern below scans more than a sentence.
  if (lower.length > 200) return undefined;
  for (const [pattern, build] of rewrites) {
    const m = pattern.exec(lower);
    if (!m) continue;
    const group = m.length > 1 ? (m[m.length - 1] ?? "") : "";
    const topicAt = group ? lower.lastIndexOf(group) : -1;
    const topic = topicAt >= 0 ? body.slice(topicAt, topicAt + group.length) : "";
    // "Ça va avec l'équipe ?": keep the preposition that introduced the topic
    const prep =
      m.length > 2 && m[1] && m[2] ? `${body.slice(lower.lastIndexOf(m[1], topicAt), topicAt).trim()} ` : "";
    return build(prep + lowerFirst(topic), register);
  }
  return undefined;
}

/** "Le projet" inside a sentence is "le projet"; names keep their capital. */
function lowerFirst(topic: string): string {
  return topic.replace(
    /^(?:Le|La|Les|L'|Ce|Cette|Ces|Ton|Ta|Tes|Votre|Vos|Mon|Ma|Mes|Notre|Nos|Un|Une|Des)\b/,
    (w) => w.toLowerCase(),
  );
}
